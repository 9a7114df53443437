import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import type { AppBusDetail } from '../app-bus/app-bus-event';
import { canonicalJson, eventContentKey } from '../app-bus/content-key';
import { conversationIdOf } from '../app-bus/conversation-id';
import { CONVERSATION_ID, customerStartBody, EVENT_TIME_MS } from '../recognise/fixtures/webhook-bodies';
import { eventTimeOf } from './event-facts';

const RECEIVED_AT = '2025-03-14T09:26:54.001Z';
const CUSTOMER_START = `v2.detail.events.conversation.${CONVERSATION_ID}.customer.start`;

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

describe('conversationIdOf', () => {
  it('reads eventBody.conversationId first', () => {
    const detail = detailOf(
      {
        conversationId: 'from-conversation-id',
        conversation: { id: 'from-conversation' },
        interactionId: 'from-interaction',
      },
      { topicName: CUSTOMER_START },
    );

    expect(conversationIdOf(detail)).toBe('from-conversation-id');
  });

  it('reads eventBody.conversation.id of a seed event', () => {
    const detail = detailOf({ conversation: { id: 'seed-conv-1' }, interactionId: 'from-interaction' });

    expect(conversationIdOf(detail)).toBe('seed-conv-1');
  });

  it('reads eventBody.interactionId of a call analysis', () => {
    expect(conversationIdOf(detailOf({ interactionId: 'analysis-conv-7' }))).toBe('analysis-conv-7');
  });

  it('reads the id from a conversation detail topic name', () => {
    expect(conversationIdOf(detailOf({}, { topicName: CUSTOMER_START }))).toBe(CONVERSATION_ID);
  });

  it('reads the id from a conversations transcription topic name', () => {
    const detail = detailOf({}, { topicName: `v2.conversations.${CONVERSATION_ID}.transcription` });

    expect(conversationIdOf(detail)).toBe(CONVERSATION_ID);
  });

  it.each([
    ['an empty conversationId', { conversationId: '', interactionId: 'fallback-1' }, 'fallback-1'],
    ['a numeric conversationId', { conversationId: 42, interactionId: 'fallback-2' }, 'fallback-2'],
    ['a null conversation', { conversation: null, interactionId: 'fallback-3' }, 'fallback-3'],
    ['a conversation without an id', { conversation: { type: 'call' }, interactionId: 'fallback-4' }, 'fallback-4'],
  ])('skips %s', (_, eventBody, expected) => {
    expect(conversationIdOf(detailOf(eventBody))).toBe(expected);
  });

  it('returns undefined for an event that belongs to no conversation', () => {
    const detail = detailOf(
      { presenceDefinition: { systemPresence: 'Available' } },
      { topicName: 'v2.users.u-1.presence' },
    );

    expect(conversationIdOf(detail)).toBeUndefined();
  });
});

describe('eventContentKey', () => {
  it('is the same for the same content with keys in a different order at every depth', () => {
    const first = {
      topicName: CUSTOMER_START,
      eventBody: { a: 1, b: { x: [1, { p: 'q', r: 's' }], y: null }, c: 'z' },
    };
    const second = {
      topicName: CUSTOMER_START,
      eventBody: { c: 'z', b: { y: null, x: [1, { r: 's', p: 'q' }] }, a: 1 },
    };

    expect(eventContentKey(first)).toBe(eventContentKey(second));
  });

  it('is the same for a body that went through a JSON round trip', () => {
    const body = customerStartBody();
    const reordered = Object.fromEntries(Object.entries(body).reverse());

    expect(eventContentKey({ topicName: CUSTOMER_START, eventBody: reordered })).toBe(
      eventContentKey({ topicName: CUSTOMER_START, eventBody: JSON.parse(JSON.stringify(body)) }),
    );
  });

  it('is a SHA-256 hex digest of the topic and the canonical body', () => {
    const eventBody = { b: 2, a: 1 };
    const expected = createHash('sha256').update(`${CUSTOMER_START}\n{"a":1,"b":2}`).digest('hex');

    expect(eventContentKey({ topicName: CUSTOMER_START, eventBody })).toBe(expected);
  });

  it.each([
    ['a different value', customerStartBody(), customerStartBody({ direction: 'OUTBOUND' })],
    ['an extra field', customerStartBody(), customerStartBody({ queueId: 'q-1' })],
    ['a number turned into a string', customerStartBody(), customerStartBody({ eventTime: String(EVENT_TIME_MS) })],
    ['a reordered array', customerStartBody({ tags: ['a', 'b'] }), customerStartBody({ tags: ['b', 'a'] })],
    ['a changed nested value', customerStartBody({ attrs: { k: 'v1' } }), customerStartBody({ attrs: { k: 'v2' } })],
  ])('differs for content with %s', (_, original, changed) => {
    expect(eventContentKey({ topicName: CUSTOMER_START, eventBody: changed })).not.toBe(
      eventContentKey({ topicName: CUSTOMER_START, eventBody: original }),
    );
  });

  it('differs for the same body under a different topic', () => {
    const eventBody = customerStartBody();

    expect(eventContentKey({ topicName: CUSTOMER_START, eventBody })).not.toBe(
      eventContentKey({ topicName: CUSTOMER_START.replace('customer.start', 'customer.end'), eventBody }),
    );
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: [{ d: 1, c: 2 }, 3], a: 'x' })).toBe('{"a":"x","b":[{"c":2,"d":1},3]}');
  });

  it('escapes keys and strings as JSON does', () => {
    expect(canonicalJson({ 'quote"key': 'line\nbreak' })).toBe('{"quote\\"key":"line\\nbreak"}');
  });

  it('parses back to the same value', () => {
    const value = customerStartBody({ nested: { list: [1, 'two', null, true, { z: 0 }] } });

    expect(JSON.parse(canonicalJson(value))).toEqual(value);
  });
});
