import type { ConversationTable } from '@genesys-events/consumer-kit/store';
import { describe, expect, it } from '@jest/globals';
import type { LakeStatement } from '../model/lake-statements';

process.env.ERASURES_TABLE_NAME = 'genesys-events-test-lake-erasures';
process.env.LAKE_WORKGROUP = 'genesys-events-test-lake';
process.env.LAKE_DATABASE = 'genesys_events_test_lake';
process.env.LAKE_TABLE = 'events';
process.env.AWS_REGION = 'eu-west-1';
process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';

const { lambdaHandler } = await import('./erase-lake');

const request = (eventBody: Record<string, unknown>) => ({
  'detail-type': 'conversation.erasure.requested',
  source: 'genesys-events.erasure',
  detail: { topicName: 'conversation.erasure.requested', eventBody, metadata: {} },
});

const fakes = () => {
  const calls: string[] = [];
  const tombstones = {
    erase: async (conversationId: string) => {
      calls.push(`tombstone ${conversationId}`);
      return 0;
    },
  } as unknown as ConversationTable;
  const start = async (statement: LakeStatement) => {
    calls.push(`start ${statement.kind}`);
    return 'q-1';
  };
  return { calls, tombstones, start };
};

describe('erase-lake lambdaHandler', () => {
  it("writes the conversation's tombstone, then starts counting its rows", async () => {
    const { calls, tombstones, start } = fakes();

    const result = await lambdaHandler(request({ conversationId: 'c-1', requestId: 'r-1' }), { tombstones, start });

    expect(result).toEqual({ queryId: 'q-1' });
    expect(calls).toEqual(['tombstone c-1', 'start erasure-count']);
  });

  it('does nothing with a request that names no conversation', async () => {
    const { calls, tombstones, start } = fakes();

    expect(await lambdaHandler(request({ requestId: 'r-1' }), { tombstones, start })).toEqual({});
    expect(calls).toEqual([]);
  });
});
