import { describe, expect, it } from '@jest/globals';
import { classifyNotification } from './classify-notification';
import { conversationSummaryEventSchemas } from './conversation-summary';
import { CONVERSATION_ID } from './fixtures/ids';
import { conversationSummaryBody } from './fixtures/other-topics';

const notification = (eventBody: Record<string, unknown>) => ({
  topicName: `v2.conversations.${CONVERSATION_ID}.summaries`,
  version: '2',
  eventBody,
  metadata: { CorrelationId: 'c0ffee00-0000-4000-8000-000000000000' },
  timestamp: '2025-06-02T14:09:40.500Z',
});

describe('conversation summaries in the catalog', () => {
  it('knows a Genesys summary, its conversation and its time (createdDate)', () => {
    const event = classifyNotification(notification(conversationSummaryBody()));

    expect(event).toMatchObject({
      kind: 'known',
      family: 'conversation-summary',
      pattern: 'v2.conversations.{id}.summaries',
      ids: { conversationId: CONVERSATION_ID },
      eventTime: '2025-06-02T14:09:40.120Z',
    });
  });

  it('tells a media type the SDK does not list yet from a known one, and the lenient schema takes it', () => {
    const body = conversationSummaryBody({ mediaType: 'VIDEO' });

    expect(classifyNotification(notification(body))).toMatchObject({ kind: 'unknown', reason: 'unknown_values' });
    expect(conversationSummaryEventSchemas.lenient.safeParse(body).success).toBe(true);
  });

  it('refuses a summary of the wrong shape', () => {
    expect(conversationSummaryEventSchemas.lenient.safeParse({ summary: 'just text' }).success).toBe(false);
  });
});
