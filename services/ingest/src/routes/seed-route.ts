import { MalformedPayloadError, mediaType, type SignatureScheme } from '@genesys-events/core';
import { type VerifiedWebhookEvent, verifyWebhookSignature } from '@genesys-events/core/middleware';
import httpUrlencodeBodyParser from '@middy/http-urlencode-body-parser';
import type { DeliveryRecords } from '../dedupe/delivery-dedupe';
import { dedupeDeliveries } from '../dedupe/delivery-dedupe';
import type { WebhookRoute } from '../http/webhook-pipeline';
import { recognisePayload } from '../receive/recognise-payload';
import type { DeliveryFacts } from '../receive/webhook-event';
import type { SecretList } from '../secrets/secret-list';

const FORM = 'application/x-www-form-urlencoded';

/** The seed route's event after verification and, for forms, `@middy/http-urlencode-body-parser`. */
type SeedEvent = VerifiedWebhookEvent & { headers?: Record<string, string | undefined> | null };

/** Options of {@link seedRoute}. */
export interface SeedRouteOptions {
  readonly secrets: SecretList;
  /** Where delivery ids are remembered. */
  readonly deliveries: DeliveryRecords;
}

/**
 * `POST /webhooks/genesys`: form bodies use the seed form scheme, JSON bodies the seed header scheme;
 * `X-Genesys-Delivery-Id` deduplicates.
 *
 * @example
 * ```ts
 * webhookHandler(seedRoute({ secrets: secretList(process.env, 'GENESYS_WEBHOOK_SECRETS'), deliveries }));
 * ```
 */
export const seedRoute = ({ secrets, deliveries }: SeedRouteOptions): WebhookRoute => ({
  name: 'genesys',
  mediaTypes: [FORM, 'application/json'],
  authenticate: [
    ...secrets.middleware,
    verifyWebhookSignature<SeedEvent>({ scheme: (event) => seedSchemeOf(event), secrets: secrets.read }),
  ],
  recognise: [
    httpUrlencodeBodyParser({ disableContentTypeError: true }),
    recognisePayload<SeedEvent>({ payloadOf: seedPayloadOf, deliveryOf: seedDeliveryOf }),
  ],
  deduplicate: [dedupeDeliveries({ records: deliveries })],
});

/** Form bodies use the form scheme; every other accepted type is the raw-body header scheme. */
export const seedSchemeOf = (event: SeedEvent): SignatureScheme =>
  mediaType(event.headers?.['content-type']) === FORM ? 'seed-form' : 'seed-header';

/**
 * The JSON text to process. For form bodies it is the parsed `webhook` field, which must be exactly the
 * string whose signature was verified: a second parser reading a different value would let unsigned
 * content through.
 */
export const seedPayloadOf = (event: SeedEvent): string => {
  const { verification } = event;
  if (verification.scheme !== 'seed-form') return verification.payload;
  const webhook = (event.body as Record<string, unknown> | undefined)?.webhook;
  if (webhook !== verification.payload) {
    throw new MalformedPayloadError('invalid_event', 'form field "webhook" is ambiguous');
  }
  return webhook;
};

/** A blank delivery id is no delivery id: it must not make unrelated events share one dedupe record. */
const seedDeliveryOf = (event: SeedEvent): DeliveryFacts => {
  const deliveryId = event.headers?.['x-genesys-delivery-id']?.trim();
  const scheme = event.verification.scheme;
  return {
    transport: scheme === 'seed-form' ? 'genesys-form' : 'genesys-header',
    scheme,
    ...(deliveryId ? { deliveryId, dedupeKey: `seed:${deliveryId}` } : {}),
  };
};
