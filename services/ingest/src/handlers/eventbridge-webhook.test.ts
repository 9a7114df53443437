import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { lambdaContext } from '@genesys-events/core/testing';
import { beforeEach, describe, expect, it } from '@jest/globals';
import { mockClient } from 'aws-sdk-client-mock';
import { parseResponse, webhookEvent } from '../test-support/webhook-events';

const ORG_ID = '1e2d3c4b-5a69-4788-9a0b-c1d2e3f4a5b6';
const KEY = 'api-destination-key-77aa';

process.env.APP_BUS_NAME = 'genesys-events-test';
// The route never deduplicates: it builds no deliveries table and needs none configured.
delete process.env.DELIVERIES_TABLE_NAME;
process.env.EVENTBRIDGE_API_KEYS = `${KEY},api-destination-key-previous`;
process.env.EVENTBRIDGE_API_KEY_HEADER = 'X-Genesys-Key';
process.env.GENESYS_ORG_IDS = ORG_ID;
delete process.env.EVENTBRIDGE_API_KEYS_PARAMETER;
process.env.AWS_REGION = 'eu-west-1';
process.env.AWS_ACCESS_KEY_ID = 'test-access-key';
process.env.AWS_SECRET_ACCESS_KEY = 'test-secret-key';
process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';

const eventBridge = mockClient(EventBridgeClient);
const dynamo = mockClient(DynamoDBClient);
const { handler } = await import('./eventbridge-webhook');

const CONVERSATION_ID = '6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d';
const envelope = (source = `aws.partner/genesys.com/cloud/${ORG_ID}/contact-center`) => ({
  version: '0',
  id: '3c2b1a09-8f7e-4d6c-b5a4-938271605f4e',
  'detail-type': 'v2.detail.events.conversation.{id}.acd.start',
  source,
  account: '210987654321',
  time: '2026-05-04T10:11:12Z',
  region: 'eu-west-1',
  resources: [],
  detail: {
    topicName: `v2.detail.events.conversation.${CONVERSATION_ID}.acd.start`,
    version: '2',
    eventBody: { eventTime: 1778069472131, conversationId: CONVERSATION_ID, queueId: 'q-1', mediaType: 'VOICE' },
    metadata: { CorrelationId: 'b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e' },
    timestamp: '2026-05-04T10:11:12.131Z',
  },
});

const invoke = async (
  body: unknown,
  headers: Record<string, string> = { 'x-genesys-key': KEY },
  isBase64Encoded = false,
) =>
  parseResponse(
    await handler(
      webhookEvent({
        path: '/webhooks/eventbridge',
        body: typeof body === 'string' ? body : JSON.stringify(body),
        // As an EventBridge API destination sends it.
        headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
        userAgent: 'Amazon/EventBridge/ApiDestinations',
        isBase64Encoded,
      }) as never,
      lambdaContext(),
    ),
  );

beforeEach(() => {
  eventBridge.reset();
  dynamo.reset();
  eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'evt-eb' }] });
});

describe('eventbridge webhook handler', () => {
  it('publishes an envelope from an allowed Genesys org under its topic pattern, without a dedupe record', async () => {
    const response = await invoke(envelope());

    expect(response.statusCode).toBe(200);
    expect(response.json).toMatchObject({
      status: 'accepted',
      detailType: 'v2.detail.events.conversation.{id}.acd.start',
    });
    const [entry] = eventBridge.commandCalls(PutEventsCommand).flatMap((call) => call.args[0].input.Entries ?? []);
    expect(JSON.parse(entry?.Detail ?? '{}')).toMatchObject({
      topicName: `v2.detail.events.conversation.${CONVERSATION_ID}.acd.start`,
      metadata: { CorrelationId: 'b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e' },
      gateway: { transport: 'eventbridge-api', scheme: 'api-key', originalSource: envelope().source },
    });
    expect(dynamo.calls()).toHaveLength(0);
  });

  it('publishes the same envelope when API Gateway hands it base64-encoded', async () => {
    const plain = await invoke(envelope());
    const encoded = await invoke(envelope(), { 'x-genesys-key': KEY }, true);

    expect(plain.statusCode).toBe(200);
    expect(encoded.statusCode).toBe(200);
    const [first, second] = eventBridge.commandCalls(PutEventsCommand).map((call) => call.args[0].input.Entries?.[0]);
    expect(JSON.parse(second?.Detail ?? '{}').eventBody).toEqual(JSON.parse(first?.Detail ?? '{}').eventBody);
  });

  it.each([
    ['plain', false],
    ['base64-encoded', true],
  ])('answers 400 to %s text that is not JSON', async (_, isBase64Encoded) => {
    expect((await invoke('not json', { 'x-genesys-key': KEY }, isBase64Encoded)).statusCode).toBe(400);
    expect(eventBridge.calls()).toHaveLength(0);
  });

  it('reads the key from the configured header, in any case, and accepts the previous key', async () => {
    expect((await invoke(envelope(), { 'X-GENESYS-KEY': 'api-destination-key-previous' })).statusCode).toBe(200);
  });

  it.each([
    ['no key', {}],
    ['the key in the default header instead of the configured one', { 'x-api-key': KEY }],
    ['a wrong key', { 'x-genesys-key': 'nope' }],
  ])('refuses %s with 401', async (_, headers) => {
    const response = await invoke(envelope(), headers);

    expect(response.statusCode).toBe(401);
    expect(response.body).not.toContain(KEY);
    expect(eventBridge.calls()).toHaveLength(0);
  });

  it.each([
    ['another org', `aws.partner/genesys.com/cloud/99999999-8888-4777-8666-555555555555/contact-center`],
    ['a source that is not Genesys', 'com.example.orders'],
  ])('refuses an envelope from %s with 403', async (_, source) => {
    expect((await invoke(envelope(source))).statusCode).toBe(403);
    expect(eventBridge.calls()).toHaveLength(0);
  });

  it.each([
    ['a bare notification', envelope().detail],
    ['a seed event', { eventType: 'conversation:created', conversation: { id: 'c-1' } }],
    ['invalid JSON', '{"detail-type":'],
  ])('answers 400 to %s, which is not an envelope', async (_, body) => {
    expect((await invoke(body)).statusCode).toBe(400);
  });
});
