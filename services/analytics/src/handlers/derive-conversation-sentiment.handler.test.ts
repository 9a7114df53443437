import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { PublishError } from '@genesys-events/app-bus';
import { lambdaContext } from '@genesys-events/core/testing';
import { beforeEach, describe, expect, it } from '@jest/globals';
import { mockClient } from 'aws-sdk-client-mock';
import {
  CONVERSATION_ID,
  partnerEvent,
  storedPartnerEvent,
  T0,
  transcriptionNotification,
  utterance,
} from '../test-support/app-bus-events';

const TABLE_NAME = 'genesys-events-test-analytics';
const BUS = 'genesys-events-test';

// The handler module reads its configuration and creates its clients when it is imported.
process.env.ANALYTICS_TABLE_NAME = TABLE_NAME;
process.env.APP_BUS_NAME = BUS;
process.env.AWS_REGION = 'eu-west-1';
process.env.AWS_ACCESS_KEY_ID = 'test-access-key';
process.env.AWS_SECRET_ACCESS_KEY = 'test-secret-key';
process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';

const documentClient = mockClient(DynamoDBDocumentClient);
const eventBridge = mockClient(EventBridgeClient);

const { handler } = await import('./derive-conversation-sentiment');

const complaint = transcriptionNotification(T0, [utterance('u-1', 'This is awful, I want a refund', 700)]);
const ended = partnerEvent(transcriptionNotification(T0 + 60_000, [], { status: 'SESSION_ENDED' }));

beforeEach(() => {
  documentClient.reset();
  eventBridge.reset();
  documentClient.on(QueryCommand).resolves({ Items: [storedPartnerEvent(complaint)] });
});

describe('derive-conversation-sentiment handler', () => {
  it('reads the conversation from the configured table and publishes to the configured bus', async () => {
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'evt-1' }] });

    const outcome = await handler(ended, lambdaContext());

    expect(outcome).toEqual({ derivation: 'published' });
    expect(documentClient.commandCalls(QueryCommand)[0]?.args[0].input).toMatchObject({
      TableName: TABLE_NAME,
      ConsistentRead: true,
      ExpressionAttributeValues: { ':conversationId': CONVERSATION_ID },
    });
    const [entry] = eventBridge.commandCalls(PutEventsCommand)[0]?.args[0].input.Entries ?? [];
    expect(entry).toMatchObject({
      EventBusName: BUS,
      Source: 'genesys-events.analytics',
      DetailType: 'call.analysis.completed',
    });
    expect(JSON.parse(entry?.Detail ?? '{}')).toMatchObject({
      topicName: 'call.analysis.completed',
      eventBody: { interactionId: CONVERSATION_ID, sentiment: 'negative', source: 'derived' },
    });
  });

  it('fails the invocation when PutEvents fails, so that EventBridge retries the event', async () => {
    eventBridge.on(PutEventsCommand).rejects(new Error('Service unavailable'));

    await expect(handler(ended, lambdaContext())).rejects.toBeInstanceOf(PublishError);
  });
});
