import { describe, expect, it } from '@jest/globals';
import { InvalidArgumentError } from 'commander';
import { isoInstant, replayNameFor } from './window';

describe('isoInstant', () => {
  const parse = isoInstant('--from');

  it.each([
    ['2025-03-14T09:26:53Z', '2025-03-14T09:26:53.000Z'],
    ['2025-03-14T09:26:53.589Z', '2025-03-14T09:26:53.589Z'],
    ['2025-03-14T10:26+01:00', '2025-03-14T09:26:00.000Z'],
    ['2025-03-14', '2025-03-14T00:00:00.000Z'],
  ])('reads %s', (value, expected) => {
    expect(parse(value).toISOString()).toBe(expected);
  });

  it.each([
    'yesterday',
    '2025-03-14T09:26:53',
    '2025-02-30',
    '2025-13-01T00:00:00Z',
    '14/03/2025',
    '1741944413589',
    '',
  ])('refuses %p as a usage error naming the option', (value) => {
    expect(() => parse(value)).toThrow(InvalidArgumentError);
    expect(() => parse(value)).toThrow('--from takes an ISO 8601 time');
  });
});

describe('replayNameFor', () => {
  it('names the service and the time, with a suffix', () => {
    expect(replayNameFor('analytics', new Date('2025-03-14T09:26:53.589Z'), '3f2a')).toBe(
      'backfill-analytics-20250314T092653Z-3f2a',
    );
  });

  it('stays within 64 characters EventBridge allows, for any service name', () => {
    const name = replayNameFor('a-service-with-a-really-long-name-that-goes-on-and-on', new Date(0));

    expect(name.length).toBeLessThanOrEqual(64);
    expect(name).toMatch(/^[.\-_A-Za-z0-9]+$/);
  });
});
