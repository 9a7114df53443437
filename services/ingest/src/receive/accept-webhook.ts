import type { PublishEvent } from '@genesys-events/app-bus';
import { classifyNotification, type RecognisedEvent, toAppBusEvent } from '@genesys-events/core';
import { logger } from '../observability/logger';
import type { Accepted } from '../outcome/webhook-outcome';
import type { RecognisedWebhookEvent } from './webhook-event';

/** What accepting a webhook needs from outside: the publisher and the clock. */
export interface AcceptDependencies {
  readonly publish: PublishEvent;
  readonly now: () => Date;
}

/**
 * The handler every webhook route shares: normalises the recognised event into the app-bus shape and
 * publishes it. It resolves with the accepted outcome only once the bus accepted the event (publish
 * failures throw and become 503); the pipeline records that value and answers 200 from it.
 *
 * @example
 * ```ts
 * await acceptWebhook(recognisedEvent, { publish, now: () => new Date() }); // { kind: 'accepted', eventId, detailType }
 * ```
 */
export const acceptWebhook = async (
  event: RecognisedWebhookEvent,
  { publish, now }: AcceptDependencies,
): Promise<Accepted> => {
  const { transport, scheme, deliveryId } = event.delivery;
  logIfOutsideCatalog(event.recognised);
  const busEvent = toAppBusEvent(event.recognised, {
    transport,
    scheme,
    receivedAt: now().toISOString(),
    ...(deliveryId ? { deliveryId } : {}),
  });
  const eventId = await publish(busEvent);
  return { kind: 'accepted', eventId, detailType: busEvent.detailType };
};

/** Events outside the catalog (unknown topic or enum value, or another shape) are published as they are, and said. */
const logIfOutsideCatalog = (recognised: RecognisedEvent): void => {
  if (recognised.kind !== 'notification') return;
  const classified = classifyNotification(recognised.notification);
  if (classified.kind === 'unknown') {
    logger.warn('event outside the catalog, published as it is', {
      reason: classified.reason,
      pattern: classified.pattern,
      issues: classified.issues,
    });
  }
};
