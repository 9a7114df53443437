import { describe, expect, it } from '@jest/globals';
import { DEFAULT_RETENTION_DAYS, expiresAtFor, isExpired, readRetentionDays } from './retention';

describe('retention', () => {
  it('expires an item the given number of days after it was stored', () => {
    expect(expiresAtFor(new Date('2091-06-15T00:00:00Z'), 30)).toBe(Date.parse('2091-07-15T00:00:00Z') / 1000);
  });

  it('treats an item as expired from its expiry second on, and one without expiry as live', () => {
    const now = new Date('2091-06-15T00:00:00Z');
    const second = now.getTime() / 1000;

    expect(isExpired({ expiresAt: second }, now)).toBe(true);
    expect(isExpired({ expiresAt: second + 1 }, now)).toBe(false);
    expect(isExpired({}, now)).toBe(false);
  });

  it('reads RETENTION_DAYS, with the documented default when unset', () => {
    expect(readRetentionDays({})).toBe(DEFAULT_RETENTION_DAYS);
    expect(readRetentionDays({ RETENTION_DAYS: ' 14 ' })).toBe(14);
  });

  it.each(['0', '-1', '1.5', 'forever', '3651'])('refuses RETENTION_DAYS=%s at cold start', (value) => {
    expect(() => readRetentionDays({ RETENTION_DAYS: value })).toThrow('RETENTION_DAYS');
  });
});
