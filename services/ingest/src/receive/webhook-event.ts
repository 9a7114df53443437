import type { RecognisedEvent, Transport } from '@genesys-events/core';
import type { WebhookHttpEvent } from '@genesys-events/core/middleware';

/** How a request arrived and how redeliveries of it are recognised. */
export interface DeliveryFacts {
  readonly transport: Transport;
  /** The authentication scheme that admitted it: a signature scheme or `api-key`. */
  readonly scheme: string;
  /** The sender's delivery id, when it sends one. */
  readonly deliveryId?: string;
  /** The key redeliveries share; absent when the route does not deduplicate this request. */
  readonly dedupeKey?: string;
  /**
   * The event's content key (core's `eventContentKey`, the key the consumers store it by), set with
   * `dedupeKey`: a redelivery is the same delivery only when its content key is the same too.
   */
  readonly contentKey?: string;
}

/** A webhook request after authentication and parsing: what the route handlers work on. */
export type RecognisedWebhookEvent = WebhookHttpEvent & {
  recognised: RecognisedEvent;
  delivery: DeliveryFacts;
  requestContext?: { http?: { method?: string }; timeEpoch?: number; requestId?: string };
};
