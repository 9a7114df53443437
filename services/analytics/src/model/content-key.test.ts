import { eventContentKey } from '@genesys-events/core';
import { describe, expect, it } from '@jest/globals';
import { contentKeyOf } from './content-key';

describe('contentKeyOf', () => {
  it.each([
    ['an empty body', {}],
    ['keys in any order, at any depth', { b: [{ d: 1, c: 2 }, 3], a: 'x', n: null }],
    ['quotes, line breaks and non-ASCII text', { 'quote"key': 'line\nbreak', text: 'Grüße, ça va ? 👋' }],
    ['numbers, booleans and empty containers', { n: -1.5e-7, t: true, f: false, e: [], o: {} }],
  ])('is core’s eventContentKey for %s', (_, eventBody) => {
    const detail = { topicName: 'v2.conversations.c-1.transcription', eventBody };

    expect(contentKeyOf(detail)).toBe(eventContentKey(detail));
  });
});
