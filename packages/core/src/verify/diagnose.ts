import { equalInConstantTime, hmacSha256 } from './hmac';
import type { SignatureFormat } from './schemes';
import type { SignatureShapeProblem } from './signature-encoding';

/** The precise, actionable reason a signature did not verify. Logged, never answered. */
export type SignatureDiagnosis =
  | SignatureShapeProblem
  | 'secret_with_whitespace'
  | 'signed_base64_text'
  | 'body_arrived_base64_encoded'
  | 'signed_reserialised_body'
  | 'no_secret_matched';

/** What the diagnosis may look at: the failed request's facts and the configured secrets. */
export interface DiagnosisInput {
  readonly format: SignatureFormat;
  /** The claimed signature as received (only its shape and its equality with candidates are used). */
  readonly signature: string;
  readonly signedBytes: Buffer;
  /** The body text as it arrived, before any base64 decoding. */
  readonly arrivedText: string;
  readonly bodyWasBase64Encoded: boolean;
  readonly secrets: readonly string[];
  readonly shapeProblem?: SignatureShapeProblem;
}

const HINTS: Readonly<Record<SignatureDiagnosis, string>> = {
  missing_prefix: 'the signature lacks the sha256= prefix',
  unexpected_prefix: 'this scheme takes the bare hex digest, without sha256=',
  hex_instead_of_base64: 'the digest is hex where standard base64 was expected',
  base64_instead_of_hex: 'the digest is base64 where lower-case hex was expected',
  uppercase_hex: 'the hex digest is upper-case; send lower-case hex',
  wrong_length: 'the digest has the wrong length for HMAC-SHA256',
  not_encoded: 'the signature is neither hex nor base64',
  secret_with_whitespace:
    'the sender signs with a secret that has surrounding whitespace (a trailing newline or space)',
  signed_base64_text: 'the sender signed the base64 text of the body instead of its bytes',
  body_arrived_base64_encoded:
    'the body arrived base64-encoded without isBase64Encoded; the sender signed the decoded bytes',
  signed_reserialised_body: 'the sender signed a re-serialised JSON body, not the bytes it sent',
  no_secret_matched: 'no configured secret produces this signature',
};

/** The hint for a diagnosis, in plain words. */
export const diagnosisHint = (diagnosis: SignatureDiagnosis): string => HINTS[diagnosis];

/**
 * Works out why a signature did not verify by trying what senders commonly get wrong: the right digest
 * in the wrong encoding or without its prefix, a secret with surrounding whitespace, the base64 text or
 * a re-serialised body signed instead of the bytes. Runs only after a failure; it compares MACs but never
 * returns or logs one.
 *
 * @example
 * ```ts
 * diagnoseSignatureFailure({ format, signature, signedBytes, arrivedText, bodyWasBase64Encoded, secrets });
 * // 'secret_with_whitespace'
 * ```
 */
export const diagnoseSignatureFailure = (input: DiagnosisInput): SignatureDiagnosis => {
  // A malformed signature is named by its shape: that is the first thing the sender has to fix.
  if (input.shapeProblem) return input.shapeProblem;
  const claimed = claimedDigestCandidates(input.signature);
  const matches = (message: Uint8Array, secrets: readonly string[]) =>
    secrets.some((secret) => claimed.some((digest) => equalInConstantTime(hmacSha256(secret, message), digest)));
  if (matches(input.signedBytes, paddedSecrets(input.secrets))) return 'secret_with_whitespace';
  if (input.bodyWasBase64Encoded && matches(Buffer.from(input.arrivedText, 'utf8'), input.secrets))
    return 'signed_base64_text';
  if (!input.bodyWasBase64Encoded && matches(decodedIfBase64(input.arrivedText), input.secrets)) {
    return 'body_arrived_base64_encoded';
  }
  if (reserialisations(input.signedBytes).some((variant) => matches(variant, input.secrets)))
    return 'signed_reserialised_body';
  return 'no_secret_matched';
};

/** Every reading of the claimed text as a 32-byte digest: hex or base64, with or without a prefix. */
const claimedDigestCandidates = (signature: string): Buffer[] => {
  const digest = signature.trim().replace(/^sha256=/, '');
  const candidates = [Buffer.from(digest.toLowerCase(), 'hex'), Buffer.from(digest, 'base64')];
  return candidates.filter((candidate) => candidate.length === 32);
};

const paddedSecrets = (secrets: readonly string[]): string[] =>
  secrets.flatMap((secret) => [
    `${secret}\n`,
    `${secret}\r\n`,
    `${secret} `,
    ` ${secret}`,
    `\t${secret}`,
    `${secret}\t`,
  ]);

const decodedIfBase64 = (text: string): Buffer => {
  const compact = text.trim();
  return /^[A-Za-z0-9+/]+={0,2}$/.test(compact) && compact.length % 4 === 0
    ? Buffer.from(compact, 'base64')
    : Buffer.alloc(0);
};

const reserialisations = (bytes: Buffer): Buffer[] => {
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8'));
    return [JSON.stringify(value), JSON.stringify(value, null, 2), JSON.stringify(value, null, 4)]
      .filter((text) => text !== undefined)
      .map((text) => Buffer.from(text, 'utf8'))
      .filter((variant) => !variant.equals(bytes));
  } catch {
    return [];
  }
};
