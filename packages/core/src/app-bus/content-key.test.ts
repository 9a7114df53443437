import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { CONVERSATION_ID, customerStartBody, EVENT_TIME_MS } from '../recognise/fixtures/webhook-bodies';
import { canonicalJson, eventContentKey } from './content-key';

const CUSTOMER_START = `v2.detail.events.conversation.${CONVERSATION_ID}.customer.start`;

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
