import { randomBytes } from 'node:crypto';
import { InvalidArgumentError } from 'commander';

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

/**
 * A commander parser for a window bound: an ISO 8601 time with its zone (`2025-03-14T09:00:00Z`,
 * `2025-03-14T10:00+01:00`) or a date (UTC midnight). A time without a zone is refused: it would mean
 * whatever zone the machine is in. A bad value is a usage error naming the option.
 *
 * @example
 * ```ts
 * command.requiredOption('--from <iso>', 'window start', isoInstant('--from'));
 * isoInstant('--from')('2025-03-14'); // 2025-03-14T00:00:00.000Z
 * ```
 */
export const isoInstant =
  (name: string) =>
  (value: string): Date => {
    const parts = ISO_INSTANT.exec(value);
    const instant = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
    if (!parts || Number.isNaN(instant.getTime()) || !isCalendarDate(parts)) {
      throw new InvalidArgumentError(
        `${name} takes an ISO 8601 time with its zone (2025-03-14T09:00:00Z) or a date (2025-03-14, UTC)`,
      );
    }
    return instant;
  };

/** JavaScript rolls 2025-02-30 over to March 2; a bound must name a real day. */
const isCalendarDate = ([, year, month, day]: RegExpExecArray): boolean => {
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day);
};

/** The most a replay name may hold (EventBridge: 64 characters of `[.-_A-Za-z0-9]`). */
const REPLAY_NAME_MAX = 64;

/**
 * A fresh replay name for a backfill: the service, the start time and a random suffix (EventBridge wants
 * replay names unique in the account and region), within EventBridge's 64 characters.
 *
 * @example
 * ```ts
 * replayNameFor('analytics', new Date('2025-03-14T09:26:53Z')); // 'backfill-analytics-20250314T092653Z-3f2a'
 * ```
 */
export const replayNameFor = (service: string, now: Date, suffix = randomBytes(2).toString('hex')): string => {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
  const fixed = `backfill--${stamp}-${suffix}`.length;
  const safeService = service.replace(/[^.\-_A-Za-z0-9]/g, '_').slice(0, REPLAY_NAME_MAX - fixed);
  return `backfill-${safeService}-${stamp}-${suffix}`;
};
