import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { beforeEach, describe, expect, it } from '@jest/globals';
import { mockClient } from 'aws-sdk-client-mock';
import { erasedAmong } from './erasure-tombstones';

const documents = mockClient(DynamoDBDocumentClient);
const client = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-west-1' }));
const TABLE = 'genesys-events-test-lake-erasures';

describe('erasedAmong', () => {
  beforeEach(() => {
    documents.reset();
  });

  it("asks for each conversation's tombstone once, 100 a request, and asks again for unprocessed keys", async () => {
    const ids = Array.from({ length: 150 }, (_, index) => `c-${index}`);
    documents
      .on(BatchGetCommand)
      .resolvesOnce({
        Responses: { [TABLE]: [{ conversationId: 'c-1' }] },
        UnprocessedKeys: { [TABLE]: { Keys: [{ conversationId: 'c-2', eventKey: '#erased' }] } },
      })
      .resolvesOnce({ Responses: { [TABLE]: [{ conversationId: 'c-2' }] } })
      .resolvesOnce({ Responses: { [TABLE]: [{ conversationId: 'c-140' }] } });

    const erased = await erasedAmong(client, TABLE, [...ids, 'c-1']);

    expect([...erased].sort()).toEqual(['c-1', 'c-140', 'c-2']);
    const requests = documents
      .commandCalls(BatchGetCommand)
      .map((call) => call.args[0].input.RequestItems?.[TABLE]?.Keys?.length);
    expect(requests).toEqual([100, 1, 50]);
    expect(documents.commandCalls(BatchGetCommand)[0]?.args[0].input.RequestItems?.[TABLE]?.Keys?.[0]).toEqual({
      conversationId: 'c-0',
      eventKey: '#erased',
    });
  });
});
