import { SignatureVerificationError } from '../errors';

const LOWERCASE_HEX_SHA256 = /^[0-9a-f]{64}$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * Decodes a hex HMAC-SHA256 signature as the seed schemes send it: 64 lower-case hex digits.
 * Anything else is malformed, and the error says what it looked like so an operator can fix the sender.
 *
 * @example
 * ```ts
 * decodeHexSignature('a3f1...').length; // 32
 * ```
 */
export const decodeHexSignature = (signature: string): Buffer => {
  const value = signature.trim();
  if (LOWERCASE_HEX_SHA256.test(value)) return Buffer.from(value, 'hex');
  throw new SignatureVerificationError('malformed_signature', 'signature is not 64 lower-case hex digits', {
    expectedEncoding: 'hex',
    receivedLength: value.length,
    looksLike: describeSignature(value),
  });
};

/** A safe, coarse description of what a malformed signature looks like; never its value. */
export const describeSignature = (value: string): string => {
  if (value.startsWith('sha256=')) return 'prefixed with sha256=';
  if (/^[0-9a-fA-F]+$/.test(value)) return value.length === 64 ? 'upper-case hex' : 'hex of the wrong length';
  if (BASE64.test(value)) return 'base64';
  return 'neither hex nor base64';
};
