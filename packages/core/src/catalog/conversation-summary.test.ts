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

  it("takes any media type, the SDK model's fields it does not check, and a failed summary without texts", () => {
    const body = conversationSummaryBody({ mediaType: 'VIDEO', labels: [{ name: 'x' }] });
    const failed = { createdDate: '2025-06-02T14:09:40.120Z', errorType: 'CONVERSATION_TOO_SHORT' };

    expect(classifyNotification(notification(body))).toMatchObject({ kind: 'known' });
    expect(classifyNotification(notification(failed))).toMatchObject({ kind: 'known' });
  });

  it('refuses a summary of the wrong shape', () => {
    expect(conversationSummaryEventSchemas.lenient.safeParse({ summary: 'just text' }).success).toBe(false);
  });
});
