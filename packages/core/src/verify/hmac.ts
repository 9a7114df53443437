import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * HMAC-SHA256 of exact bytes. Strings are hashed as their UTF-8 bytes.
 *
 * @example
 * ```ts
 * hmacSha256('secret', Buffer.from('{"a":1}')).toString('hex');
 * ```
 */
export const hmacSha256 = (secret: string, message: Uint8Array | string): Buffer =>
  createHmac('sha256', secret).update(message).digest();

/**
 * Compares two MACs without leaking, through timing, how many leading bytes agree.
 * The length of a SHA-256 MAC is public, so an early exit on length reveals nothing.
 *
 * @example
 * ```ts
 * equalInConstantTime(expected, received); // true | false
 * ```
 */
export const equalInConstantTime = (a: Uint8Array, b: Uint8Array): boolean =>
  a.length === b.length && timingSafeEqual(a, b);
