/** A half-open time window `[from, to)`, both ends in `toISOString()` form. */
export interface TimeWindow {
  readonly from: string;
  readonly to: string;
}

/**
 * The widest window read day by day from the time index (one query per UTC day); wider windows are read
 * with one scan of the keys-only index instead, so any window can be asked for.
 */
export const MAX_INDEXED_DAYS = 92;

const DAY_MS = 86_400_000;

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

/**
 * Whether a time (in `toISOString()` form) falls in the window; `to` is excluded.
 *
 * @example
 * ```ts
 * inWindow({ from: '2091-06-15T10:00:00.000Z', to: '2091-06-15T11:00:00.000Z' }, '2091-06-15T11:00:00.000Z'); // false
 * ```
 */
export const inWindow = (window: TimeWindow, time: string): boolean => window.from <= time && time < window.to;

/**
 * The last instant of the window at millisecond precision, which every stored time has: an inclusive
 * upper bound for a DynamoDB `BETWEEN`.
 *
 * @example
 * ```ts
 * lastInstantOf({ from: '2091-06-15T10:00:00.000Z', to: '2091-06-15T11:00:00.000Z' }); // '2091-06-15T10:59:59.999Z'
 * ```
 */
export const lastInstantOf = (window: TimeWindow): string => new Date(Date.parse(window.to) - 1).toISOString();

/**
 * How many UTC days the window touches, without listing them.
 *
 * @example
 * ```ts
 * dayCountOf({ from: '2091-06-15T22:00:00.000Z', to: '2091-06-16T02:00:00.000Z' }); // 2
 * ```
 */
export const dayCountOf = (window: TimeWindow): number =>
  (Date.parse(lastInstantOf(window).slice(0, 10)) - Date.parse(window.from.slice(0, 10))) / DAY_MS + 1;

/**
 * The UTC days (`YYYY-MM-DD`, the time index's partitions) the window touches, in order.
 *
 * @example
 * ```ts
 * dayBucketsOf({ from: '2091-06-15T22:00:00.000Z', to: '2091-06-16T02:00:00.000Z' }); // ['2091-06-15', '2091-06-16']
 * ```
 */
export const dayBucketsOf = (window: TimeWindow): string[] => {
  const days: string[] = [];
  const last = lastInstantOf(window).slice(0, 10);
  for (let day = Date.parse(window.from.slice(0, 10)); ; day += DAY_MS) {
    const bucket = new Date(day).toISOString().slice(0, 10);
    days.push(bucket);
    if (bucket >= last) return days;
  }
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
