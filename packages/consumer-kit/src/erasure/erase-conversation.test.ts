import type { AppBusEvent } from '@genesys-events/core';
import { describe, expect, it } from '@jest/globals';
import type { ConversationTable } from '../store/conversation-table';
import { eraseConversation, MalformedErasureRequestError } from './erase-conversation';
import { ERASURE_COMPLETED, ERASURE_REQUESTED, ERASURE_SOURCE, erasureRequestedEvent } from './erasure-events';

const NOW = new Date('2091-06-15T10:00:00.000Z');

const asReceived = (event: AppBusEvent) => ({
  'detail-type': event.detailType,
  source: event.source,
  detail: event.detail,
});

const setUp = (deleted = 3) => {
  const erased: string[] = [];
  const published: AppBusEvent[] = [];
  const logged: Record<string, unknown>[] = [];
  const table: ConversationTable = {
    putOnce: async () => 'stored',
    listConversation: async () => [],
    readConversation: async () => ({ erased: false, items: [] }),
    erase: async (conversationId) => {
      erased.push(conversationId);
      return { deleted };
    },
  };
  const dependencies = {
    service: 'kit-test',
    table,
    publish: async (event: AppBusEvent) => {
      published.push(event);
      return 'event-1';
    },
    logger: { info: (_message: string, extra: Record<string, unknown> = {}) => logged.push(extra) },
    now: () => NOW,
  };
  return { erased, published, logged, dependencies };
};

describe('eraseConversation', () => {
  it('erases the conversation and publishes a completion with counts and ids only', async () => {
    const { erased, published, logged, dependencies } = setUp(3);
    const request = asReceived(erasureRequestedEvent({ conversationId: 'c-1', requestId: 'r-1' }, NOW));

    const report = await eraseConversation(request, dependencies);

    expect(report).toEqual({ conversationId: 'c-1', requestId: 'r-1', service: 'kit-test', deleted: { items: 3 } });
    expect(erased).toEqual(['c-1']);
    expect(published).toEqual([
      {
        source: ERASURE_SOURCE,
        detailType: ERASURE_COMPLETED,
        detail: {
          topicName: ERASURE_COMPLETED,
          version: 'erasure-1',
          eventBody: report,
          metadata: {},
          timestamp: NOW.toISOString(),
        },
      },
    ]);
    expect(logged).toEqual([{ conversationId: 'c-1', requestId: 'r-1', deletedItems: 3 }]);
  });

  it.each([
    ['another detail-type', { 'detail-type': 'conversation:created', source: ERASURE_SOURCE, detail: {} }],
    ['no conversation id', { 'detail-type': ERASURE_REQUESTED, source: ERASURE_SOURCE, detail: { eventBody: {} } }],
    [
      'an id too long',
      {
        'detail-type': ERASURE_REQUESTED,
        source: ERASURE_SOURCE,
        detail: { eventBody: { conversationId: 'x'.repeat(257), requestId: 'r' } },
      },
    ],
    ['a null detail', { 'detail-type': ERASURE_REQUESTED, source: ERASURE_SOURCE, detail: null }],
  ])('throws MalformedErasureRequestError for %s, erasing and publishing nothing', async (_name, envelope) => {
    const { erased, published, dependencies } = setUp();

    await expect(eraseConversation(envelope, dependencies)).rejects.toBeInstanceOf(MalformedErasureRequestError);
    expect(erased).toEqual([]);
    expect(published).toEqual([]);
  });

  it('lets a failed publication reject, so that EventBridge retries the whole erasure', async () => {
    const { dependencies } = setUp();
    const failure = new Error('PutEvents unavailable');
    const request = asReceived(erasureRequestedEvent({ conversationId: 'c-2', requestId: 'r-2' }, NOW));

    await expect(
      eraseConversation(request, { ...dependencies, publish: async () => Promise.reject(failure) }),
    ).rejects.toBe(failure);
  });
});
