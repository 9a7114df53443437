import { describe, expect, it } from '@jest/globals';
import { CONVERSATION_DETAIL_SUFFIXES } from './conversation-detail';
import { conversationDetailTopic } from './fixtures/conversation-detail';
import { CONVERSATION_ID, ENTITY_ID, USER_ID } from './fixtures/ids';
import { parseTopicName } from './parse-topic-name';
import { TOPIC_CATALOG_BY_PATTERN } from './topic-catalog';

describe('parseTopicName', () => {
  it.each(CONVERSATION_DETAIL_SUFFIXES)('names the conversation id of the %s topic', (suffix) => {
    const pattern = `v2.detail.events.conversation.{id}.${suffix}`;

    const parsed = parseTopicName(conversationDetailTopic(suffix));

    expect(parsed).toEqual({
      pattern,
      ids: { conversationId: CONVERSATION_ID },
      entry: TOPIC_CATALOG_BY_PATTERN.get(pattern),
    });
    expect(parsed.entry?.family).toBe('conversation-detail');
  });

  it('takes a conversation id that is not a UUID', () => {
    const parsed = parseTopicName('v2.detail.events.conversation.test-conversation-id.flow.outcome');

    expect(parsed.pattern).toBe('v2.detail.events.conversation.{id}.flow.outcome');
    expect(parsed.ids).toEqual({ conversationId: 'test-conversation-id' });
  });

  it('names the conversation id of a transcription topic', () => {
    const parsed = parseTopicName(`v2.conversations.${CONVERSATION_ID}.transcription`);

    expect(parsed.pattern).toBe('v2.conversations.{id}.transcription');
    expect(parsed.ids).toEqual({ conversationId: CONVERSATION_ID });
    expect(parsed.entry?.family).toBe('transcription');
  });

  it('names the entity type and the entity id of an audit topic', () => {
    const parsed = parseTopicName(`v2.audits.entitytype.UserPresence.entityid.${ENTITY_ID}`);

    expect(parsed.pattern).toBe('v2.audits.entitytype.{id}.entityid.{id}');
    expect(parsed.ids).toEqual({ entityType: 'UserPresence', entityId: ENTITY_ID });
    expect(parsed.entry?.family).toBe('audit');
  });

  it('names the user id of a presence topic', () => {
    const parsed = parseTopicName(`v2.users.${USER_ID}.presence`);

    expect(parsed.pattern).toBe('v2.users.{id}.presence');
    expect(parsed.ids).toEqual({ userId: USER_ID });
    expect(parsed.entry?.family).toBe('presence');
  });

  it.each([
    'v2.detail.events.conversation.{id}.customer.end',
    'v2.conversations.{id}.transcription',
    'v2.audits.entitytype.{id}.entityid.{id}',
    'v2.users.{id}.presence',
  ])('maps the pattern %s to itself, with its entry and no ids', (pattern) => {
    expect(parseTopicName(pattern)).toEqual({ pattern, ids: {}, entry: TOPIC_CATALOG_BY_PATTERN.get(pattern) });
  });

  it('names only the concrete ids of a partly concrete pattern', () => {
    const parsed = parseTopicName('v2.audits.entitytype.Queue.entityid.{id}');

    expect(parsed.pattern).toBe('v2.audits.entitytype.{id}.entityid.{id}');
    expect(parsed.ids).toEqual({ entityType: 'Queue' });
  });

  it('gives an unknown topic the pattern with its UUIDs replaced and no entry', () => {
    expect(parseTopicName(`v2.routing.queues.${ENTITY_ID}.users`)).toEqual({
      pattern: 'v2.routing.queues.{id}.users',
      ids: {},
    });
  });

  it('keeps an unknown pattern as it is', () => {
    expect(parseTopicName('v2.analytics.flow.{id}.aggregates')).toEqual({
      pattern: 'v2.analytics.flow.{id}.aggregates',
      ids: {},
    });
  });

  it.each([
    ['an unknown suffix', `v2.detail.events.conversation.${CONVERSATION_ID}.customer.pause`],
    ['an extra segment', `v2.users.${USER_ID}.presence.extra`],
    ['a missing segment', 'v2.users.presence'],
    ['an empty id', 'v2.users..presence'],
    ['different case', `V2.Users.${USER_ID}.Presence`],
    ['a seed event type', 'conversation:created'],
    ['an empty name', ''],
  ])('finds no entry for %s', (_, topicName) => {
    expect(parseTopicName(topicName).entry).toBeUndefined();
    expect(parseTopicName(topicName).ids).toEqual({});
  });

  it('does not take an id from the chat messages topic for transcription', () => {
    const parsed = parseTopicName(`v2.conversations.chats.${CONVERSATION_ID}.messages`);

    expect(parsed).toEqual({ pattern: 'v2.conversations.chats.{id}.messages', ids: {} });
  });

  it('treats a topic name that is not a string as an empty unknown topic', () => {
    expect(parseTopicName(42 as unknown as string)).toEqual({ pattern: '', ids: {} });
  });
});
