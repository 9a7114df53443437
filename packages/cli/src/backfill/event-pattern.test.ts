import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { type EventPattern, matchesPattern, UnsupportedPatternError } from './event-pattern';

/** An app-bus event as the archive keeps it. */
const event = (detailType: string, detail: Record<string, unknown> = {}, source = 'genesys-events.webhooks') => ({
  source,
  'detail-type': detailType,
  detail,
});

// The project's own rules (services/*/serverless/functions.yml).
const CONVERSATION_EVENTS: EventPattern = {
  'detail-type': [{ prefix: 'v2.detail.events.conversation.' }, 'conversation:created', 'conversation:updated'],
};
const OPEN_MESSAGES: EventPattern = {
  'detail-type': ['open-messaging.message'],
  detail: { eventBody: { conversationId: [{ exists: true }] } },
};
const SESSION_ENDED: EventPattern = {
  'detail-type': ['v2.conversations.{id}.transcription'],
  detail: { eventBody: { status: { status: ['SESSION_ENDED'] } } },
};
const ERASURE: EventPattern = {
  source: ['genesys-events.erasure'],
  'detail-type': ['conversation.erasure.requested'],
};

describe('matchesPattern with the project rules', () => {
  it.each([
    [CONVERSATION_EVENTS, event('v2.detail.events.conversation.{id}.customer.end'), true],
    [CONVERSATION_EVENTS, event('conversation:created'), true],
    [CONVERSATION_EVENTS, event('v2.conversations.{id}.transcription'), false],
    [OPEN_MESSAGES, event('open-messaging.message', { eventBody: { conversationId: 'c-1' } }), true],
    [OPEN_MESSAGES, event('open-messaging.message', { eventBody: { text: 'hi' } }), false],
    [OPEN_MESSAGES, event('open-messaging.message'), false],
    [
      SESSION_ENDED,
      event('v2.conversations.{id}.transcription', { eventBody: { status: { status: 'SESSION_ENDED' } } }),
      true,
    ],
    [
      SESSION_ENDED,
      event('v2.conversations.{id}.transcription', { eventBody: { status: { status: 'ACTIVE' } } }),
      false,
    ],
    [ERASURE, event('conversation.erasure.requested', {}, 'genesys-events.erasure'), true],
    [ERASURE, event('conversation.erasure.requested', {}, 'genesys-events.webhooks'), false],
  ])('%j on %j: %p', (pattern, candidate, expected) => {
    expect(matchesPattern(pattern, candidate)).toBe(expected);
  });
});

describe('matchesPattern operators', () => {
  const detail = { name: 'Alpha-Beta', size: 7, tags: ['red', 'blue'], empty: null, nested: { flag: true } };
  const candidate = event('t', detail);

  it.each<[string, EventPattern, boolean]>([
    ['an exact number', { detail: { size: [7] } }, true],
    ['an exact boolean', { detail: { nested: { flag: [true] } } }, true],
    ['null', { detail: { empty: [null] } }, true],
    ['any element of an array', { detail: { tags: ['blue'] } }, true],
    ['suffix', { detail: { name: [{ suffix: 'Beta' }] } }, true],
    ['prefix ignoring case', { detail: { name: [{ prefix: { 'equals-ignore-case': 'alpha' } }] } }, true],
    ['equals-ignore-case', { detail: { name: [{ 'equals-ignore-case': 'ALPHA-BETA' }] } }, true],
    ['wildcard', { detail: { name: [{ wildcard: 'Al*Be*' }] } }, true],
    ['a wildcard that does not fit', { detail: { name: [{ wildcard: 'Be*' }] } }, false],
    ['anything-but a value', { detail: { name: [{ 'anything-but': 'Gamma' }] } }, true],
    ['anything-but the value', { detail: { name: [{ 'anything-but': ['Alpha-Beta'] }] } }, false],
    ['anything-but a prefix', { detail: { name: [{ 'anything-but': { prefix: 'Al' } }] } }, false],
    ['anything-but on a missing field', { detail: { missing: [{ 'anything-but': 'x' }] } }, false],
    ['numeric in a range', { detail: { size: [{ numeric: ['>', 5, '<=', 7] }] } }, true],
    ['numeric outside it', { detail: { size: [{ numeric: ['<', 7] }] } }, false],
    ['numeric on a string', { detail: { name: [{ numeric: ['>', 0] }] } }, false],
    ['exists on an object (not a leaf)', { detail: { nested: [{ exists: true }] } }, false],
    ['exists false on a missing field', { detail: { missing: [{ exists: false }] } }, true],
    ['exists false on a present field', { detail: { size: [{ exists: false }] } }, false],
    ['$or, one side', { $or: [{ detail: { size: [8] } }, { detail: { name: ['Alpha-Beta'] } }] }, true],
    ['$or, no side', { $or: [{ detail: { size: [8] } }, { source: ['other'] }] }, false],
  ])('%s', (_what, pattern, expected) => {
    expect(matchesPattern(pattern, candidate)).toBe(expected);
  });

  it.each<[string, EventPattern]>([
    ['an operator it does not know', { detail: { ip: [{ cidr: '10.0.0.0/24' }] } }],
    ['two operators in one matcher', { detail: { name: [{ prefix: 'A', suffix: 'a' }] } }],
    ['a scalar instead of a list', { source: 'genesys-events.webhooks' }],
    ['numeric without pairs', { detail: { size: [{ numeric: ['>'] }] } }],
  ])('refuses %s rather than guess', (_what, pattern) => {
    expect(() => matchesPattern(pattern, event('t', { ip: '10.0.0.1', name: 'A', size: 1 }))).toThrow(
      UnsupportedPatternError,
    );
  });
});

const scalar = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null));
const key = fc.string({ minLength: 1, maxLength: 6 }).filter((text) => text !== '$or' && text !== '__proto__');
const tree = fc.dictionary(key, fc.oneof(scalar, fc.dictionary(key, scalar, { maxKeys: 3 })), { maxKeys: 5 });

/** The pattern that asks for exactly the leaves of a value. */
const exactPattern = (value: Record<string, unknown>): EventPattern =>
  Object.fromEntries(
    Object.entries(value).map(([name, field]) =>
      typeof field === 'object' && field !== null
        ? [name, exactPattern(field as Record<string, unknown>)]
        : [name, [field]],
    ),
  );

describe('matchesPattern properties', () => {
  it('an event matches the pattern of its own values', () => {
    fc.assert(fc.property(tree, (value) => matchesPattern(exactPattern(value), value)));
  });

  it('exists: true and exists: false on a leaf never agree', () => {
    fc.assert(
      fc.property(tree, key, (value, name) => {
        const yes = matchesPattern({ [name]: [{ exists: true }] }, value);
        const no = matchesPattern({ [name]: [{ exists: false }] }, value);
        const leaf = !Object.hasOwn(value, name) || typeof value[name] !== 'object' || value[name] === null;
        return leaf ? yes !== no : !no;
      }),
    );
  });

  it('anything-but a value is the opposite of the value, on a present scalar', () => {
    fc.assert(
      fc.property(key, scalar, scalar, (name, actual, asked) => {
        const value = { [name]: actual };
        return (
          matchesPattern({ [name]: [{ 'anything-but': [asked] }] }, value) !==
          matchesPattern({ [name]: [asked] }, value)
        );
      }),
    );
  });

  it('$or matches when either of its patterns does', () => {
    fc.assert(
      fc.property(tree, tree, tree, (value, left, right) => {
        const [p, q] = [exactPattern(left), exactPattern(right)];
        return matchesPattern({ $or: [p, q] }, value) === (matchesPattern(p, value) || matchesPattern(q, value));
      }),
    );
  });

  it('answers true or false for any JSON event with the project rules, never throws', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) =>
        [CONVERSATION_EVENTS, OPEN_MESSAGES, SESSION_ENDED, ERASURE].every(
          (pattern) => typeof matchesPattern(pattern, value) === 'boolean',
        ),
      ),
    );
  });
});
