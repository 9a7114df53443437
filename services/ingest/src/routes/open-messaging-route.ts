import type { RecognisedEvent } from '@genesys-events/core';
import { type VerifiedWebhookEvent, verifyWebhookSignature } from '@genesys-events/core/middleware';
import type { DeliveryRecords } from '../dedupe/delivery-dedupe';
import { dedupeDeliveries } from '../dedupe/delivery-dedupe';
import type { WebhookRoute } from '../http/webhook-pipeline';
import { recognisePayload } from '../receive/recognise-payload';
import type { DeliveryFacts } from '../receive/webhook-event';
import type { SecretList } from '../secrets/secret-list';

/** Options of {@link openMessagingRoute}. */
export interface OpenMessagingRouteOptions {
  readonly secrets: SecretList;
  /** Where message identities are remembered. */
  readonly deliveries: DeliveryRecords;
}

/**
 * `POST /webhooks/open-messaging`: Open Messaging outbound webhooks, `X-Hub-Signature-256: sha256=<base64>`
 * over the raw body. Genesys sends no delivery id and retries up to five times: a message is the same
 * message when its `id` and `channel.time` are.
 *
 * @example
 * ```ts
 * webhookHandler(openMessagingRoute({ secrets: secretList(process.env, 'OPEN_MESSAGING_SECRETS'), deliveries }));
 * ```
 */
export const openMessagingRoute = ({ secrets, deliveries }: OpenMessagingRouteOptions): WebhookRoute => ({
  name: 'open-messaging',
  mediaTypes: ['application/json'],
  authenticate: [...secrets.middleware, verifyWebhookSignature({ scheme: 'open-messaging', secrets: secrets.read })],
  recognise: [
    recognisePayload<VerifiedWebhookEvent>({
      payloadOf: (event) => event.verification.payload,
      deliveryOf: (_event, recognised) => openMessagingDelivery(recognised),
    }),
  ],
  deduplicate: [dedupeDeliveries({ records: deliveries })],
});

const openMessagingDelivery = (recognised: RecognisedEvent): DeliveryFacts => {
  const dedupeKey = recognised.kind === 'open-messaging' ? recognised.dedupeKey : undefined;
  return {
    transport: 'open-messaging',
    scheme: 'open-messaging',
    ...(dedupeKey ? { dedupeKey: `open-messaging:${dedupeKey}` } : {}),
  };
};
