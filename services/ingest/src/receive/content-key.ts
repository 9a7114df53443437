import { eventContentKey, type RecognisedEvent, toAppBusEvent } from '@genesys-events/core';

/** How an event arrived does not change what it says: the content key leaves the gateway field out. */
const NO_GATEWAY = { transport: '', scheme: '', receivedAt: '' };

/**
 * The content key of a recognised event: core's `eventContentKey` (SHA-256 of the topic name and the
 * body with keys sorted) of the detail it is published with, the very key the consumers store events
 * by. Two deliveries with the same key are the same event for every consumer, whatever their bytes
 * (key order, whitespace, transport); ingest only ever drops a redelivery whose key it has already seen.
 *
 * @example
 * ```ts
 * contentKeyOf(recogniseEvent('{"eventType":"conversation:created","conversation":{"id":"c-1"}}')); // '5d41...'
 * ```
 */
export const contentKeyOf = (recognised: RecognisedEvent): string =>
  eventContentKey(toAppBusEvent(recognised, NO_GATEWAY).detail);
