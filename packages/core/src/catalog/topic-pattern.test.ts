import { describe, expect, it } from '@jest/globals';
import { topicPattern } from './topic-pattern';

const CONVERSATION_ID = '9b1f0d7c-3e52-4a86-b4c1-7d2e8f90a1b3';
const USER_ID = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

const CONVERSATION_DETAIL_SUFFIXES = [
  'acd.start',
  'acd.end',
  'customer.start',
  'customer.end',
  'user.start',
  'user.end',
  'acw',
  'wrapup',
  'flow.start',
  'flow.end',
  'flow.outcome',
  'voicemail.start',
  'voicemail.end',
  'outbound',
  'attributes',
  'contact',
];

describe('topicPattern', () => {
  it('covers all sixteen conversation detail event topics', () => {
    expect(new Set(CONVERSATION_DETAIL_SUFFIXES).size).toBe(16);
  });

  it.each(CONVERSATION_DETAIL_SUFFIXES)('replaces the conversation id of the %s detail topic', (suffix) => {
    const pattern = topicPattern(`v2.detail.events.conversation.${CONVERSATION_ID}.${suffix}`);

    expect(pattern).toBe(`v2.detail.events.conversation.{id}.${suffix}`);
  });

  it('replaces the conversation id of a transcription topic', () => {
    expect(topicPattern(`v2.conversations.${CONVERSATION_ID}.transcription`)).toBe(
      'v2.conversations.{id}.transcription',
    );
  });

  it('replaces both the entity type and the entity id of an audit topic', () => {
    const pattern = topicPattern(`v2.audits.entitytype.UserPresence.entityid.${USER_ID}`);

    expect(pattern).toBe('v2.audits.entitytype.{id}.entityid.{id}');
  });

  it('replaces the user id of a presence topic', () => {
    expect(topicPattern(`v2.users.${USER_ID}.presence`)).toBe('v2.users.{id}.presence');
  });

  it('replaces an upper-case UUID', () => {
    const pattern = topicPattern(`v2.users.${USER_ID.toUpperCase()}.presence`);

    expect(pattern).toBe('v2.users.{id}.presence');
  });

  it('replaces a non-UUID id that follows an id marker', () => {
    expect(topicPattern('v2.audits.entitytype.Queue.entityid.support-tier-1')).toBe(
      'v2.audits.entitytype.{id}.entityid.{id}',
    );
  });

  it('replaces a UUID wherever it appears', () => {
    const pattern = topicPattern(`v2.analytics.flows.${CONVERSATION_ID}.aggregates`);

    expect(pattern).toBe('v2.analytics.flows.{id}.aggregates');
  });

  it('keeps a topic that is already a pattern unchanged', () => {
    const pattern = 'v2.detail.events.conversation.{id}.customer.end';

    expect(topicPattern(pattern)).toBe(pattern);
  });

  it('keeps a topic without ids unchanged', () => {
    expect(topicPattern('v2.system.heartbeat')).toBe('v2.system.heartbeat');
  });

  it('keeps a seed event type unchanged', () => {
    expect(topicPattern('conversation:created')).toBe('conversation:created');
  });

  it('treats names after id markers as names outside v2 topics', () => {
    expect(topicPattern('custom.users.report')).toBe('custom.users.report');
  });

  it('keeps a segment that only resembles a UUID', () => {
    const almost = `${CONVERSATION_ID.slice(0, -1)}g`;

    expect(topicPattern(`v2.analytics.flows.${almost}.aggregates`)).toBe(`v2.analytics.flows.${almost}.aggregates`);
  });

  it.each([
    [`v2.users.${USER_ID}.conversations.calls`, 'v2.users.{id}.conversations.calls'],
    [`v2.routing.queues.${USER_ID}.conversations.emails`, 'v2.routing.queues.{id}.conversations.emails'],
  ])('keeps the media type after conversations in %s', (topic, pattern) => {
    expect(topicPattern(topic)).toBe(pattern);
  });
});
