import { SignatureVerificationError } from '../errors';
import type { HeaderMap } from '../http/headers';
import { type EncodedBody, rawBodyBytes } from '../http/raw-body';
import { equalInConstantTime, hmacSha256 } from './hmac';
import { type SignatureScheme, signedMessageOf } from './schemes';
import { decodeHexSignature } from './signature-encoding';

/** Everything a signature check needs; the secrets are passed in, never read from the environment. */
export interface VerifySignatureInput {
  readonly scheme: SignatureScheme;
  readonly body: EncodedBody;
  readonly headers: HeaderMap | null | undefined;
  /** Accepted secrets, current first; any one of them may match (rotation). */
  readonly secrets: readonly string[];
}

/** A request whose signature matched one of the secrets. */
export interface VerifiedSignature {
  readonly scheme: SignatureScheme;
  /** The verified text the route parses next (the `webhook` field, or the whole body). */
  readonly payload: string;
  /** Which secret matched: 0 is the current one, higher means the sender still uses an older secret. */
  readonly matchedSecretIndex: number;
}

/**
 * Verifies a webhook's HMAC-SHA256 signature over the exact bytes that were sent.
 * Throws {@link SignatureVerificationError} (401) or `MalformedPayloadError` (400).
 *
 * @example
 * ```ts
 * const verified = verifySignature({
 *   scheme: 'seed-header',
 *   body: { body: event.body, isBase64Encoded: event.isBase64Encoded },
 *   headers: event.headers,
 *   secrets: ['current', 'previous'],
 * });
 * JSON.parse(verified.payload);
 * ```
 */
export const verifySignature = ({ scheme, body, headers, secrets }: VerifySignatureInput): VerifiedSignature => {
  // An empty secret would let anyone sign; it counts as not configured.
  if (secrets.length === 0 || secrets.some((secret) => secret.length === 0)) {
    throw new SignatureVerificationError('no_secrets_configured', 'no secret is configured for this route');
  }
  const message = signedMessageOf(scheme, { bodyBytes: rawBodyBytes(body), headers });
  if (message.signature === undefined || message.signature.trim() === '') {
    throw new SignatureVerificationError('missing_signature', 'the request carries no signature', {
      expectedIn: message.signatureLocation,
    });
  }
  const claimed = decodeHexSignature(message.signature);
  const matchedSecretIndex = secrets.findIndex((secret) =>
    equalInConstantTime(hmacSha256(secret, message.signedBytes), claimed),
  );
  if (matchedSecretIndex === -1) {
    throw new SignatureVerificationError('signature_mismatch', 'no configured secret produces this signature', {
      secretsTried: secrets.length,
      signatureIn: message.signatureLocation,
      bodyWasBase64Encoded: body.isBase64Encoded === true,
      signedByteLength: message.signedBytes.length,
    });
  }
  return { scheme, payload: message.payload, matchedSecretIndex };
};
