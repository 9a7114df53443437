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
import {
  CONVERSATION_ID,
  storedPartnerEvent,
  T0,
  transcriptionNotification,
  utterance,
} from '../test-support/app-bus-events';
import { analyticsTable } from './analytics-table';

const TABLE_NAME = 'genesys-events-test-analytics';

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
const table = analyticsTable({ client, tableName: TABLE_NAME, retentionDays: RETENTION_DAYS, now: () => NOW });

const event = storedPartnerEvent(transcriptionNotification(T0, [utterance('u-1', 'Grüße aus Köln', 500)]));

/** Records each request as it is sent: the paginator reuses one input object across pages. */
const recordQueries = (pages: (request: QueryCommandInput) => QueryCommandOutput | undefined) => {
  const requests: QueryCommandInput[] = [];
  documentClient.on(QueryCommand).callsFake((input: QueryCommandInput) => {
    requests.push(structuredClone(input));
    return pages(input);
  });
  return requests;
};

beforeEach(() => {
  documentClient.reset();
  // No tombstone: the conversation was never erased.
  documentClient.on(GetCommand).resolves({});
});

describe('analyticsTable.putOnce', () => {
  it('stores the event with a put conditioned on its content key being new', async () => {
    documentClient.on(PutCommand).resolves({});

    await expect(table.putOnce(event)).resolves.toBe('stored');

    const puts = documentClient.commandCalls(PutCommand);
    expect(puts).toHaveLength(1);
    expect(puts[0]?.args[0].input).toEqual({
      TableName: TABLE_NAME,
      Item: { ...event, expiresAt: NOW_SECONDS + RETENTION_DAYS * 86_400 },
      ConditionExpression: 'attribute_not_exists(eventKey) OR expiresAt <= :now',
      ExpressionAttributeValues: { ':now': NOW_SECONDS },
    });
  });

  it('reports duplicate when the condition fails, with or without the SDK class', async () => {
    documentClient
      .on(PutCommand)
      .rejectsOnce(new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} }))
      .rejectsOnce(
        Object.assign(new Error('The conditional request failed'), { name: 'ConditionalCheckFailedException' }),
      );

    await expect(table.putOnce(event)).resolves.toBe('duplicate');
    await expect(table.putOnce(event)).resolves.toBe('duplicate');
  });

  it('rethrows any other error', async () => {
    const throttled = Object.assign(new Error('Throughput exceeds the current capacity'), {
      name: 'ProvisionedThroughputExceededException',
    });
    documentClient.on(PutCommand).rejects(throttled);

    await expect(table.putOnce(event)).rejects.toBe(throttled);
  });
});

describe('analyticsTable.listConversation', () => {
  it('reads every page of the conversation with a consistent query', async () => {
    const other = { ...event, eventKey: 'f'.repeat(64) };
    const lastKey = { conversationId: CONVERSATION_ID, eventKey: event.eventKey };
    const pages: QueryCommandOutput[] = [
      { Items: [event], LastEvaluatedKey: lastKey, $metadata: {} },
      { Items: [other], $metadata: {} },
    ];
    const requests = recordQueries(() => pages.shift());

    await expect(table.listConversation(CONVERSATION_ID)).resolves.toEqual([event, other]);

    expect(requests).toEqual([
      {
        TableName: TABLE_NAME,
        ConsistentRead: true,
        KeyConditionExpression: 'conversationId = :conversationId',
        ExpressionAttributeValues: { ':conversationId': CONVERSATION_ID },
      },
      expect.objectContaining({ ExclusiveStartKey: lastKey }),
    ]);
  });

  it('answers an empty list when the query has no Items', async () => {
    documentClient.on(QueryCommand).resolves({});

    await expect(table.listConversation('unknown')).resolves.toEqual([]);
  });
});
