import {
  type AppBusEnvelope,
  type AppBusEvent,
  type GatewayInfo,
  recogniseEvent,
  toAppBusEvent,
  topicPattern,
} from '@genesys-events/core';
import { TEST_PARTNER_SOURCE } from './app-bus-events';

/**
 * What a rule target receives for an event put on the app bus: the detail through JSON (a copy, never the
 * publisher's own object).
 *
 * @example
 * ```ts
 * await handler(receivedFromBus(derivedAnalysisEvent, '2091-06-15T11:00:00.000Z'), context);
 * ```
 */
export const receivedFromBus = (event: AppBusEvent, time = new Date().toISOString()): AppBusEnvelope => ({
  'detail-type': event.detailType,
  source: event.source,
  time,
  detail: JSON.parse(JSON.stringify(event.detail)),
});

/**
 * What a rule target receives for a webhook payload ingest published: recognised and normalised by core
 * exactly as ingest does it.
 *
 * @example
 * ```ts
 * publishedWebhookEvent({ eventType: 'conversation:created', conversation: { id } }, gateway);
 * ```
 */
export const publishedWebhookEvent = (
  payload: Record<string, unknown>,
  gateway: GatewayInfo,
  time?: string,
): AppBusEnvelope => receivedFromBus(toAppBusEvent(recogniseEvent(JSON.stringify(payload)), gateway), time);

/**
 * A Genesys notification forwarded as it is from the partner bus: its topic pattern as detail-type, no
 * `gateway` field.
 *
 * @example
 * ```ts
 * partnerBusEvent(customerStartNotification, { source: PARTNER_SOURCE, time: '2025-03-14T09:26:55Z' });
 * ```
 */
export const partnerBusEvent = (
  notification: Record<string, unknown>,
  { source = TEST_PARTNER_SOURCE, time = new Date().toISOString() }: { source?: string; time?: string } = {},
): AppBusEnvelope => ({
  'detail-type': topicPattern(String(notification.topicName)),
  source,
  time,
  detail: notification,
});
