import { type RecognisedEvent, recognisedContentKey, recogniseEvent } from '@genesys-events/core';
import type { WebhookHttpEvent } from '@genesys-events/core/middleware';
import type { MiddlewareObj } from '@middy/core';
import { logger } from '../observability/logger';
import type { DeliveryFacts, RecognisedWebhookEvent } from './webhook-event';

/** Options of {@link recognisePayload}: how a route finds its payload and describes its deliveries. */
export interface RecognisePayloadOptions<E extends WebhookHttpEvent> {
  /** The authenticated JSON text of the request. */
  readonly payloadOf: (event: E) => string;
  /** Throws a domain error when the route does not take this kind of event. */
  readonly accept?: (recognised: RecognisedEvent) => void;
  readonly deliveryOf: (event: E, recognised: RecognisedEvent) => DeliveryFacts;
}

/**
 * Parses the authenticated payload into a recognised event (core's `recogniseEvent`) and records how it
 * arrived (with its content key when the route deduplicates it), so that deduplication and the handler
 * work on facts, not on the raw request. Runs after authentication and body parsing, before deduplication.
 *
 * @example
 * ```ts
 * .use(recognisePayload({ payloadOf: (event) => event.verification.payload, deliveryOf: () => ({ transport, scheme }) }))
 * ```
 */
export const recognisePayload = <E extends WebhookHttpEvent>(options: RecognisePayloadOptions<E>): MiddlewareObj<E> => {
  const recognisePayloadBefore = ({ event }: { event: E }) => {
    const recognised = recogniseEvent(options.payloadOf(event));
    options.accept?.(recognised);
    const target = event as unknown as RecognisedWebhookEvent;
    target.recognised = recognised;
    target.delivery = withContentKey(options.deliveryOf(event, recognised), recognised);
    const correlationId = genesysCorrelationIdOf(recognised);
    if (correlationId) logger.setCorrelationId(correlationId);
  };
  return { before: recognisePayloadBefore };
};

/** Only a delivery that can be deduplicated needs its content key: the others skip the hashing. */
const withContentKey = (delivery: DeliveryFacts, recognised: RecognisedEvent): DeliveryFacts =>
  delivery.dedupeKey ? { ...delivery, contentKey: recognisedContentKey(recognised) } : delivery;

/** Genesys's `CorrelationId` (capital C), carried in a notification's metadata. */
const genesysCorrelationIdOf = (recognised: RecognisedEvent): string | undefined =>
  recognised.kind === 'notification' ? recognised.notification.metadata?.CorrelationId : undefined;
