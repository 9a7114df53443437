import { describe, expect, it } from '@jest/globals';
import type { AppBusDetail } from '../app-bus/app-bus-event';
import { customerStartBody, EVENT_TIME_MS } from '../recognise/fixtures/webhook-bodies';
import { eventTimeOf } from './event-facts';

const RECEIVED_AT = '2025-03-14T09:26:54.001Z';

const detailOf = (eventBody: Record<string, unknown>, extra: Partial<AppBusDetail> = {}): AppBusDetail => ({
  topicName: 'v2.system.test',
  eventBody,
  ...extra,
});

describe('eventTimeOf', () => {
  it('converts an epoch milliseconds eventTime to ISO 8601', () => {
    const detail = detailOf(customerStartBody(), { timestamp: '2030-01-01T00:00:00.000Z' });

    expect(eventTimeOf(detail)).toBe('2025-03-14T09:26:53.589Z');
    expect(eventTimeOf(detail)).toBe(new Date(EVENT_TIME_MS).toISOString());
  });

  it('accepts an eventTime of zero as the epoch rather than a missing time', () => {
    expect(eventTimeOf(detailOf({ eventTime: 0 }, { timestamp: '2030-01-01T00:00:00.000Z' }))).toBe(
      '1970-01-01T00:00:00.000Z',
    );
  });

  it('normalises an ISO string eventTime', () => {
    expect(eventTimeOf(detailOf({ eventTime: '2025-03-14T09:27:10.250Z' }))).toBe('2025-03-14T09:27:10.250Z');
    expect(eventTimeOf(detailOf({ eventTime: '2025-03-14T10:27:10+01:00' }))).toBe('2025-03-14T09:27:10.000Z');
  });

  it.each([
    ['missing', {}],
    ['an unparseable string', { eventTime: 'yesterday afternoon' }],
    ['an empty string', { eventTime: '' }],
    ['not finite', { eventTime: Number.POSITIVE_INFINITY }],
    ['out of the Date range', { eventTime: 9e15 }],
    ['an object', { eventTime: { seconds: 1741944413 } }],
  ])('falls back to the notification timestamp when eventTime is %s', (_, eventBody) => {
    const detail = detailOf(eventBody, { timestamp: '2025-03-14T09:26:53.612Z' });

    expect(eventTimeOf(detail)).toBe('2025-03-14T09:26:53.612Z');
  });

  it('falls back to the time of receipt when there is neither eventTime nor timestamp', () => {
    const detail = detailOf(
      {},
      { gateway: { transport: 'genesys-header', scheme: 'seed-header', receivedAt: RECEIVED_AT } },
    );

    expect(eventTimeOf(detail)).toBe(RECEIVED_AT);
  });

  it('falls back to the time of receipt when the timestamp is unparseable', () => {
    const detail = detailOf(
      {},
      { timestamp: 'not a time', gateway: { transport: 'genesys-form', scheme: 'seed-form', receivedAt: RECEIVED_AT } },
    );

    expect(eventTimeOf(detail)).toBe(RECEIVED_AT);
  });

  it('returns undefined when no time is known', () => {
    expect(eventTimeOf(detailOf({}))).toBeUndefined();
  });
});
