import { describe, expect, it } from '@jest/globals';
import { parseTimeWindow } from './time-window';

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
