import { describe, expect, it } from '@jest/globals';
import { dayBucketsOf, dayCountOf, inWindow, lastInstantOf, parseTimeWindow } from './time-window';

describe('parseTimeWindow', () => {
  it('reads two ISO date-times and writes them in toISOString form', () => {
    expect(parseTimeWindow({ from: '2091-06-15T12:00:00+02:00', to: '2091-06-15T11:00Z' })).toEqual({
      ok: true,
      window: { from: '2091-06-15T10:00:00.000Z', to: '2091-06-15T11:00:00.000Z' },
    });
  });

  it('reads a date alone as UTC midnight and keeps milliseconds', () => {
    expect(parseTimeWindow({ from: '2091-06-15', to: '2091-06-15T00:00:00.001Z' })).toEqual({
      ok: true,
      window: { from: '2091-06-15T00:00:00.000Z', to: '2091-06-15T00:00:00.001Z' },
    });
  });

  it.each<[string, Record<string, string | undefined> | null, string]>([
    ['no parameters', null, 'from must be'],
    ['a missing to', { from: '2091-06-15T10:00:00Z' }, 'to must be'],
    ['a from that is not a date', { from: 'yesterday', to: '2091-06-15T10:00:00Z' }, 'from must be'],
    ['a date-time without a zone', { from: '2091-06-15T10:00:00', to: '2091-06-15T11:00:00Z' }, 'from must be'],
    ['a date that does not exist', { from: '2091-02-30T10:00:00Z', to: '2091-03-15T11:00:00Z' }, 'from must be'],
    ['an hour past 23', { from: '2091-06-15T10:00:00Z', to: '2091-06-15T24:00:00Z' }, 'to must be'],
    ['an epoch number', { from: '3833172000000', to: '2091-06-15T11:00:00Z' }, 'from must be'],
    ['a repeated parameter joined by a comma', { from: '2091-06-15,2091-06-16', to: '2091-06-17' }, 'from must be'],
    ['from equal to to', { from: '2091-06-15T10:00:00Z', to: '2091-06-15T10:00:00.000Z' }, 'before to'],
    ['from after to', { from: '2091-06-15T11:00:00Z', to: '2091-06-15T10:00:00Z' }, 'before to'],
  ])('refuses %s', (_, query, message) => {
    const result = parseTimeWindow(query);

    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toContain(message);
  });
});

describe('inWindow', () => {
  const window = { from: '2091-06-15T10:00:00.000Z', to: '2091-06-15T11:00:00.000Z' };

  it('includes from and excludes to', () => {
    expect(inWindow(window, '2091-06-15T10:00:00.000Z')).toBe(true);
    expect(inWindow(window, '2091-06-15T10:59:59.999Z')).toBe(true);
    expect(inWindow(window, '2091-06-15T11:00:00.000Z')).toBe(false);
    expect(inWindow(window, '2091-06-15T09:59:59.999Z')).toBe(false);
  });

  it('has its last instant one millisecond before to', () => {
    expect(lastInstantOf(window)).toBe('2091-06-15T10:59:59.999Z');
  });
});

describe('dayBucketsOf', () => {
  it('lists the one day of a window inside a day', () => {
    expect(dayBucketsOf({ from: '2091-06-15T10:00:00.000Z', to: '2091-06-15T11:00:00.000Z' })).toEqual(['2091-06-15']);
  });

  it('leaves out the day a window ends on at midnight', () => {
    expect(dayBucketsOf({ from: '2091-06-15T00:00:00.000Z', to: '2091-06-17T00:00:00.000Z' })).toEqual([
      '2091-06-15',
      '2091-06-16',
    ]);
  });

  it('crosses month and year ends', () => {
    expect(dayBucketsOf({ from: '2091-12-31T23:00:00.000Z', to: '2092-01-01T01:00:00.000Z' })).toEqual([
      '2091-12-31',
      '2092-01-01',
    ]);
  });
});

describe('wide windows', () => {
  it('are accepted, however wide', () => {
    expect(parseTimeWindow({ from: '1970-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z' }).ok).toBe(true);
  });

  it('count their days without listing them', () => {
    expect(dayCountOf({ from: '2091-06-15T22:00:00.000Z', to: '2091-06-16T02:00:00.000Z' })).toBe(2);
    expect(dayCountOf({ from: '2091-01-01T00:00:00.000Z', to: '2092-01-01T00:00:00.000Z' })).toBe(365);
  });
});
