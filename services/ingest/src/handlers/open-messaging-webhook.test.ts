import {
  DeleteItemCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { hexSignature, openMessagingSignature } from '@genesys-events/core';
import { lambdaContext } from '@genesys-events/core/testing';
import { beforeEach, describe, expect, it } from '@jest/globals';
import { mockClient } from 'aws-sdk-client-mock';
import { fakeDeliveriesTable } from '../test-support/deliveries-table-fake';
import { parseResponse, webhookEvent } from '../test-support/webhook-events';

const SECRET = 'om-token-4b21';

process.env.APP_BUS_NAME = 'genesys-events-test';
process.env.DELIVERIES_TABLE_NAME = 'genesys-events-test-deliveries';
process.env.OPEN_MESSAGING_SECRETS = `${SECRET},om-token-previous`;
delete process.env.OPEN_MESSAGING_SECRETS_PARAMETER;
process.env.AWS_REGION = 'eu-west-1';
process.env.AWS_ACCESS_KEY_ID = 'test-access-key';
process.env.AWS_SECRET_ACCESS_KEY = 'test-secret-key';
process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';

const eventBridge = mockClient(EventBridgeClient);
const dynamo = mockClient(DynamoDBClient);
const { handler } = await import('./open-messaging-webhook');

const message = (overrides: Record<string, unknown> = {}) =>
  JSON.stringify({
    id: '9d2e4f6a8b0c1d3e5f7a9b1c3d5e7f90',
    channel: {
      id: 'c1a2b3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
      platform: 'Open',
      type: 'Private',
      to: { id: 'shopper-88@example-chat' },
      from: { nickname: 'Support', id: 'c1a2b3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d', idType: 'Opaque' },
      time: '2026-05-04T10:11:12.131Z',
    },
    conversationId: '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0',
    direction: 'Outbound',
    originatingEntity: 'Bot',
    type: 'Text',
    text: 'Your parcel is on its way.',
    ...overrides,
  });

const invoke = async (body: string, signature?: string, isBase64Encoded = false) =>
  parseResponse(
    await handler(
      webhookEvent({
        path: '/webhooks/open-messaging',
        body,
        isBase64Encoded,
        headers: { 'content-type': 'application/json', ...(signature ? { 'x-hub-signature-256': signature } : {}) },
      }) as never,
      lambdaContext(),
    ),
  );

beforeEach(() => {
  eventBridge.reset();
  dynamo.reset();
  eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'evt-om' }] });
  dynamo.on(PutItemCommand).resolves({});
  dynamo.on(UpdateItemCommand).resolves({});
  dynamo.on(DeleteItemCommand).resolves({});
  dynamo.on(GetItemCommand).resolves({});
});

describe('open messaging webhook handler', () => {
  it('publishes a correctly signed message as open-messaging.message, keyed for dedupe by id and channel time', async () => {
    const body = message();

    const response = await invoke(body, openMessagingSignature(SECRET, body));

    expect(response.statusCode).toBe(200);
    expect(response.json).toMatchObject({
      status: 'accepted',
      eventId: 'evt-om',
      detailType: 'open-messaging.message',
    });
    const [entry] = eventBridge.commandCalls(PutEventsCommand).flatMap((call) => call.args[0].input.Entries ?? []);
    expect(entry?.DetailType).toBe('open-messaging.message');
    expect(JSON.parse(entry?.Detail ?? '{}')).toMatchObject({
      topicName: 'open-messaging.message',
      timestamp: '2026-05-04T10:11:12.131Z',
      eventBody: JSON.parse(body),
      gateway: { transport: 'open-messaging', scheme: 'open-messaging' },
    });
    const [record] = dynamo.commandCalls(PutItemCommand);
    expect(record?.args[0].input.TableName).toBe('genesys-events-test-deliveries');
  });

  it('verifies the decoded bytes of a base64-encoded body and publishes the same message', async () => {
    const body = message();

    const response = await invoke(body, openMessagingSignature(SECRET, body), true);

    expect(response.statusCode).toBe(200);
    const [entry] = eventBridge.commandCalls(PutEventsCommand).flatMap((call) => call.args[0].input.Entries ?? []);
    expect(JSON.parse(entry?.Detail ?? '{}').eventBody).toEqual(JSON.parse(body));
  });

  it('accepts a message signed with the previous token of the list', async () => {
    const body = message();

    expect((await invoke(body, openMessagingSignature('om-token-previous', body))).statusCode).toBe(200);
  });

  it.each([
    ['a hex digest', (body: string) => `sha256=${hexSignature(SECRET, body)}`],
    ['no prefix', (body: string) => openMessagingSignature(SECRET, body).slice('sha256='.length)],
    ['a wrong token', (body: string) => openMessagingSignature('guessed', body)],
    [
      'a re-serialised body',
      (body: string) => openMessagingSignature(SECRET, JSON.stringify(JSON.parse(body), null, 2)),
    ],
  ])('refuses a signature with %s (401) and neither records nor publishes', async (_, sign) => {
    const body = message();

    const response = await invoke(body, sign(body));

    expect(response.statusCode).toBe(401);
    expect(eventBridge.calls()).toHaveLength(0);
    expect(dynamo.calls()).toHaveLength(0);
  });

  it('answers 400 for a signed message without channel.time, its identity', async () => {
    const body = message({ channel: { id: 'c', platform: 'Open' } });

    const response = await invoke(body, openMessagingSignature(SECRET, body));

    expect(response.statusCode).toBe(400);
    expect(eventBridge.calls()).toHaveLength(0);
  });

  it('publishes a message with an enum value the catalog does not know yet', async () => {
    const body = message({ type: 'Hologram' });

    expect((await invoke(body, openMessagingSignature(SECRET, body))).statusCode).toBe(200);
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(1);
  });

  it('answers a retry of a message duplicate, and publishes an edited message with the same id and time', async () => {
    dynamo.reset();
    fakeDeliveriesTable(dynamo);
    const first = message();
    const edited = message({ text: 'Your parcel is on its way. It arrives tomorrow.' });
    const sign = (body: string) => openMessagingSignature(SECRET, body);

    const answers = [
      await invoke(first, sign(first)),
      await invoke(first, sign(first)),
      await invoke(edited, sign(edited)),
    ];

    expect(answers.map((answer) => answer.json.status)).toEqual(['accepted', 'duplicate', 'accepted']);
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(2);
  });
});
