import { describe, expect, it } from '@jest/globals';
import { CONVERSATION_ID } from '../recognise/fixtures/webhook-bodies';
import type { AppBusDetail } from './app-bus-event';
import { conversationIdOf } from './conversation-id';

const CUSTOMER_START = `v2.detail.events.conversation.${CONVERSATION_ID}.customer.start`;

const detailOf = (eventBody: Record<string, unknown>, extra: Partial<AppBusDetail> = {}): AppBusDetail => ({
  topicName: 'v2.system.test',
  eventBody,
  ...extra,
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
