import { ZodMiniISODateTime } from 'zod/mini';
import { _isoDateTime } from 'zod/v4/core';

/**
 * How a topic writes the time of its events: epoch milliseconds (conversation detail events) or ISO 8601
 * strings (transcription, conversation summaries, audit, presence).
 *
 * @example
 * ```ts
 * const format: TimeFormat = 'epoch-ms';
 * ```
 */
export type TimeFormat = 'epoch-ms' | 'iso';

// Four-digit years only, so every result has the one fixed ISO shape (YYYY-MM-DDTHH:mm:ss.sssZ).
const EARLIEST_MS = Date.parse('0000-01-01T00:00:00.000Z');
const LATEST_MS = Date.parse('9999-12-31T23:59:59.999Z');
const EPOCH_MS_TEXT = /^-?\d{1,16}$/;
// A zone is required: a date-time without one is read in the host's local time, which differs per machine.
// Built with zod's factory rather than `z.iso.datetime`: the `z.iso` namespace brings its date, time and
// duration formats into every bundle with it (1.3 KB of each webhook).
const isoDateTime = _isoDateTime(ZodMiniISODateTime, { offset: true });

/**
 * The time of an event as ISO 8601 (`Date#toISOString()`), read the way its topic writes it: `epoch-ms` reads
 * `eventTime` as milliseconds (a number or a string of digits); `iso` reads `eventTime`, or `modifiedDate`
 * (presence events), or `createdDate` (conversation summaries), as an ISO date-time with a zone; no format (an
 * unknown topic) takes `eventTime` in either form. Anything else, and times outside the years 0000-9999, give `undefined`, never an exception.
 *
 * @example
 * ```ts
 * normaliseEventTime('epoch-ms', { eventTime: 1741944413589 }); // '2025-03-14T09:26:53.589Z'
 * normaliseEventTime('iso', { modifiedDate: '2025-03-14T10:26:53+01:00' }); // '2025-03-14T09:26:53.000Z'
 * normaliseEventTime('epoch-ms', { eventTime: 'yesterday' }); // undefined
 * ```
 */
export const normaliseEventTime = (
  timeFormat: TimeFormat | undefined,
  eventBody: Record<string, unknown>,
): string | undefined => {
  if (typeof eventBody !== 'object' || eventBody === null) return undefined;
  const eventTime = ownValue(eventBody, 'eventTime');
  switch (timeFormat) {
    case 'epoch-ms':
      return fromEpochMs(eventTime);
    case 'iso':
      return fromIso(eventTime ?? ownValue(eventBody, 'modifiedDate') ?? ownValue(eventBody, 'createdDate'));
    default:
      return fromEpochMs(eventTime) ?? fromIso(eventTime);
  }
};

const fromEpochMs = (value: unknown): string | undefined => {
  if (typeof value === 'number') return toIso(value);
  if (typeof value === 'string' && EPOCH_MS_TEXT.test(value)) return toIso(Number(value));
  return undefined;
};

const fromIso = (value: unknown): string | undefined =>
  typeof value === 'string' && isoDateTime.safeParse(value).success ? toIso(Date.parse(value)) : undefined;

const toIso = (ms: number): string | undefined =>
  Number.isFinite(ms) && ms >= EARLIEST_MS && ms <= LATEST_MS ? new Date(ms).toISOString() : undefined;

// Own properties only, so a body never lends a time from its prototype.
const ownValue = (body: object, key: string): unknown =>
  Object.hasOwn(body, key) ? (body as Record<string, unknown>)[key] : undefined;
