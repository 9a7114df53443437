import { APP_BUS_SOURCE, type AppBusDetail, type AppBusEvent, type GatewayInfo } from '../app-bus/app-bus-event';
import { eventContentKey } from '../app-bus/content-key';
import { CALL_ANALYSIS_COMPLETED, OPEN_MESSAGING_MESSAGE } from '../app-bus/detail-types';
import { parseTopicName } from '../catalog/parse-topic-name';
import type { RecognisedEvent } from '../recognise/recognise';

/** Seed events carry no notification version; this marks them as the seed's own format. */
const SEED_VERSION = 'seed';

/**
 * Turns a recognised event into the one shape every consumer handles: a Genesys EventBridge event whose
 * `detail-type` is the topic pattern (or the seed event type) and whose `detail` is a Genesys notification
 * plus the `gateway` field.
 *
 * @example
 * ```ts
 * const event = toAppBusEvent(recogniseEvent(payload), { transport: 'genesys-form', scheme: 'seed-form', receivedAt });
 * // { source: 'genesys-events.webhooks', detailType: 'conversation:created', detail: { topicName, eventBody, ... } }
 * ```
 */
export const toAppBusEvent = (recognised: RecognisedEvent, gateway: GatewayInfo): AppBusEvent => {
  switch (recognised.kind) {
    case 'seed-conversation':
      return seedEvent(recognised.event.eventType, recognised.event, gateway);
    case 'seed-unknown':
      return seedEvent(recognised.eventType, recognised.event, gateway);
    case 'notification': {
      const { notification, envelope } = recognised;
      // The pattern comes from the topic name, whoever carried it, so every transport gives the same detail-type.
      const detailType = parseTopicName(notification.topicName).pattern;
      return appBusEvent(detailType, { ...notification, gateway: withOriginalSource(gateway, envelope?.source) });
    }
    case 'open-messaging': {
      const channel = recognised.message.channel as Record<string, unknown>;
      return appBusEvent(OPEN_MESSAGING_MESSAGE, {
        topicName: OPEN_MESSAGING_MESSAGE,
        version: 'open-messaging',
        eventBody: recognised.message,
        metadata: {},
        timestamp: typeof channel.time === 'string' ? channel.time : gateway.receivedAt,
        gateway,
      });
    }
    case 'call-analysis':
    case 'envelope-unknown': {
      const { envelope } = recognised;
      const detailType = envelope['detail-type'];
      return appBusEvent(detailType, {
        topicName: detailType === CALL_ANALYSIS_COMPLETED ? CALL_ANALYSIS_COMPLETED : detailType,
        version: envelope.version ?? '0',
        eventBody: envelope.detail,
        metadata: {},
        ...(envelope.time === undefined ? {} : { timestamp: envelope.time }),
        gateway: withOriginalSource(gateway, envelope.source),
      });
    }
  }
};

const seedEvent = (eventType: string, body: Record<string, unknown>, gateway: GatewayInfo): AppBusEvent => {
  const timestamp = typeof body.timestamp === 'string' ? body.timestamp : gateway.receivedAt;
  return appBusEvent(eventType, {
    topicName: eventType,
    version: SEED_VERSION,
    eventBody: body,
    metadata: {},
    timestamp,
    gateway,
  });
};

const appBusEvent = (detailType: string, detail: AppBusDetail): AppBusEvent => ({
  source: APP_BUS_SOURCE,
  detailType,
  detail,
});

const withOriginalSource = (gateway: GatewayInfo, source: string | undefined): GatewayInfo =>
  source === undefined ? gateway : { ...gateway, originalSource: source };

/** How an event arrived does not change what it says: the content key leaves the gateway field out. */
const NO_GATEWAY: GatewayInfo = { transport: '', scheme: '', receivedAt: '' };

/**
 * The content key of a recognised event: {@link eventContentKey} of the detail it is published with, the
 * very key the consumers store it by. Two deliveries with the same key are the same event for every
 * consumer, whatever their bytes (key order, whitespace, transport).
 *
 * @example
 * ```ts
 * recognisedContentKey(recogniseEvent('{"eventType":"conversation:created","conversation":{"id":"c-1"}}')); // '5d41...'
 * ```
 */
export const recognisedContentKey = (recognised: RecognisedEvent): string =>
  eventContentKey(toAppBusEvent(recognised, NO_GATEWAY).detail);
