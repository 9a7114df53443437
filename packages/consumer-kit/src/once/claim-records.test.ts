import {
  ConditionalCheckFailedException,
  DeleteItemCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { beforeEach, describe, expect, it } from '@jest/globals';
import { mockClient } from 'aws-sdk-client-mock';
import { ClaimStoreError } from './claim-errors';
import { claimRecords, claimRecordId as recordId } from './claim-records';

const dynamo = mockClient(DynamoDBClient);
const NOW = Date.UTC(2026, 10, 23, 9, 30, 0);
const TABLE = 'deliveries-test';

const records = () =>
  claimRecords<{ eventId: string; detailType: string }>({
    client: new DynamoDBClient({}),
    resultFields: ['eventId', 'detailType'],
    tableName: TABLE,
    ttlSeconds: 3600,
    lockMs: 10_000,
    now: () => NOW,
  });

const conditionFailed = (item?: Record<string, unknown>) =>
  new ConditionalCheckFailedException({
    message: 'The conditional request failed',
    $metadata: { httpStatusCode: 400 },
    ...(item ? { Item: item as never } : {}),
  });

beforeEach(() => {
  dynamo.reset();
});

describe('claimRecords.claim', () => {
  it('claims a new delivery with one conditional put that sets the lock, the expiration and the content key', async () => {
    dynamo.on(PutItemCommand).resolves({});

    const claim = await records().claim('seed:d-1', 'content-1');

    expect(claim).toMatchObject({ kind: 'claimed', token: expect.any(String) });
    const [put] = dynamo.commandCalls(PutItemCommand);
    expect(put?.args[0].input).toMatchObject({
      TableName: TABLE,
      Item: {
        id: { S: recordId('seed:d-1') },
        status: { S: 'IN_PROGRESS' },
        contentKey: { S: 'content-1' },
        lockedUntil: { N: String(NOW + 10_000) },
        expiration: { N: String(NOW / 1000 + 3600) },
      },
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    });
    expect(dynamo.calls()).toHaveLength(1);
  });

  it('answers a completed delivery with the ids and the content key it stored', async () => {
    dynamo.on(PutItemCommand).rejects(
      conditionFailed({
        status: { S: 'COMPLETED' },
        contentKey: { S: 'content-2' },
        eventId: { S: 'evt-1' },
        detailType: { S: 'conversation:created' },
      }),
    );

    expect(await records().claim('seed:d-2', 'content-2')).toEqual({
      kind: 'completed',
      result: { eventId: 'evt-1', detailType: 'conversation:created' },
      contentKey: 'content-2',
    });
  });

  it('answers in flight, with its content key, when the record is held by another claim', async () => {
    dynamo
      .on(PutItemCommand)
      .rejects(conditionFailed({ status: { S: 'IN_PROGRESS' }, contentKey: { S: 'content-3' } }));

    expect(await records().claim('seed:d-3', 'content-x')).toEqual({ kind: 'in-flight', contentKey: 'content-3' });
  });

  it('gives no content key for a record written before content keys were kept', async () => {
    dynamo
      .on(PutItemCommand)
      .rejects(conditionFailed({ status: { S: 'COMPLETED' }, answer: { S: '{"eventId":"e"}' } }));

    expect(await records().claim('seed:d-9', 'content-9')).toEqual({
      kind: 'completed',
      result: { eventId: undefined, detailType: undefined },
      contentKey: undefined,
    });
  });

  it('reads the record with a consistent get when the store does not return it with the failed condition', async () => {
    dynamo.on(PutItemCommand).rejects(conditionFailed());
    dynamo.on(GetItemCommand).resolves({ Item: { status: { S: 'COMPLETED' }, eventId: { S: 'evt-4' } } });

    expect(await records().claim('seed:d-4', 'content-4')).toMatchObject({
      kind: 'completed',
      result: { eventId: 'evt-4' },
    });
    expect(dynamo.commandCalls(GetItemCommand)[0]?.args[0].input).toMatchObject({ ConsistentRead: true });
  });

  it('fails with ClaimStoreError when the table cannot be written', async () => {
    dynamo.on(PutItemCommand).rejects(Object.assign(new Error('throttled'), { name: 'ThrottlingException' }));

    await expect(records().claim('seed:d-5', 'content-5')).rejects.toBeInstanceOf(ClaimStoreError);
  });

  it('gives every claim its own token', async () => {
    dynamo.on(PutItemCommand).resolves({});
    const store = records();

    const [first, second] = await Promise.all([store.claim('seed:d-6', 'c'), store.claim('seed:d-6', 'c')]);

    expect(first).not.toEqual(second);
  });
});

describe('claimRecords.complete and release', () => {
  it('completes only the claim it holds, storing the ids it was published as', async () => {
    dynamo.on(UpdateItemCommand).resolves({});

    await records().complete('seed:d-7', 'token-7', { eventId: 'evt-7', detailType: 'conversation:created' });

    expect(dynamo.commandCalls(UpdateItemCommand)[0]?.args[0].input).toMatchObject({
      Key: { id: { S: recordId('seed:d-7') } },
      ConditionExpression: '#token = :token',
      UpdateExpression: 'SET #status = :completed, #r0 = :r0, #r1 = :r1 REMOVE lockedUntil',
      ExpressionAttributeNames: { '#r0': 'eventId', '#r1': 'detailType' },
      ExpressionAttributeValues: {
        ':token': { S: 'token-7' },
        ':r0': { S: 'evt-7' },
        ':r1': { S: 'conversation:created' },
      },
    });
  });

  it('deletes only the claim it holds', async () => {
    dynamo.on(DeleteItemCommand).resolves({});

    await records().release('seed:d-8', 'token-8');

    expect(dynamo.commandCalls(DeleteItemCommand)[0]?.args[0].input).toMatchObject({
      Key: { id: { S: recordId('seed:d-8') } },
      ExpressionAttributeValues: { ':token': { S: 'token-8' } },
    });
  });
});

describe('recordId', () => {
  it('has the same fixed size for any key and differs between keys', () => {
    expect(recordId('a')).toHaveLength(recordId('x'.repeat(5000)).length);
    expect(recordId('seed:1')).not.toBe(recordId('seed:2'));
  });
});
