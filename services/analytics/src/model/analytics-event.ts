import {
  type AppBusDetail,
  type AppBusEnvelope,
  appBusDetailSchema,
  conversationIdOf,
  eventContentKey,
  eventTimeOf,
} from '@genesys-events/core';
import { type EventFacts, factsOf } from './event-facts';

/** The `source` analytics publishes its derived events with (ours, never `aws.*`). */
export const ANALYTICS_SOURCE = 'genesys-events.analytics';

/**
 * One unique event as analytics stores it: its identity, its time, and only the facts analytics reads
 * (media type, direction, handle-time durations, final utterances, call analysis), never the whole body.
 */
export type AnalyticsEvent = EventFacts & {
  readonly conversationId: string;
  /** Content key (topic name + canonical body): the same for every redelivery, over any transport. */
  readonly eventKey: string;
  /** The concrete topic name (or the seed event type). */
  readonly topic: string;
  /** When the event happened, in `toISOString()` form so that string order is time order. */
  readonly eventTime: string;
  /** The UTC day of `eventTime` (`YYYY-MM-DD`): the partition of the time index. */
  readonly eventDay: string;
};

export type { AppBusEnvelope } from '@genesys-events/core';

/** The event is not one analytics can store; it is retried and then parked in the dead-letter queue. */
export class UnusableEventError extends Error {
  override readonly name = 'UnusableEventError';
}

/**
 * The analytics event of an app-bus event. Throws {@link UnusableEventError} when the detail is not an
 * app-bus detail, names no conversation, has no usable time or has a transcription body of the wrong
 * shape, so the event is parked for inspection rather than silently dropped.
 *
 * @example
 * ```ts
 * const event = toAnalyticsEvent(eventBridgeEvent);
 * event.eventKey; // '3f9a...' (64 hex characters)
 * ```
 */
export const toAnalyticsEvent = (envelope: AppBusEnvelope): AnalyticsEvent => {
  const parsed = appBusDetailSchema.safeParse(envelope.detail);
  const detailType = envelope['detail-type'];
  if (!parsed.success) throw new UnusableEventError(`detail of ${detailType} is not an app-bus detail`);
  const detail: AppBusDetail = parsed.data;
  const conversationId = conversationIdOf(detail);
  if (!conversationId) throw new UnusableEventError(`${detailType} names no conversation`);
  const eventTime = eventTimeOf(detail) ?? isoOrUndefined(envelope.time);
  if (!eventTime) throw new UnusableEventError(`${detailType} carries no usable time`);
  const facts = factsOf(detail, { publishedByAnalytics: envelope.source === ANALYTICS_SOURCE });
  if (!facts) throw new UnusableEventError(`${detailType} has a body of the wrong shape`);
  return {
    conversationId,
    eventKey: eventContentKey(detail),
    topic: detail.topicName,
    eventTime,
    eventDay: eventTime.slice(0, 10),
    ...facts,
  };
};

// Only four-digit years: the time index and string ordering rely on the fixed ISO shape.
const isoOrUndefined = (value: string | undefined): string | undefined => {
  const time = value === undefined ? Number.NaN : Date.parse(value);
  const iso = Number.isNaN(time) ? undefined : new Date(time).toISOString();
  return iso && /^\d{4}-/.test(iso) ? iso : undefined;
};
