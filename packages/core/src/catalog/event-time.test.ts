import { describe, expect, it } from '@jest/globals';
import { normaliseEventTime } from './event-time';

describe('normaliseEventTime', () => {
  it('reads epoch milliseconds for conversation detail events', () => {
    expect(normaliseEventTime('epoch-ms', { eventTime: 1748873131250 })).toBe('2025-06-02T14:05:31.250Z');
  });

  it('reads epoch milliseconds written as a string of digits', () => {
    expect(normaliseEventTime('epoch-ms', { eventTime: '1748873131250' })).toBe('2025-06-02T14:05:31.250Z');
  });

  it('reads the epoch itself', () => {
    expect(normaliseEventTime('epoch-ms', { eventTime: 0 })).toBe('1970-01-01T00:00:00.000Z');
  });

  it('does not read an ISO string where epoch milliseconds are expected', () => {
    expect(normaliseEventTime('epoch-ms', { eventTime: '2025-06-02T14:05:31.250Z' })).toBeUndefined();
  });

  it('reads an ISO eventTime for transcription and audit events', () => {
    expect(normaliseEventTime('iso', { eventTime: '2025-06-02T14:06:02.480Z' })).toBe('2025-06-02T14:06:02.480Z');
  });

  it('reads an ISO time with an offset as UTC', () => {
    expect(normaliseEventTime('iso', { eventTime: '2025-06-02T16:06:02+02:00' })).toBe('2025-06-02T14:06:02.000Z');
  });

  it('reads modifiedDate for presence events, which have no eventTime', () => {
    expect(normaliseEventTime('iso', { modifiedDate: '2025-06-02T14:00:05.731Z' })).toBe('2025-06-02T14:00:05.731Z');
  });

  it('reads createdDate for conversation summaries, which have neither eventTime nor modifiedDate', () => {
    expect(normaliseEventTime('iso', { createdDate: '2025-06-02T14:09:40.120Z' })).toBe('2025-06-02T14:09:40.120Z');
  });

  it('prefers eventTime over modifiedDate', () => {
    const body = { eventTime: '2025-06-02T14:06:02.480Z', modifiedDate: '2025-06-01T00:00:00.000Z' };

    expect(normaliseEventTime('iso', body)).toBe('2025-06-02T14:06:02.480Z');
  });

  it('does not read epoch milliseconds where an ISO string is expected', () => {
    expect(normaliseEventTime('iso', { eventTime: 1748873131250 })).toBeUndefined();
  });

  it.each([
    ['a number', { eventTime: 1748873131250 }, '2025-06-02T14:05:31.250Z'],
    ['a string of digits', { eventTime: '1748873131250' }, '2025-06-02T14:05:31.250Z'],
    ['an ISO string', { eventTime: '2025-06-02T14:01:00Z' }, '2025-06-02T14:01:00.000Z'],
  ])('reads an eventTime that is %s for an unknown topic', (_, body, expected) => {
    expect(normaliseEventTime(undefined, body)).toBe(expected);
  });

  it('ignores modifiedDate for an unknown topic', () => {
    expect(normaliseEventTime(undefined, { modifiedDate: '2025-06-02T14:00:05.731Z' })).toBeUndefined();
  });

  it.each([
    ['missing', {}],
    ['null', { eventTime: null }],
    ['NaN', { eventTime: Number.NaN }],
    ['infinite', { eventTime: Number.POSITIVE_INFINITY }],
    ['beyond the range of Date', { eventTime: 8.64e15 + 1 }],
    ['after the year 9999', { eventTime: 253402300800000 }],
    ['before the year 0', { eventTime: -62167219200001 }],
    ['a string of digits too long for a time', { eventTime: '99999999999999999999' }],
    ['an empty string', { eventTime: '' }],
    ['a word', { eventTime: 'yesterday' }],
    ['a boolean', { eventTime: true }],
    ['an object', { eventTime: { ms: 1 } }],
  ])('gives undefined for an epoch time that is %s', (_, body) => {
    expect(normaliseEventTime('epoch-ms', body)).toBeUndefined();
  });

  it.each([
    ['an impossible date', '2025-02-30T00:00:00Z'],
    ['a date-time without a zone, read differently per machine', '2025-06-02T14:00:05'],
    ['a date alone', '2025-06-02'],
    ['a free-form date', 'June 2, 2025'],
    ['a number-like string', '1748873131250'],
    ['an hour 24', '2025-06-02T24:00:00Z'],
  ])('gives undefined for an ISO time that is %s', (_, eventTime) => {
    expect(normaliseEventTime('iso', { eventTime })).toBeUndefined();
  });

  it('gives the boundary years 0000 and 9999 in the fixed ISO shape', () => {
    expect(normaliseEventTime('epoch-ms', { eventTime: -62167219200000 })).toBe('0000-01-01T00:00:00.000Z');
    expect(normaliseEventTime('iso', { eventTime: '9999-12-31T23:59:59.999Z' })).toBe('9999-12-31T23:59:59.999Z');
  });

  it('gives undefined for an offset that moves a time before the year 0', () => {
    expect(normaliseEventTime('iso', { eventTime: '0000-01-01T00:00:00+01:00' })).toBeUndefined();
  });

  it('does not read a time from the prototype of the body', () => {
    const body = Object.create({ eventTime: 1748873131250 }) as Record<string, unknown>;

    expect(normaliseEventTime('epoch-ms', body)).toBeUndefined();
  });
});
