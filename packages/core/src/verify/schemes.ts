import { MalformedPayloadError } from '../errors';
import { type HeaderMap, headerValue } from '../http/headers';
import { parseFormFields, singleField } from './form-fields';

/**
 * The signature schemes a webhook route can use.
 * - `seed-form`: form body with `webhook` and `signature` fields; hex HMAC of the decoded `webhook` string
 *   (the signature may instead come in `X-Genesys-Webhook-Signature`).
 * - `seed-header`: raw body; hex HMAC of the raw body bytes in `X-Genesys-Signature`.
 */
export type SignatureScheme = 'seed-form' | 'seed-header';

/** The header names of the seed schemes, lower-cased. */
export const SEED_HEADERS = {
  formSignature: 'x-genesys-webhook-signature',
  bodySignature: 'x-genesys-signature',
  deliveryId: 'x-genesys-delivery-id',
} as const;

/** What a scheme signs, where its signature was found, and the text the route goes on to parse. */
export interface SignedMessage {
  readonly signedBytes: Buffer;
  readonly signature: string | undefined;
  readonly signatureLocation: string;
  readonly payload: string;
}

interface SchemeInput {
  readonly bodyBytes: Buffer;
  readonly headers: HeaderMap | null | undefined;
}

/**
 * Extracts the signed bytes and the claimed signature of a request, per scheme.
 *
 * @example
 * ```ts
 * signedMessageOf('seed-header', { bodyBytes, headers }).signature;
 * ```
 */
export const signedMessageOf = (scheme: SignatureScheme, input: SchemeInput): SignedMessage => {
  if (input.bodyBytes.length === 0) throw new MalformedPayloadError('empty_body', 'the request body is empty');
  return scheme === 'seed-form' ? seedFormMessage(input) : seedHeaderMessage(input);
};

const seedFormMessage = ({ bodyBytes, headers }: SchemeInput): SignedMessage => {
  const fields = parseFormFields(bodyBytes.toString('utf8'));
  const webhook = singleField(fields, 'webhook', { required: true }) ?? '';
  const fieldSignature = singleField(fields, 'signature', { required: false });
  const headerSignature = headerValue(headers, SEED_HEADERS.formSignature);
  return {
    signedBytes: Buffer.from(webhook, 'utf8'),
    signature: fieldSignature ?? headerSignature,
    signatureLocation: fieldSignature === undefined ? 'X-Genesys-Webhook-Signature header' : 'signature field',
    payload: webhook,
  };
};

const seedHeaderMessage = ({ bodyBytes, headers }: SchemeInput): SignedMessage => ({
  signedBytes: bodyBytes,
  signature: headerValue(headers, SEED_HEADERS.bodySignature),
  signatureLocation: 'X-Genesys-Signature header',
  payload: bodyBytes.toString('utf8'),
});
