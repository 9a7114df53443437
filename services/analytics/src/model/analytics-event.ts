import { type AppBusEnvelope, consumedEventOf, UnusableEventError } from '@genesys-events/core';
import { ANALYTICS_SOURCE } from './analytics-source';
import { type EventFacts, factsOf } from './event-facts';

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
};

export { type AppBusEnvelope, UnusableEventError } from '@genesys-events/core';
export { ANALYTICS_SOURCE } from './analytics-source';

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
  const { detail, detailType, conversationId, eventKey, eventTime } = consumedEventOf(envelope);
  const facts = factsOf(detail, { publishedByAnalytics: envelope.source === ANALYTICS_SOURCE });
  if (!facts) throw new UnusableEventError('invalid_detail', `${detailType} has a body of the wrong shape`);
  return { conversationId, eventKey, topic: detail.topicName, eventTime, ...facts };
};
