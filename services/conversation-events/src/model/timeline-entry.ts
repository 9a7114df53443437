import { type AppBusEnvelope, consumedEventOf } from '@genesys-events/core';

export { type AppBusEnvelope, UnusableEventError } from '@genesys-events/core';

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

/**
 * The timeline entry of an app-bus event. Throws core's `UnusableEventError` when the detail is not a
 * valid app-bus detail, names no conversation or has no time, so the event is retried and then parked,
 * never dropped.
 *
 * @example
 * ```ts
 * const entry = toTimelineEntry(eventBridgeEvent);
 * ```
 */
export const toTimelineEntry = (envelope: AppBusEnvelope): TimelineEntry => {
  const event = consumedEventOf(envelope);
  const correlationId = event.detail.metadata?.CorrelationId;
  return {
    conversationId: event.conversationId,
    eventKey: event.eventKey,
    topic: event.detail.topicName,
    detailType: event.detailType,
    eventTime: event.eventTime,
    transport: event.transport,
    receivedAt: event.receivedAt,
    ...(correlationId ? { correlationId } : {}),
    body: event.detail.eventBody,
  };
};
