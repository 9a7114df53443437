import { SignatureVerificationError } from '../errors';
import type { HeaderMap } from '../http/headers';
import { type EncodedBody, rawBodyBytes } from '../http/raw-body';
import { diagnoseSignatureFailure, diagnosisHint } from './diagnose';
import { equalInConstantTime, hmacSha256 } from './hmac';
import { SIGNATURE_FORMATS, type SignatureScheme, type SignedMessage, signedMessageOf } from './schemes';
import { parseClaimedSignature, type SignatureShapeProblem } from './signature-encoding';

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
 * Verifies a webhook's HMAC-SHA256 signature over the exact bytes that were sent, in the scheme's format
 * (hex for the seed schemes, `sha256=` + base64 for Open Messaging). Throws
 * {@link SignatureVerificationError} (401) with a diagnosis for the log, or `MalformedPayloadError` (400).
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
  const format = SIGNATURE_FORMATS[scheme];
  const claimed = parseClaimedSignature(message.signature, format);
  if (claimed.ok) {
    const matchedSecretIndex = secrets.findIndex((secret) =>
      equalInConstantTime(hmacSha256(secret, message.signedBytes), claimed.bytes),
    );
    if (matchedSecretIndex !== -1) return { scheme, payload: message.payload, matchedSecretIndex };
  }
  throw failure({ scheme, body, secrets, message, shapeProblem: claimed.ok ? undefined : claimed });
};

interface FailureFacts {
  readonly scheme: SignatureScheme;
  readonly body: EncodedBody;
  readonly secrets: readonly string[];
  readonly message: SignedMessage & { readonly signature?: string | undefined };
  readonly shapeProblem: { readonly problem: SignatureShapeProblem; readonly looksLike: string } | undefined;
}

const failure = ({ scheme, body, secrets, message, shapeProblem }: FailureFacts): SignatureVerificationError => {
  const format = SIGNATURE_FORMATS[scheme];
  const diagnosis = diagnoseSignatureFailure({
    format,
    signature: message.signature ?? '',
    signedBytes: message.signedBytes,
    arrivedText: body.body ?? '',
    bodyWasBase64Encoded: body.isBase64Encoded === true,
    secrets,
    ...(shapeProblem ? { shapeProblem: shapeProblem.problem } : {}),
  });
  const details = {
    diagnosis,
    hint: diagnosisHint(diagnosis),
    expectedFormat: `${format.prefix}${format.encoding}`,
    signatureIn: message.signatureLocation,
    secretsTried: secrets.length,
    bodyWasBase64Encoded: body.isBase64Encoded === true,
    signedByteLength: message.signedBytes.length,
  };
  if (shapeProblem) {
    return new SignatureVerificationError('malformed_signature', 'the signature is not in the expected format', {
      ...details,
      looksLike: shapeProblem.looksLike,
    });
  }
  return new SignatureVerificationError('signature_mismatch', 'no configured secret produces this signature', details);
};
