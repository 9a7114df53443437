import { type Env, wholeNumberSetting } from '../config/settings';

/** The attribute DynamoDB's TTL reads on every item of a conversation table (epoch seconds). */
export const EXPIRES_AT = 'expiresAt';

/** The retention used when the stage sets none: long enough for a quarter's reporting, no longer. */
export const DEFAULT_RETENTION_DAYS = 90;

const DAY_SECONDS = 86_400;
const MAX_RETENTION_DAYS = 3_650;

/**
 * The TTL value of an item stored at `now` and kept for `retentionDays`.
 *
 * @example
 * ```ts
 * expiresAtFor(new Date('2091-06-15T00:00:00Z'), 30); // epoch seconds of 2091-07-15T00:00:00Z
 * ```
 */
export const expiresAtFor = (now: Date, retentionDays: number): number =>
  Math.floor(now.getTime() / 1000) + retentionDays * DAY_SECONDS;

/**
 * Whether an item has outlived its retention. DynamoDB removes expired items only eventually (often days
 * later), so every read asks this itself. An item without the attribute predates retention and is live.
 *
 * @example
 * ```ts
 * isExpired({ expiresAt: 1 }, new Date()); // true
 * ```
 */
export const isExpired = (item: Readonly<Record<string, unknown>>, now: Date): boolean => {
  const expiresAt = item[EXPIRES_AT];
  return typeof expiresAt === 'number' && expiresAt * 1000 <= now.getTime();
};

/**
 * Reads `RETENTION_DAYS` (whole days, 1 to 3650); unset means {@link DEFAULT_RETENTION_DAYS}. Anything else
 * fails at cold start with the variable's name, so a typo never turns into keeping data forever.
 *
 * @example
 * ```ts
 * const retentionDays = readRetentionDays(process.env);
 * ```
 */
export const readRetentionDays = (env: Env): number =>
  wholeNumberSetting(env, 'RETENTION_DAYS', { fallback: DEFAULT_RETENTION_DAYS, min: 1, max: MAX_RETENTION_DAYS });
