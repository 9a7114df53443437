import { describe, expect, it } from '@jest/globals';
import { MalformedPayloadError } from '../errors';
import {
  CONVERSATION_ID,
  CORRELATION_ID,
  callAnalysisEnvelope,
  customerStartBody,
  customerStartNotification,
  genesysEnvelope,
  PARTNER_SOURCE,
  seedConversationEvent,
  seedUnknownEvent,
  transcriptionNotification,
  unknownEnvelope,
} from './fixtures/webhook-bodies';
import { recogniseEvent } from './recognise';

const reasonOf = (json: string): string => {
  try {
    recogniseEvent(json);
  } catch (error) {
    if (error instanceof MalformedPayloadError) return error.reason;
    throw error;
  }
  throw new Error('expected recogniseEvent to throw');
};

describe('recogniseEvent', () => {
  it('recognises a seed conversation:created event', () => {
    const event = seedConversationEvent();

    const recognised = recogniseEvent(JSON.stringify(event));

    expect(recognised).toEqual({ kind: 'seed-conversation', event });
  });

  it('recognises a seed conversation:updated event and keeps its unknown fields', () => {
    const event = seedConversationEvent({ changes: ['queue'], agentId: 'agent-17' }, 'conversation:updated');

    const recognised = recogniseEvent(JSON.stringify(event));

    expect(recognised.kind).toBe('seed-conversation');
    expect(recognised).toMatchObject({
      event: { eventType: 'conversation:updated', changes: ['queue'], agentId: 'agent-17' },
    });
  });

  it('passes a seed event of an unknown type through as seed-unknown', () => {
    const event = seedUnknownEvent();

    const recognised = recogniseEvent(JSON.stringify(event));

    expect(recognised).toEqual({ kind: 'seed-unknown', eventType: 'agent:status_changed', event });
  });

  it('recognises a bare Genesys notification', () => {
    const notification = customerStartNotification();

    const recognised = recogniseEvent(JSON.stringify(notification));

    expect(recognised).toEqual({ kind: 'notification', notification });
    expect(recognised).not.toHaveProperty('envelope');
  });

  it('recognises a transcription notification whose eventTime is a string', () => {
    const recognised = recogniseEvent(JSON.stringify(transcriptionNotification()));

    expect(recognised.kind).toBe('notification');
  });

  it('unwraps a notification from a Genesys EventBridge envelope and keeps the envelope', () => {
    const envelope = genesysEnvelope();

    const recognised = recogniseEvent(JSON.stringify(envelope));

    expect(recognised).toEqual({ kind: 'notification', notification: customerStartNotification(), envelope });
    if (recognised.kind !== 'notification') throw new Error('unreachable');
    expect(recognised.envelope?.source).toBe(PARTNER_SOURCE);
    expect(recognised.notification.metadata?.CorrelationId).toBe(CORRELATION_ID);
    expect(recognised.notification.eventBody.conversationId).toBe(CONVERSATION_ID);
  });

  it('recognises the seed call.analysis.completed envelope', () => {
    const envelope = callAnalysisEnvelope();

    const recognised = recogniseEvent(JSON.stringify(envelope));

    expect(recognised).toEqual({ kind: 'call-analysis', analysis: envelope.detail, envelope });
  });

  it('passes an envelope with an unknown detail through as envelope-unknown', () => {
    const envelope = unknownEnvelope();

    const recognised = recogniseEvent(JSON.stringify(envelope));

    expect(recognised).toEqual({ kind: 'envelope-unknown', envelope });
  });

  it('accepts surrounding whitespace and a pretty-printed body', () => {
    const recognised = recogniseEvent(`\n  ${JSON.stringify(seedConversationEvent(), null, 2)}\n`);

    expect(recognised.kind).toBe('seed-conversation');
  });

  it.each([
    ['an empty string', ''],
    ['truncated JSON', '{"eventType":"conversation:created"'],
    ['a trailing comma', '{"eventType":"conversation:created",}'],
    ['single quotes', "{'eventType':'conversation:created'}"],
    ['a form body', 'webhook=%7B%7D&signature=ab'],
  ])('rejects %s as invalid JSON', (_, json) => {
    expect(reasonOf(json)).toBe('invalid_json');
  });

  it.each([
    ['an array', JSON.stringify([seedConversationEvent()])],
    ['a string', JSON.stringify('conversation:created')],
    ['null', 'null'],
    ['a number', '42'],
    ['a boolean', 'true'],
    ['an object with none of the keys', JSON.stringify({ conversation: { id: CONVERSATION_ID }, type: 'call' })],
    ['an empty object', '{}'],
  ])('rejects %s as an unrecognised shape', (_, json) => {
    expect(reasonOf(json)).toBe('unrecognised_shape');
  });

  it.each([
    ['without conversation.id', seedConversationEvent({ conversation: { type: 'call' } })],
    ['with an empty conversation.id', seedConversationEvent({ conversation: { id: '' } })],
    ['without a conversation', { eventType: 'conversation:updated' }],
    ['with a numeric eventType', { eventType: 7, conversation: { id: CONVERSATION_ID } }],
    ['with an empty eventType', { eventType: '', conversation: { id: CONVERSATION_ID } }],
  ])('rejects a seed event %s as invalid', (_, event) => {
    expect(reasonOf(JSON.stringify(event))).toBe('invalid_event');
  });

  it.each([
    ['a notification without eventBody', { topicName: `v2.conversations.${CONVERSATION_ID}.transcription` }],
    ['a notification with an empty topicName', customerStartNotification({ topicName: '' })],
    ['a notification whose eventBody is an array', customerStartNotification({ eventBody: [customerStartBody()] })],
    ['an envelope without detail-type', { source: PARTNER_SOURCE, detail: customerStartNotification() }],
    ['an envelope without source', { 'detail-type': 'x', detail: customerStartNotification() }],
    ['an envelope whose detail is null', genesysEnvelope({ detail: null })],
    ['an envelope wrapping a notification without eventBody', genesysEnvelope({}, { topicName: 'v2.x' })],
    ['a call analysis without interactionId', callAnalysisEnvelope({ interactionId: undefined })],
  ])('rejects %s as invalid', (_, value) => {
    expect(reasonOf(JSON.stringify(value))).toBe('invalid_event');
  });

  it('names the failing field in the message of an invalid event', () => {
    const json = JSON.stringify(seedConversationEvent({ conversation: { type: 'call' } }));

    expect(() => recogniseEvent(json)).toThrow(/conversation\.id/);
  });
});

describe('recogniseEvent on deeply nested documents', () => {
  const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

  it('accepts the nesting real events have', () => {
    const event = `{"eventType":"conversation:created","conversation":{"id":"c-1"},"extra":${nested(30)}}`;

    expect(recogniseEvent(event).kind).toBe('seed-conversation');
  });

  it('takes 63 levels below the root and refuses 64', () => {
    const at = (depth: number) =>
      `{"eventType":"conversation:created","conversation":{"id":"c-1"},"extra":${nested(depth)}}`;

    expect(recogniseEvent(at(63)).kind).toBe('seed-conversation');
    expect(() => recogniseEvent(at(64))).toThrow(expect.objectContaining({ reason: 'too_deeply_nested' }));
  });

  it('refuses an event nested deeper than 64 levels without exhausting the stack', () => {
    const event = `{"eventType":"conversation:created","conversation":{"id":"c-1"},"extra":${nested(100_000)}}`;

    expect(() => recogniseEvent(event)).toThrow(expect.objectContaining({ reason: 'too_deeply_nested' }));
  });
});
