import type { SignatureFormat } from './schemes';

/** What is wrong with the shape of a claimed signature, before any MAC is compared. */
export type SignatureShapeProblem =
  | 'missing_prefix'
  | 'unexpected_prefix'
  | 'hex_instead_of_base64'
  | 'base64_instead_of_hex'
  | 'uppercase_hex'
  | 'wrong_length'
  | 'not_encoded';

/** A claimed signature: its MAC bytes when well-formed, or what is wrong with it. */
export type ClaimedSignature =
  | { readonly ok: true; readonly bytes: Buffer }
  | { readonly ok: false; readonly problem: SignatureShapeProblem; readonly looksLike: string };

const PREFIX = 'sha256=';
const HEX_64 = /^[0-9a-f]{64}$/;
const ANY_CASE_HEX = /^[0-9a-fA-F]+$/;
const BASE64_32_BYTES = /^[A-Za-z0-9+/]{43}=$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * Reads a claimed HMAC-SHA256 signature in a scheme's format: 64 lower-case hex digits (seed schemes) or
 * `sha256=` and 44 characters of padded standard base64 (Open Messaging). Anything else is malformed, with
 * the reason an operator can act on.
 *
 * @example
 * ```ts
 * parseClaimedSignature('sha256=hhpG...Y0=', { encoding: 'base64', prefix: 'sha256=' }); // { ok: true, bytes }
 * ```
 */
export const parseClaimedSignature = (value: string, format: SignatureFormat): ClaimedSignature => {
  const text = value.trim();
  const looksLike = describeSignature(text);
  const hasPrefix = text.startsWith(PREFIX);
  if (format.prefix === PREFIX && !hasPrefix) return { ok: false, problem: 'missing_prefix', looksLike };
  if (format.prefix === '' && hasPrefix) return { ok: false, problem: 'unexpected_prefix', looksLike };
  const digest = hasPrefix ? text.slice(PREFIX.length) : text;
  if (format.encoding === 'hex') return parseHex(digest, looksLike);
  return parseBase64(digest, looksLike);
};

const parseHex = (digest: string, looksLike: string): ClaimedSignature => {
  if (HEX_64.test(digest)) return { ok: true, bytes: Buffer.from(digest, 'hex') };
  if (ANY_CASE_HEX.test(digest)) {
    return { ok: false, problem: digest.length === 64 ? 'uppercase_hex' : 'wrong_length', looksLike };
  }
  if (BASE64.test(digest)) return { ok: false, problem: 'base64_instead_of_hex', looksLike };
  return { ok: false, problem: 'not_encoded', looksLike };
};

const parseBase64 = (digest: string, looksLike: string): ClaimedSignature => {
  if (BASE64_32_BYTES.test(digest)) return { ok: true, bytes: Buffer.from(digest, 'base64') };
  if (ANY_CASE_HEX.test(digest) && digest.length === 64)
    return { ok: false, problem: 'hex_instead_of_base64', looksLike };
  if (BASE64.test(digest) || /^[A-Za-z0-9_-]+$/.test(digest)) return { ok: false, problem: 'wrong_length', looksLike };
  return { ok: false, problem: 'not_encoded', looksLike };
};

/**
 * A safe, coarse description of what a signature looks like; never its value.
 *
 * @example
 * ```ts
 * describeSignature('sha256=abc='); // 'prefixed with sha256=, then base64 of 3 characters'
 * ```
 */
export const describeSignature = (value: string): string => {
  const hasPrefix = value.startsWith(PREFIX);
  const digest = hasPrefix ? value.slice(PREFIX.length) : value;
  const prefix = hasPrefix ? 'prefixed with sha256=, then ' : '';
  if (digest.length === 0) return `${prefix}empty`;
  if (ANY_CASE_HEX.test(digest)) {
    const letterCase = /[A-F]/.test(digest) ? 'upper-case ' : '';
    return `${prefix}${letterCase}hex of ${digest.length} characters`;
  }
  if (BASE64.test(digest)) return `${prefix}base64 of ${digest.length} characters`;
  return `${prefix}neither hex nor base64 (${digest.length} characters)`;
};
