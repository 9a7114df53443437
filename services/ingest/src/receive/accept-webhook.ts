import type { PublishEvent } from '@genesys-events/app-bus';
import { classifyNotification, type RecognisedEvent, toAppBusEvent } from '@genesys-events/core';
import { jsonResponse } from '@genesys-events/core/middleware';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { logger } from '../observability/logger';
import type { RecognisedWebhookEvent } from './webhook-event';

/** What the sender is told once its event is on the bus. */
export interface Acceptance {
  readonly status: 'accepted';
  readonly eventId: string;
  readonly detailType: string;
}

/** What accepting a webhook needs from outside: the publisher and the clock. */
export interface AcceptDependencies {
  readonly publish: PublishEvent;
  readonly now: () => Date;
}

/**
 * The handler every webhook route shares: normalises the recognised event into the app-bus shape and
 * publishes it, answering 200 only once the bus accepted it (publish failures throw and become 503).
 *
 * @example
 * ```ts
 * await acceptWebhook(recognisedEvent, { publish, now: () => new Date() }); // { statusCode: 200, ... }
 * ```
 */
export const acceptWebhook = async (
  event: RecognisedWebhookEvent,
  { publish, now }: AcceptDependencies,
): Promise<APIGatewayProxyStructuredResultV2> => {
  const { transport, scheme, deliveryId } = event.delivery;
  logIfOutsideCatalog(event.recognised);
  const busEvent = toAppBusEvent(event.recognised, {
    transport,
    scheme,
    receivedAt: now().toISOString(),
    ...(deliveryId ? { deliveryId } : {}),
  });
  const eventId = await publish(busEvent);
  const acceptance: Acceptance = { status: 'accepted', eventId, detailType: busEvent.detailType };
  logger.info('webhook accepted', { ...acceptance, transport, deliveryId, recognisedAs: event.recognised.kind });
  return jsonResponse(200, acceptance);
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
