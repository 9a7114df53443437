import type { AppBusDetail, AppBusEnvelope } from '../app-bus/app-bus-event';
import { appBusDetailSchema } from '../app-bus/app-bus-event';
import { eventContentKey } from '../app-bus/content-key';
import { conversationIdOf } from '../app-bus/conversation-id';
import { GenesysEventsError } from '../errors';
import { eventTimeOf } from './event-facts';

/**
 * An app-bus event a consumer cannot use: its detail is not an app-bus detail, it names no conversation,
 * or it carries no usable time. Consumers let it throw, so EventBridge retries it and then parks it in
 * the dead-letter queue: it is never dropped silently.
 *
 * @example
 * ```ts
 * throw new UnusableEventError('no_conversation', 'v2.users.{id}.presence names no conversation');
 * ```
 */
export class UnusableEventError extends GenesysEventsError {
  declare readonly reason: 'invalid_detail' | 'no_conversation' | 'no_event_time';
}

/** What every consumer needs to know of a conversation event before it stores it. */
export interface ConsumedEvent {
  readonly detail: AppBusDetail;
  readonly detailType: string;
  readonly conversationId: string;
  /** The content key: the same for every redelivery of the event, over any transport. */
  readonly eventKey: string;
  /** When it happened, in `toISOString()` form (stored times are compared as strings). */
  readonly eventTime: string;
  /** When it reached us: the gateway's receipt time, else the EventBridge event time. */
  readonly receivedAt: string;
  /** How it arrived; events forwarded from the Genesys partner bus carry no gateway field. */
  readonly transport: string;
}

/**
 * Validates an app-bus event as a consumer receives it and works out the facts every consumer stores.
 * Throws {@link UnusableEventError}.
 *
 * @example
 * ```ts
 * const { conversationId, eventKey, eventTime } = consumedEventOf(eventBridgeEvent);
 * ```
 */
export const consumedEventOf = (envelope: AppBusEnvelope): ConsumedEvent => {
  const detailType = envelope['detail-type'];
  const parsed = appBusDetailSchema.safeParse(envelope.detail);
  if (!parsed.success)
    throw new UnusableEventError('invalid_detail', `detail of ${detailType} is not an app-bus detail`);
  const detail = parsed.data;
  const conversationId = conversationIdOf(detail);
  if (!conversationId) throw new UnusableEventError('no_conversation', `${detailType} names no conversation`);
  const envelopeTime = isoOrUndefined(envelope.time);
  const eventTime = isoOrUndefined(eventTimeOf(detail)) ?? envelopeTime;
  if (!eventTime) throw new UnusableEventError('no_event_time', `${detailType} carries no usable time`);
  return {
    detail,
    detailType,
    conversationId,
    eventKey: eventContentKey(detail),
    eventTime,
    receivedAt: isoOrUndefined(detail.gateway?.receivedAt) ?? envelopeTime ?? eventTime,
    transport: detail.gateway?.transport ?? 'eventbridge-partner',
  };
};

/** Only four-digit years: time indexes and string ordering rely on the fixed ISO shape. */
const isoOrUndefined = (value: string | undefined): string | undefined => {
  const time = value === undefined ? Number.NaN : Date.parse(value);
  const iso = Number.isNaN(time) ? undefined : new Date(time).toISOString();
  return iso && /^\d{4}-/.test(iso) ? iso : undefined;
};
