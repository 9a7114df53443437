import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { lambdaContext } from '@genesys-events/core/testing';
import { beforeEach, describe, expect, it } from '@jest/globals';
import { mockClient } from 'aws-sdk-client-mock';
import { UnusableEventError } from '../model/timeline-entry';
import {
  CONVERSATION_ID,
  customerNotification,
  gateway,
  inMemoryTable,
  partnerEvent,
  presenceNotification,
  publishedEvent,
  seedConversationEvent,
} from '../test-support/app-bus-events';

const TABLE_NAME = 'genesys-events-test-conversation-events';

// The handler module reads its configuration and creates its DynamoDB client when it is imported.
process.env.CONVERSATION_EVENTS_TABLE_NAME = TABLE_NAME;
process.env.AWS_REGION = 'eu-west-1';
process.env.AWS_ACCESS_KEY_ID = 'test-access-key';
process.env.AWS_SECRET_ACCESS_KEY = 'test-secret-key';
process.env.POWERTOOLS_DEV = 'false';
process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';

const documentClient = mockClient(DynamoDBDocumentClient);

const { handler, lambdaHandler } = await import('./store-conversation-event');

const context = lambdaContext();

beforeEach(() => {
  documentClient.reset();
  // No tombstone: the conversation was never erased.
  documentClient.on(GetCommand).resolves({});
});

describe('store-conversation-event lambdaHandler', () => {
  it('stores a new conversation event once', async () => {
    const table = inMemoryTable();

    const outcome = await lambdaHandler(publishedEvent(seedConversationEvent()), { table });

    expect(outcome).toBe('stored');
    expect(table.items.size).toBe(1);
    const [stored] = table.items.values();
    expect(stored).toMatchObject({ conversationId: CONVERSATION_ID, topic: 'conversation:created' });
  });

  it('reports a redelivery of the same event as duplicate and keeps one copy', async () => {
    const table = inMemoryTable();
    const event = publishedEvent(seedConversationEvent());

    const first = await lambdaHandler(event, { table });
    const second = await lambdaHandler(event, { table });

    expect([first, second]).toEqual(['stored', 'duplicate']);
    expect(table.items.size).toBe(1);
  });

  it('reports the same event arriving over another transport as duplicate', async () => {
    const table = inMemoryTable();
    const notification = customerNotification('start');

    const viaPartnerBus = await lambdaHandler(partnerEvent(notification), { table });
    const viaWebhook = await lambdaHandler(
      publishedEvent(notification, gateway({ transport: 'genesys-header', scheme: 'seed-header' })),
      { table },
    );

    expect([viaPartnerBus, viaWebhook]).toEqual(['stored', 'duplicate']);
    expect(table.items.size).toBe(1);
  });

  it('throws UnusableEventError for an event that names no conversation and stores nothing', async () => {
    const table = inMemoryTable();

    await expect(lambdaHandler(partnerEvent(presenceNotification()), { table })).rejects.toBeInstanceOf(
      UnusableEventError,
    );
    expect(table.putCalls).toBe(0);
  });

  it('throws UnusableEventError for an event whose detail is not an app-bus detail', async () => {
    const table = inMemoryTable();
    const event = { 'detail-type': 'conversation:created', source: 'genesys-events.webhooks', detail: { foo: 1 } };

    await expect(lambdaHandler(event, { table })).rejects.toBeInstanceOf(UnusableEventError);
    expect(table.putCalls).toBe(0);
  });

  it('lets a table failure reject, so that EventBridge retries the event', async () => {
    const failure = new Error('ProvisionedThroughputExceededException');
    const table = { ...inMemoryTable(), putOnce: async () => Promise.reject(failure) };

    await expect(lambdaHandler(publishedEvent(seedConversationEvent()), { table })).rejects.toBe(failure);
  });
});

describe('store-conversation-event handler', () => {
  it('writes the event to the configured table with a conditional put', async () => {
    documentClient.on(PutCommand).resolves({});

    const outcome = await handler(publishedEvent(seedConversationEvent()), context);

    expect(outcome).toBe('stored');
    const puts = documentClient.commandCalls(PutCommand);
    expect(puts).toHaveLength(1);
    expect(puts[0]?.args[0].input).toMatchObject({
      TableName: TABLE_NAME,
      ConditionExpression: 'attribute_not_exists(eventKey) OR expiresAt <= :now',
      Item: { conversationId: CONVERSATION_ID },
    });
  });

  it('stores nothing of an erased conversation and answers erased', async () => {
    documentClient.on(GetCommand).resolves({ Item: { conversationId: CONVERSATION_ID, eventKey: '#erased' } });

    const outcome = await handler(publishedEvent(seedConversationEvent()), context);

    expect(outcome).toBe('erased');
    expect(documentClient.commandCalls(PutCommand)).toHaveLength(0);
  });

  it('answers a redelivery the table already holds as duplicate', async () => {
    documentClient
      .on(PutCommand)
      .rejects(new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} }));

    const outcome = await handler(publishedEvent(seedConversationEvent()), context);

    expect(outcome).toBe('duplicate');
  });

  it('fails the invocation for an unusable event, so that it is retried and parked in the dead-letter queue', async () => {
    await expect(handler(partnerEvent(presenceNotification()), context)).rejects.toBeInstanceOf(UnusableEventError);
    expect(documentClient.calls()).toHaveLength(0);
  });
});
