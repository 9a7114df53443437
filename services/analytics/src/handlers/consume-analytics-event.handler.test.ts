import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { lambdaContext } from '@genesys-events/core/testing';
import { beforeEach, describe, expect, it } from '@jest/globals';
import { mockClient } from 'aws-sdk-client-mock';
import {
  CONVERSATION_ID,
  partnerEvent,
  T0,
  transcriptionNotification,
  utterance,
} from '../test-support/app-bus-events';

const TABLE_NAME = 'genesys-events-test-analytics';

// The handler module reads its configuration and creates its clients when it is imported.
process.env.ANALYTICS_TABLE_NAME = TABLE_NAME;
process.env.AWS_REGION = 'eu-west-1';
process.env.AWS_ACCESS_KEY_ID = 'test-access-key';
process.env.AWS_SECRET_ACCESS_KEY = 'test-secret-key';
process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';

const documentClient = mockClient(DynamoDBDocumentClient);

const { handler } = await import('./consume-analytics-event');

const ended = partnerEvent(
  transcriptionNotification(T0, [utterance('u-1', 'This is awful, I want a refund', 700)], {
    status: 'SESSION_ENDED',
  }),
);

beforeEach(() => {
  documentClient.reset();
  // No tombstone: the conversation was never erased.
  documentClient.on(GetCommand).resolves({});
});

describe('consume-analytics-event handler', () => {
  it('stores with a conditional put on the configured table, reading only the tombstone', async () => {
    documentClient.on(PutCommand).resolves({});

    const outcome = await handler(ended, lambdaContext());

    expect(outcome).toEqual({ stored: 'stored' });
    expect(documentClient.calls()).toHaveLength(2);
    expect(documentClient.commandCalls(GetCommand)[0]?.args[0].input).toMatchObject({
      TableName: TABLE_NAME,
      Key: { conversationId: CONVERSATION_ID, eventKey: '#erased' },
      ConsistentRead: true,
    });
    expect(documentClient.commandCalls(PutCommand)[0]?.args[0].input).toMatchObject({
      TableName: TABLE_NAME,
      ConditionExpression: 'attribute_not_exists(eventKey) OR expiresAt <= :now',
      Item: { conversationId: CONVERSATION_ID, sessionEnded: true },
    });
  });

  it('stores nothing of an erased conversation and says so', async () => {
    documentClient.on(GetCommand).resolves({ Item: { conversationId: CONVERSATION_ID, eventKey: '#erased' } });

    const outcome = await handler(ended, lambdaContext());

    expect(outcome).toEqual({ stored: 'erased' });
    expect(documentClient.commandCalls(PutCommand)).toHaveLength(0);
  });

  it('fails the invocation when the put fails, so that EventBridge retries the event', async () => {
    documentClient.on(PutCommand).rejects(new Error('Service unavailable'));

    await expect(handler(ended, lambdaContext())).rejects.toThrow('Service unavailable');
  });
});
