import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
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
});

describe('consume-analytics-event handler', () => {
  it('stores with a conditional put on the configured table, and reads nothing', async () => {
    documentClient.on(PutCommand).resolves({});

    const outcome = await handler(ended, lambdaContext());

    expect(outcome).toEqual({ stored: 'stored' });
    expect(documentClient.calls()).toHaveLength(1);
    expect(documentClient.commandCalls(PutCommand)[0]?.args[0].input).toMatchObject({
      TableName: TABLE_NAME,
      ConditionExpression: 'attribute_not_exists(eventKey)',
      Item: { conversationId: CONVERSATION_ID, sessionEnded: true },
    });
  });

  it('fails the invocation when the put fails, so that EventBridge retries the event', async () => {
    documentClient.on(PutCommand).rejects(new Error('Service unavailable'));

    await expect(handler(ended, lambdaContext())).rejects.toThrow('Service unavailable');
  });
});
