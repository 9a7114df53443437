/**
 * SQL literals both engines read alike. Values reach the SQL only through these, from validated input
 * (ISO times the handler has parsed, day strings computed here), so a literal never carries a quote.
 */

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;
const FIRST_DAY_MS = Date.parse('0000-01-01');
const LAST_DAY_MS = Date.parse('9999-12-31');

/**
 * A timestamp literal of an ISO time in `toISOString()` form: `TIMESTAMP '2091-06-15 10:00:00.000'`.
 * Throws on anything else.
 *
 * @example
 * ```ts
 * timestampLiteral('2091-06-15T10:00:00.000Z'); // "TIMESTAMP '2091-06-15 10:00:00.000'"
 * ```
 */
export const timestampLiteral = (iso: string): string => {
  if (!ISO_TIME.test(iso)) throw new RangeError(`not an ISO time in toISOString() form: ${iso}`);
  return `TIMESTAMP '${iso.slice(0, 10)} ${iso.slice(11, 23)}'`;
};

/**
 * A day (`YYYY-MM-DD`) as a string literal, the partition column's type. Throws on anything else.
 *
 * @example
 * ```ts
 * dayLiteral('2091-06-15'); // "'2091-06-15'"
 * ```
 */
export const dayLiteral = (day: string): string => {
  if (!DAY.test(day)) throw new RangeError(`not a day: ${day}`);
  return `'${day}'`;
};

/**
 * The UTC day of an ISO time moved by whole days, clamped to four-digit years.
 *
 * @example
 * ```ts
 * dayOf('2091-06-15T10:00:00.000Z', -2); // '2091-06-13'
 * ```
 */
export const dayOf = (iso: string, shiftDays = 0): string => {
  const moved = Date.parse(iso.slice(0, 10)) + shiftDays * DAY_MS;
  return new Date(Math.min(Math.max(moved, FIRST_DAY_MS), LAST_DAY_MS)).toISOString().slice(0, 10);
};

/**
 * A string literal of a value from a fixed list (detail-types, labels): quotes are doubled.
 *
 * @example
 * ```ts
 * stringLiteral("conversation:created"); // "'conversation:created'"
 * ```
 */
export const stringLiteral = (value: string): string => `'${value.replaceAll("'", "''")}'`;
