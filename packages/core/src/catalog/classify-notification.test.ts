import { describe, expect, it } from '@jest/globals';
import { classifyNotification } from './classify-notification';
import { CONVERSATION_DETAIL_SUFFIXES } from './conversation-detail';
import { conversationDetailBody, conversationDetailNotification } from './fixtures/conversation-detail';
import { CONVERSATION_ID, ENTITY_ID, EVENT_TIME_ISO, USER_ID } from './fixtures/ids';
import {
  auditNotification,
  presenceNotification,
  queueUsersNotification,
  transcriptionNotification,
} from './fixtures/other-topics';

describe('classifyNotification', () => {
  it.each(CONVERSATION_DETAIL_SUFFIXES)('knows a %s event and its ISO event time', (suffix) => {
    const notification = conversationDetailNotification(suffix);

    expect(classifyNotification(notification)).toEqual({
      kind: 'known',
      family: 'conversation-detail',
      pattern: `v2.detail.events.conversation.{id}.${suffix}`,
      ids: { conversationId: CONVERSATION_ID },
      eventBody: notification.eventBody,
      eventTime: EVENT_TIME_ISO,
    });
  });

  it.each([
    ['transcription', transcriptionNotification(), { conversationId: CONVERSATION_ID }, '2025-06-02T14:06:02.480Z'],
    ['audit', auditNotification(), { entityType: 'Queue', entityId: ENTITY_ID }, '2025-06-02T13:58:12.000Z'],
    ['presence', presenceNotification(), { userId: USER_ID }, '2025-06-02T14:00:05.731Z'],
  ])('knows a %s event, its ids and its event time', (family, notification, ids, eventTime) => {
    expect(classifyNotification(notification)).toMatchObject({
      kind: 'known',
      family,
      ids,
      eventBody: notification.eventBody,
      eventTime,
    });
  });

  it('types the body of a known event by its pattern', () => {
    const event = classifyNotification(conversationDetailNotification('user.end'));

    if (event.kind !== 'known' || event.pattern !== 'v2.detail.events.conversation.{id}.user.end') {
      throw new Error('expected a known user.end event');
    }
    const held: number | undefined = event.eventBody.heldDurationMs;
    expect(held).toBe(12_000);
  });

  it('passes an unknown media type through as unknown_values rather than rejecting it', () => {
    const notification = conversationDetailNotification('customer.start', { mediaType: 'HOLOGRAM' });

    expect(classifyNotification(notification)).toEqual({
      kind: 'unknown',
      reason: 'unknown_values',
      pattern: 'v2.detail.events.conversation.{id}.customer.start',
      ids: { conversationId: CONVERSATION_ID },
      family: 'conversation-detail',
      issues: ['mediaType: unknown value'],
      eventBody: notification.eventBody,
      eventTime: EVENT_TIME_ISO,
    });
  });

  it('names the path of an unknown value nested in a list', () => {
    const notification = transcriptionNotification({ transcripts: [{ channel: 'WHISPER' }] });

    const event = classifyNotification(notification);

    expect(event).toMatchObject({ kind: 'unknown', reason: 'unknown_values', family: 'transcription' });
    expect(event.kind === 'unknown' && event.issues).toEqual(['transcripts.0.channel: unknown value']);
  });

  it('reports a body of the wrong shape as schema_mismatch, naming the paths and not the values', () => {
    const notification = conversationDetailNotification('user.end', {
      ani: { number: '+447700900123' },
      heldDurationMs: 'twelve seconds',
    });

    const event = classifyNotification(notification);

    expect(event).toMatchObject({ kind: 'unknown', reason: 'schema_mismatch', family: 'conversation-detail' });
    expect(event.kind === 'unknown' && event.issues).toEqual([
      'ani: expected string',
      'heldDurationMs: expected number',
    ]);
    expect(JSON.stringify(event.kind === 'unknown' && event.issues)).not.toMatch(/447700900123|twelve/);
  });

  it('still gives the event time of a mismatching body', () => {
    const event = classifyNotification(conversationDetailNotification('acw', { wrapupDurationMs: 'long' }));

    expect(event).toMatchObject({ kind: 'unknown', reason: 'schema_mismatch', eventTime: EVENT_TIME_ISO });
  });

  it('passes a topic it does not know through as unknown_topic with its pattern and event time', () => {
    const notification = queueUsersNotification();

    expect(classifyNotification(notification)).toEqual({
      kind: 'unknown',
      reason: 'unknown_topic',
      pattern: 'v2.routing.queues.{id}.users',
      ids: {},
      issues: [],
      eventBody: notification.eventBody,
      eventTime: '2025-06-02T14:01:00.000Z',
    });
  });

  it('leaves out the family of an unknown topic', () => {
    expect(classifyNotification(queueUsersNotification())).not.toHaveProperty('family');
  });

  it('classifies a notification whose topic name is a pattern, without ids', () => {
    const event = classifyNotification({
      topicName: 'v2.detail.events.conversation.{id}.acd.end',
      eventBody: conversationDetailBody('acd.end'),
    });

    expect(event).toMatchObject({ kind: 'known', pattern: 'v2.detail.events.conversation.{id}.acd.end', ids: {} });
  });

  it('reads epoch milliseconds written as a string for a conversation detail event', () => {
    const event = classifyNotification(conversationDetailNotification('flow.end', { eventTime: '1748873131250' }));

    expect(event).toMatchObject({ kind: 'unknown', reason: 'schema_mismatch', eventTime: EVENT_TIME_ISO });
  });

  it('leaves out eventTime when the body has none', () => {
    const event = classifyNotification(conversationDetailNotification('contact', { eventTime: undefined }));

    expect(event.kind).toBe('known');
    expect(event).not.toHaveProperty('eventTime');
  });

  it('leaves out eventTime when the time is out of range', () => {
    const event = classifyNotification(conversationDetailNotification('outbound', { eventTime: 1e20 }));

    expect(event.kind).toBe('known');
    expect(event).not.toHaveProperty('eventTime');
  });

  it('gives no event time for a presence event whose modifiedDate is not an ISO time', () => {
    const event = classifyNotification(presenceNotification({ modifiedDate: 'last Tuesday' }));

    expect(event).toMatchObject({ kind: 'known', family: 'presence' });
    expect(event).not.toHaveProperty('eventTime');
  });

  it('reports a body that is not an object as schema_mismatch without throwing', () => {
    const event = classifyNotification({
      topicName: `v2.users.${USER_ID}.presence`,
      eventBody: 'AVAILABLE' as unknown as Record<string, unknown>,
    });

    expect(event).toEqual({
      kind: 'unknown',
      reason: 'schema_mismatch',
      pattern: 'v2.users.{id}.presence',
      ids: { userId: USER_ID },
      family: 'presence',
      issues: ['(root): expected object'],
      eventBody: {},
    });
  });

  it('does not change the body it was given', () => {
    const notification = conversationDetailNotification('wrapup', { mediaType: 'HOLOGRAM' });
    const before = structuredClone(notification);

    classifyNotification(notification);

    expect(notification).toEqual(before);
  });
});
