import {
  type AppBusDetail,
  type AppBusEnvelope,
  appBusDetailSchema,
  conversationIdOf,
  eventContentKey,
  eventTimeOf,
} from '@genesys-events/core';

/** One unique event in a conversation's timeline, as stored and as served. */
export interface TimelineEntry {
  readonly conversationId: string;
  /** Content key: the same for every redelivery of the event, over any transport. */
  readonly eventKey: string;
  /** The concrete topic name (or the seed event type). */
  readonly topic: string;
  readonly detailType: string;
  readonly eventTime: string;
  readonly transport: string;
  readonly receivedAt: string;
  readonly correlationId?: string;
  readonly body: Record<string, unknown>;
}

export type { AppBusEnvelope } from '@genesys-events/core';

/** The event is not a conversation event this service can store; it goes to the dead-letter queue. */
export class UnusableEventError extends Error {
  override readonly name = 'UnusableEventError';
}

/**
 * The timeline entry of an app-bus event. Throws {@link UnusableEventError} when the detail is not a
 * valid app-bus detail or names no conversation, so the event is retried and then parked, never dropped.
 *
 * @example
 * ```ts
 * const entry = toTimelineEntry(eventBridgeEvent);
 * ```
 */
export const toTimelineEntry = (envelope: AppBusEnvelope): TimelineEntry => {
  const parsed = appBusDetailSchema.safeParse(envelope.detail);
  if (!parsed.success) throw new UnusableEventError(`detail of ${envelope['detail-type']} is not an app-bus detail`);
  const detail: AppBusDetail = parsed.data;
  const conversationId = conversationIdOf(detail);
  if (!conversationId) throw new UnusableEventError(`${envelope['detail-type']} names no conversation`);
  // Every time is stored in toISOString() form: timelines are ordered by comparing them as strings.
  const arrivedAt =
    isoOrUndefined(detail.gateway?.receivedAt) ?? isoOrUndefined(envelope.time) ?? new Date(0).toISOString();
  const correlationId = detail.metadata?.CorrelationId;
  return {
    conversationId,
    eventKey: eventContentKey(detail),
    topic: detail.topicName,
    detailType: envelope['detail-type'],
    eventTime: eventTimeOf(detail) ?? arrivedAt,
    transport: detail.gateway?.transport ?? 'eventbridge-partner',
    receivedAt: arrivedAt,
    ...(correlationId ? { correlationId } : {}),
    body: detail.eventBody,
  };
};

const isoOrUndefined = (value: string | undefined): string | undefined => {
  const time = value === undefined ? Number.NaN : Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
};
