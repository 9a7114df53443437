import { createHash } from 'node:crypto';
import type { AppBusDetail } from './app-bus-event';

// Free of zod and of the topic catalog on purpose: exported through `@genesys-events/core/identity`.

/**
 * A key that is the same for the same event however often and through whichever transport it arrives:
 * SHA-256 of the topic name and the body with keys sorted. Envelope ids are not used: they change on resend.
 *
 * @example
 * ```ts
 * eventContentKey(detail); // '9f86d081884c7d65...'
 * ```
 */
export const eventContentKey = (detail: Pick<AppBusDetail, 'topicName' | 'eventBody'>): string =>
  createHash('sha256').update(detail.topicName).update('\n').update(canonicalJson(detail.eventBody)).digest('hex');

/** JSON with object keys sorted at every depth, so that key order never changes the key. */
export const canonicalJson = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
};
