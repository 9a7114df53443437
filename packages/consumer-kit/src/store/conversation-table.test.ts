import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeEach, describe, expect, it } from '@jest/globals';
import { mockClient } from 'aws-sdk-client-mock';
import { conversationTable, TOMBSTONE_KEY } from './conversation-table';

const TABLE_NAME = 'genesys-events-test-store';
const CONVERSATION_ID = 'kit-conversation-1';
const NOW = new Date('2091-06-15T10:00:00.000Z');
const NOW_SECONDS = NOW.getTime() / 1000;
const RETENTION_DAYS = 7;
const EXPIRES_AT = NOW_SECONDS + RETENTION_DAYS * 86_400;

const documentClient = mockClient(DynamoDBDocumentClient);
const client = DynamoDBDocumentClient.from(
  new DynamoDBClient({ region: 'eu-west-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } }),
);
const table = conversationTable({ client, tableName: TABLE_NAME, retentionDays: RETENTION_DAYS, now: () => NOW });

const item = (eventKey: string, extra: Record<string, unknown> = {}) => ({
  conversationId: CONVERSATION_ID,
  eventKey,
  ...extra,
});
const tombstone = (expiresAt = EXPIRES_AT) => item(TOMBSTONE_KEY, { erasedAt: NOW.toISOString(), expiresAt });

beforeEach(() => {
  documentClient.reset();
  documentClient.on(GetCommand).resolves({});
});

describe('conversationTable.putOnce', () => {
  it('stores a new item with its expiry, conditioned on no live copy', async () => {
    documentClient.on(PutCommand).resolves({});

    await expect(table.putOnce(item('a'.repeat(64), { topic: 't' }))).resolves.toBe('stored');

    expect(documentClient.commandCalls(GetCommand)[0]?.args[0].input).toEqual({
      TableName: TABLE_NAME,
      Key: { conversationId: CONVERSATION_ID, eventKey: TOMBSTONE_KEY },
      ConsistentRead: true,
    });
    expect(documentClient.commandCalls(PutCommand)[0]?.args[0].input).toEqual({
      TableName: TABLE_NAME,
      Item: { ...item('a'.repeat(64), { topic: 't' }), expiresAt: EXPIRES_AT },
      ConditionExpression: 'attribute_not_exists(eventKey) OR expiresAt <= :now',
      ExpressionAttributeValues: { ':now': NOW_SECONDS },
    });
  });

  it('answers duplicate when a live copy is stored', async () => {
    documentClient
      .on(PutCommand)
      .rejects(Object.assign(new Error('conditional'), { name: 'ConditionalCheckFailedException' }));

    await expect(table.putOnce(item('b'.repeat(64)))).resolves.toBe('duplicate');
  });

  it('refuses an item of an erased conversation without writing', async () => {
    documentClient.on(GetCommand).resolves({ Item: tombstone() });

    await expect(table.putOnce(item('c'.repeat(64)))).resolves.toBe('erased');
    expect(documentClient.commandCalls(PutCommand)).toHaveLength(0);
  });

  it('stores again once the tombstone has outlived the retention', async () => {
    documentClient.on(GetCommand).resolves({ Item: tombstone(NOW_SECONDS) });
    documentClient.on(PutCommand).resolves({});

    await expect(table.putOnce(item('d'.repeat(64)))).resolves.toBe('stored');
  });

  it('rethrows any other failure, so that the event is retried', async () => {
    const throttled = Object.assign(new Error('throttled'), { name: 'ProvisionedThroughputExceededException' });
    documentClient.on(PutCommand).rejects(throttled);

    await expect(table.putOnce(item('e'.repeat(64)))).rejects.toBe(throttled);
  });
});

describe('conversationTable.readConversation', () => {
  it('reads consistently and leaves out items past their expiry', async () => {
    const live = item('1'.repeat(64), { expiresAt: NOW_SECONDS + 1 });
    const legacy = item('2'.repeat(64));
    const expired = item('3'.repeat(64), { expiresAt: NOW_SECONDS });
    documentClient.on(QueryCommand).resolves({ Items: [live, legacy, expired] });

    await expect(table.readConversation(CONVERSATION_ID)).resolves.toEqual({ erased: false, items: [live, legacy] });
    expect(documentClient.commandCalls(QueryCommand)[0]?.args[0].input).toMatchObject({ ConsistentRead: true });
  });

  it('shows nothing of an erased conversation, not even an item stored after the tombstone', async () => {
    documentClient.on(QueryCommand).resolves({ Items: [tombstone(), item('4'.repeat(64))] });

    await expect(table.readConversation(CONVERSATION_ID)).resolves.toEqual({ erased: true, items: [] });
    await expect(table.listConversation(CONVERSATION_ID)).resolves.toEqual([]);
  });
});

describe('conversationTable.erase', () => {
  it('writes the tombstone first, then deletes every item in batches of 25', async () => {
    const keys = Array.from({ length: 30 }, (_, index) => item(String(index).padStart(64, '0')));
    documentClient.on(PutCommand).resolves({});
    documentClient.on(QueryCommand).resolves({ Items: [tombstone(), ...keys] });
    documentClient.on(BatchWriteCommand).resolves({});

    await expect(table.erase(CONVERSATION_ID)).resolves.toEqual({ deleted: 30 });

    expect(documentClient.commandCalls(PutCommand)[0]?.args[0].input.Item).toEqual(tombstone());
    const batches = documentClient.commandCalls(BatchWriteCommand).map((call) => call.args[0].input);
    expect(batches.map((batch) => batch.RequestItems?.[TABLE_NAME]?.length)).toEqual([25, 5]);
    expect(batches[0]?.RequestItems?.[TABLE_NAME]?.[0]).toEqual({ DeleteRequest: { Key: keys[0] } });
    const calls = documentClient.calls().map((call) => call.args[0].constructor.name);
    expect(calls.indexOf('PutCommand')).toBeLessThan(calls.indexOf('BatchWriteCommand'));
  });

  it('resends what DynamoDB left unprocessed', async () => {
    const key = item('5'.repeat(64));
    documentClient.on(PutCommand).resolves({});
    documentClient.on(QueryCommand).resolves({ Items: [key] });
    documentClient
      .on(BatchWriteCommand)
      .resolvesOnce({ UnprocessedItems: { [TABLE_NAME]: [{ DeleteRequest: { Key: key } }] } })
      .resolves({});

    await expect(table.erase(CONVERSATION_ID)).resolves.toEqual({ deleted: 1 });
    expect(documentClient.commandCalls(BatchWriteCommand)).toHaveLength(2);
  });

  it('reports nothing deleted when the conversation was already erased', async () => {
    documentClient.on(PutCommand).resolves({});
    documentClient.on(QueryCommand).resolves({ Items: [tombstone()] });

    await expect(table.erase(CONVERSATION_ID)).resolves.toEqual({ deleted: 0 });
    expect(documentClient.commandCalls(BatchWriteCommand)).toHaveLength(0);
  });
});
