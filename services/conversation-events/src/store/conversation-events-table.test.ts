import { ConditionalCheckFailedException, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
  type QueryCommandOutput,
} from '@aws-sdk/lib-dynamodb';
import { beforeEach, describe, expect, it } from '@jest/globals';
import { mockClient } from 'aws-sdk-client-mock';
import { CONVERSATION_ID, timelineEntry } from '../test-support/app-bus-events';
import { conversationEventsTable } from './conversation-events-table';

const TABLE_NAME = 'genesys-events-test-conversation-events';

const documentClient = mockClient(DynamoDBDocumentClient);
const client = DynamoDBDocumentClient.from(
  new DynamoDBClient({
    region: 'eu-west-1',
    credentials: { accessKeyId: 'test-access-key', secretAccessKey: 'test-secret-key' },
  }),
);
const NOW = new Date('2091-06-15T10:00:00.000Z');
const NOW_SECONDS = Date.parse('2091-06-15T10:00:00.000Z') / 1000;
const RETENTION_DAYS = 30;
const table = conversationEventsTable({ client, tableName: TABLE_NAME, retentionDays: RETENTION_DAYS, now: () => NOW });

const entry = timelineEntry({
  eventKey: 'f'.repeat(64),
  body: { eventType: 'conversation:created', conversation: { id: CONVERSATION_ID, type: 'call' }, note: 'Grüße' },
});

beforeEach(() => {
  documentClient.reset();
  // No tombstone: the conversation was never erased.
  documentClient.on(GetCommand).resolves({});
});

describe('conversationEventsTable.putOnce', () => {
  it('stores the entry with a put conditioned on the event key being new', async () => {
    documentClient.on(PutCommand).resolves({});

    const outcome = await table.putOnce(entry);

    expect(outcome).toBe('stored');
    const puts = documentClient.commandCalls(PutCommand);
    expect(puts).toHaveLength(1);
    expect(puts[0]?.args[0].input).toEqual({
      TableName: TABLE_NAME,
      Item: { ...entry, body: JSON.stringify(entry.body), expiresAt: NOW_SECONDS + RETENTION_DAYS * 86_400 },
      ConditionExpression: 'attribute_not_exists(eventKey) OR expiresAt <= :now',
      ExpressionAttributeValues: { ':now': NOW_SECONDS },
    });
  });

  it('reports duplicate when the condition fails because the event is stored already', async () => {
    documentClient
      .on(PutCommand)
      .rejects(new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} }));

    await expect(table.putOnce(entry)).resolves.toBe('duplicate');
  });

  it('reports duplicate for a conditional check failure that is not an instance of the SDK class', async () => {
    const error = Object.assign(new Error('The conditional request failed'), {
      name: 'ConditionalCheckFailedException',
    });
    documentClient.on(PutCommand).rejects(error);

    await expect(table.putOnce(entry)).resolves.toBe('duplicate');
  });

  it('rethrows any other error', async () => {
    const throttled = Object.assign(new Error('Throughput exceeds the current capacity'), {
      name: 'ProvisionedThroughputExceededException',
    });
    documentClient.on(PutCommand).rejects(throttled);

    await expect(table.putOnce(entry)).rejects.toBe(throttled);
  });
});

describe('conversationEventsTable.listConversation', () => {
  it('follows every page of the query and parses each body back to an object', async () => {
    const first = timelineEntry({ eventKey: '1'.repeat(64), body: { page: 1 } });
    const second = timelineEntry({ eventKey: '2'.repeat(64), body: { page: 2, nested: { list: [1, 2] } } });
    const third = timelineEntry({ eventKey: '3'.repeat(64), body: { page: 2 } });
    const lastKey = { conversationId: CONVERSATION_ID, eventKey: first.eventKey };
    const stored = (item: typeof first) => ({ ...item, body: JSON.stringify(item.body) });
    const pages: QueryCommandOutput[] = [
      { Items: [stored(first)], LastEvaluatedKey: lastKey, $metadata: {} },
      { Items: [stored(second), stored(third)], $metadata: {} },
    ];
    // The paginator reuses one input object across pages, so each request is copied as it is sent.
    const requests: QueryCommandInput[] = [];
    documentClient.on(QueryCommand).callsFake((input: QueryCommandInput) => {
      requests.push(structuredClone(input));
      return pages.shift();
    });

    const entries = await table.listConversation(CONVERSATION_ID);

    expect(entries).toEqual([first, second, third]);
    expect(requests).toHaveLength(2);
    expect(requests[0]).toEqual({
      TableName: TABLE_NAME,
      ConsistentRead: true,
      KeyConditionExpression: 'conversationId = :conversationId',
      ExpressionAttributeValues: { ':conversationId': CONVERSATION_ID },
    });
    expect(requests[1]).toEqual({ ...requests[0], ExclusiveStartKey: lastKey });
  });

  it('answers an empty list for a conversation without events', async () => {
    documentClient.on(QueryCommand).resolves({ Items: [] });

    await expect(table.listConversation('unknown-conversation')).resolves.toEqual([]);
  });

  it('answers an empty list when the query returns no Items field', async () => {
    documentClient.on(QueryCommand).resolves({});

    await expect(table.listConversation('unknown-conversation')).resolves.toEqual([]);
  });
});
