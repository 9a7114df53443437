import type { TimeWindow } from '@genesys-events/lake/summary';

export type { TimeWindow } from '@genesys-events/lake/summary';

// A date, or a date-time with seconds and fraction optional and a zone required: a date-time without a
// zone would be read in the server's local time. A date alone is UTC midnight.
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2})))?$/;

/**
 * Reads the `from` and `to` query parameters: both ISO 8601 with a zone (or plain dates, UTC midnight),
 * `from` before `to`. Answers the window or the reason it is refused.
 *
 * @example
 * ```ts
 * parseTimeWindow({ from: '2091-06-15T10:00:00Z', to: '2091-06-15T11:00:00+00:00' });
 * // { ok: true, window: { from: '2091-06-15T10:00:00.000Z', to: '2091-06-15T11:00:00.000Z' } }
 * parseTimeWindow({ from: 'yesterday' }); // { ok: false, message: 'from must be an ISO 8601 date-time with a zone' }
 * ```
 */
export const parseTimeWindow = (
  query: Readonly<Record<string, string | undefined>> | null | undefined,
): { ok: true; window: TimeWindow } | { ok: false; message: string } => {
  const from = isoTimeOf(query?.from);
  if (from === undefined) return { ok: false, message: 'from must be an ISO 8601 date-time with a zone' };
  const to = isoTimeOf(query?.to);
  if (to === undefined) return { ok: false, message: 'to must be an ISO 8601 date-time with a zone' };
  if (from >= to) return { ok: false, message: 'from must be before to' };
  return { ok: true, window: { from: new Date(from).toISOString(), to: new Date(to).toISOString() } };
};

const isoTimeOf = (value: string | undefined): number | undefined => {
  const match = value === undefined ? null : ISO_DATE_TIME.exec(value);
  if (!match || !isRealDateTime(match)) return undefined;
  const time = Date.parse(value as string);
  // Only times whose toISOString() has the fixed four-digit-year shape the stored times have.
  return Number.isNaN(time) || !/^\d{4}-/.test(new Date(time).toISOString()) ? undefined : time;
};

const isRealDateTime = (match: RegExpExecArray): boolean => {
  const [year, month, day, hour = 0, minute = 0, second = 0, offsetHours = 0, offsetMinutes = 0] = match
    .slice(1)
    .map((part) => (part === undefined ? undefined : Number(part)));
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return (
    date.getUTCFullYear() === year &&
    date.getUTCMonth() + 1 === month &&
    date.getUTCDate() === day &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    offsetHours <= 23 &&
    offsetMinutes <= 59
  );
};
