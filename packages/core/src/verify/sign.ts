import { hmacSha256 } from './hmac';
import { OPEN_MESSAGING_SIGNATURE_HEADER, SEED_HEADERS } from './schemes';

/** A request ready to send: its exact body and the headers that go with it. */
export interface SignedRequest {
  readonly body: string;
  readonly headers: Record<string, string>;
}

/**
 * The hex HMAC-SHA256 signature the seed schemes expect.
 *
 * @example
 * ```ts
 * hexSignature('secret', '{"eventType":"conversation:created"}'); // '5c0e...'
 * ```
 */
export const hexSignature = (secret: string, message: Uint8Array | string): string =>
  hmacSha256(secret, message).toString('hex');

/** Options for {@link signSeedForm}. */
export interface SignSeedFormOptions {
  /** The JSON text of the event, sent as the `webhook` field and signed exactly as given. */
  readonly webhook: string;
  readonly secret: string;
  /** Put the signature in the `signature` field (default) or in `X-Genesys-Webhook-Signature`. */
  readonly signatureIn?: 'field' | 'header';
}

/**
 * Builds a seed form webhook: `webhook=<json>&signature=<hex HMAC of the json>`.
 *
 * @example
 * ```ts
 * const { body, headers } = signSeedForm({ webhook: JSON.stringify(event), secret });
 * await fetch(url, { method: 'POST', body, headers });
 * ```
 */
export const signSeedForm = ({ webhook, secret, signatureIn = 'field' }: SignSeedFormOptions): SignedRequest => {
  const signature = hexSignature(secret, webhook);
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  const fields = new URLSearchParams({ webhook });
  if (signatureIn === 'field') fields.set('signature', signature);
  else headers[SEED_HEADERS.formSignature] = signature;
  return { body: fields.toString(), headers };
};

/** Options for {@link signSeedHeader}. */
export interface SignSeedHeaderOptions {
  /** The exact body text to send and sign. */
  readonly body: string;
  readonly secret: string;
  /** Sent as `X-Genesys-Delivery-Id`, which the receiver uses to drop redeliveries. */
  readonly deliveryId?: string;
}

/**
 * Builds a seed header webhook: the raw JSON body with its hex HMAC in `X-Genesys-Signature`.
 *
 * @example
 * ```ts
 * const { body, headers } = signSeedHeader({ body: JSON.stringify(envelope), secret, deliveryId: randomUUID() });
 * ```
 */
export const signSeedHeader = ({ body, secret, deliveryId }: SignSeedHeaderOptions): SignedRequest => {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    [SEED_HEADERS.bodySignature]: hexSignature(secret, body),
  };
  if (deliveryId !== undefined) headers[SEED_HEADERS.deliveryId] = deliveryId;
  return { body, headers };
};

/**
 * The `X-Hub-Signature-256` value Genesys sends with Open Messaging webhooks: `sha256=` and the standard
 * base64 (padded) HMAC-SHA256 of the raw body bytes.
 *
 * @example
 * ```ts
 * openMessagingSignature('DEADBEEF', rawBody); // 'sha256=hhpG...'
 * ```
 */
export const openMessagingSignature = (secret: string, body: Uint8Array | string): string =>
  `sha256=${hmacSha256(secret, body).toString('base64')}`;

/**
 * Builds an Open Messaging outbound webhook as Genesys sends it: the raw JSON body and its
 * `X-Hub-Signature-256` header.
 *
 * @example
 * ```ts
 * const { body, headers } = signOpenMessaging({ body: JSON.stringify(message), secret });
 * ```
 */
export const signOpenMessaging = ({ body, secret }: { body: string; secret: string }): SignedRequest => ({
  body,
  headers: {
    'content-type': 'application/json',
    [OPEN_MESSAGING_SIGNATURE_HEADER]: openMessagingSignature(secret, body),
  },
});
