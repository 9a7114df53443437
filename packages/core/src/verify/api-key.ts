import { createHash, timingSafeEqual } from 'node:crypto';
import { SignatureVerificationError } from '../errors';
import { type HeaderMap, headerValue } from '../http/headers';

/** The header EventBridge API destinations send their key in, unless configured otherwise. */
export const DEFAULT_API_KEY_HEADER = 'x-api-key';

/** Options of {@link verifyApiKey}. */
export interface VerifyApiKeyInput {
  readonly headers: HeaderMap | null | undefined;
  /** Header name, looked up case-insensitively. Default `x-api-key`. */
  readonly headerName?: string;
  /** Accepted keys, current first (rotation). */
  readonly keys: readonly string[];
}

/**
 * Checks an API key header (the authentication of an EventBridge API destination connection) against a
 * list of keys. Both sides are hashed to SHA-256 before a constant-time comparison, so neither the
 * content nor the length of a key leaks through timing. Throws {@link SignatureVerificationError}.
 *
 * @example
 * ```ts
 * verifyApiKey({ headers: event.headers, keys: ['current-key', 'previous-key'] }).matchedKeyIndex; // 0
 * ```
 */
export const verifyApiKey = ({ headers, headerName = DEFAULT_API_KEY_HEADER, keys }: VerifyApiKeyInput) => {
  if (keys.length === 0 || keys.some((key) => key.length === 0)) {
    throw new SignatureVerificationError('no_secrets_configured', 'no API key is configured for this route');
  }
  const received = headerValue(headers, headerName);
  if (received === undefined || received === '') {
    throw new SignatureVerificationError('missing_api_key', 'the request carries no API key', {
      expectedIn: `${headerName} header`,
    });
  }
  const receivedDigest = sha256(received);
  const matchedKeyIndex = keys.findIndex((key) => timingSafeEqual(keyDigest(key), receivedDigest));
  if (matchedKeyIndex !== -1) return { matchedKeyIndex };
  const trimmedMatches = keys.some((key) => timingSafeEqual(keyDigest(key), sha256(received.trim())));
  throw new SignatureVerificationError('api_key_mismatch', 'no configured API key matches', {
    keysTried: keys.length,
    header: headerName,
    diagnosis: trimmedMatches ? 'key_with_whitespace' : 'no_key_matched',
  });
};

const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/** Configured keys change only on rotation: their digests are kept rather than hashed on every request. */
const KEY_DIGESTS = new Map<string, Buffer>();
const MAX_KEPT_DIGESTS = 16;

const keyDigest = (key: string): Buffer => {
  const kept = KEY_DIGESTS.get(key);
  if (kept) return kept;
  // Rotations over a warm instance's life could add keys without end; start over rather than grow.
  if (KEY_DIGESTS.size >= MAX_KEPT_DIGESTS) KEY_DIGESTS.clear();
  const digest = sha256(key);
  KEY_DIGESTS.set(key, digest);
  return digest;
};
