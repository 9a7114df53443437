import { MalformedPayloadError } from '../errors';
import { type HeaderMap, headerValue } from '../http/headers';
import { parseFormFields, singleField } from './form-fields';

/**
 * The signature schemes a webhook route can use.
 * - `seed-form`: form body with `webhook` and `signature` fields; hex HMAC of the decoded `webhook` string
 *   (the signature may instead come in `X-Genesys-Webhook-Signature`).
 * - `seed-header`: raw body; hex HMAC of the raw body bytes in `X-Genesys-Signature`.
 * - `open-messaging`: raw body; `X-Hub-Signature-256: sha256=<base64 HMAC of the raw body bytes>`.
 */
export type SignatureScheme = 'seed-form' | 'seed-header' | 'open-messaging';

/** The header names of the seed schemes, lower-cased. */
export const SEED_HEADERS = {
  formSignature: 'x-genesys-webhook-signature',
  bodySignature: 'x-genesys-signature',
  deliveryId: 'x-genesys-delivery-id',
} as const;

/** The signature header of Open Messaging outbound webhooks, lower-cased. */
export const OPEN_MESSAGING_SIGNATURE_HEADER = 'x-hub-signature-256';

/** How a scheme writes its MAC: the digest encoding and the prefix in front of it. */
export interface SignatureFormat {
  readonly encoding: 'hex' | 'base64';
  readonly prefix: '' | 'sha256=';
}

/** The signature format of each scheme. */
export const SIGNATURE_FORMATS: Readonly<Record<SignatureScheme, SignatureFormat>> = {
  'seed-form': { encoding: 'hex', prefix: '' },
  'seed-header': { encoding: 'hex', prefix: '' },
  'open-messaging': { encoding: 'base64', prefix: 'sha256=' },
};

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
  if (scheme === 'seed-form') return seedFormMessage(input);
  return scheme === 'seed-header'
    ? rawBodyMessage(input, SEED_HEADERS.bodySignature, 'X-Genesys-Signature header')
    : rawBodyMessage(input, OPEN_MESSAGING_SIGNATURE_HEADER, 'X-Hub-Signature-256 header');
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

const rawBodyMessage = ({ bodyBytes, headers }: SchemeInput, header: string, location: string): SignedMessage => ({
  signedBytes: bodyBytes,
  signature: headerValue(headers, header),
  signatureLocation: location,
  payload: bodyBytes.toString('utf8'),
});
