import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { signSeedHeader } from '@genesys-events/core';
import { lambdaContext } from '@genesys-events/core/testing';
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { mockClient } from 'aws-sdk-client-mock';
import { type CapturedOutput, captureOutput } from '../test-support/captured-output';
import { fakeDeliveriesTable } from '../test-support/deliveries-table-fake';
import { httpApiEvent } from '../test-support/http-api-event';
import { CONVERSATION_ID, parseResponse, seedConversationJson } from '../test-support/webhook-events';

// A sender that reuses a delivery id for another event must not lose that event.
const SECRET = 'reuse-test-secret-8e02';

process.env.APP_BUS_NAME = 'genesys-events-test';
process.env.DELIVERIES_TABLE_NAME = 'genesys-events-test-deliveries';
process.env.GENESYS_WEBHOOK_SECRETS = SECRET;
delete process.env.GENESYS_WEBHOOK_SECRETS_PARAMETER;
process.env.AWS_REGION = 'eu-west-1';
process.env.AWS_ACCESS_KEY_ID = 'test-access-key';
process.env.AWS_SECRET_ACCESS_KEY = 'test-secret-key';
process.env.POWERTOOLS_DEV = 'false';
process.env.POWERTOOLS_LOG_LEVEL = 'INFO';

const eventBridge = mockClient(EventBridgeClient);
const dynamo = mockClient(DynamoDBClient);

const { handler } = await import('./genesys-webhook');

const send = async (body: string, deliveryId: string) =>
  parseResponse(
    await handler(httpApiEvent(signSeedHeader({ body, secret: SECRET, deliveryId })) as never, lambdaContext()),
  );

const published = () => eventBridge.commandCalls(PutEventsCommand).flatMap((call) => call.args[0].input.Entries ?? []);

beforeEach(() => {
  eventBridge.reset();
  dynamo.reset();
  fakeDeliveriesTable(dynamo);
  eventBridge
    .on(PutEventsCommand)
    .resolvesOnce({ FailedEntryCount: 0, Entries: [{ EventId: 'evt-1' }] })
    .resolvesOnce({ FailedEntryCount: 0, Entries: [{ EventId: 'evt-2' }] })
    .resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'evt-later' }] });
});

let output: CapturedOutput;

beforeEach(() => {
  output = captureOutput();
});

afterEach(() => {
  output.restore();
  jest.restoreAllMocks();
});

const created = seedConversationJson();
const updated = seedConversationJson({
  eventType: 'conversation:updated',
  conversation: { id: CONVERSATION_ID, type: 'call' },
});

describe('genesys webhook handler at INFO, the level of every stage but dev', () => {
  it('counts an accepted event without writing its answered line', async () => {
    await send(created, 'first-only');

    expect(output.metrics().map((metric) => metric.name)).toEqual(['WebhookAccepted']);
    expect(output.logs().filter((line) => line.message === 'webhook answered')).toEqual([]);
  });
});

describe('genesys webhook handler, a delivery id reused for other content', () => {
  it('publishes the second event as a new event', async () => {
    await send(created, 'reused-1');

    const second = await send(updated, 'reused-1');

    expect(second.statusCode).toBe(200);
    expect(second.json).toMatchObject({ status: 'accepted', eventId: 'evt-2' });
    expect(published().map((entry) => entry.DetailType)).toEqual(['conversation:created', 'conversation:updated']);
  });

  it('counts DeliveryIdReused and says so in one WARN line of ids, without the content', async () => {
    await send(created, 'reused-2');
    const before = output.lines.length;

    await send(updated, 'reused-2');

    const lines = output.lines.slice(before);
    const metrics = lines.filter((line) => '_aws' in line);
    expect(metrics).toEqual([expect.objectContaining({ route: 'genesys', WebhookAccepted: 1, DeliveryIdReused: 1 })]);
    const answered = lines.filter((line) => line.message === 'webhook answered');
    expect(answered).toEqual([
      expect.objectContaining({
        level: 'WARN',
        outcome: 'accepted',
        reason: 'delivery_id_reused',
        deliveryId: 'reused-2',
        eventId: 'evt-2',
        deliveryIdReused: { firstEventId: 'evt-1' },
      }),
    ]);
    expect(JSON.stringify(lines)).not.toContain(CONVERSATION_ID);
    expect(JSON.stringify(lines)).not.toContain('Tier 1 Support');
  });

  it('answers a redelivery of either content duplicate, with the event id each was published as', async () => {
    await send(created, 'reused-3');
    await send(updated, 'reused-3');

    const again = [await send(updated, 'reused-3'), await send(created, 'reused-3')];

    expect(again.map((answer) => answer.json)).toEqual([
      { status: 'duplicate', eventId: 'evt-2', detailType: 'conversation:updated' },
      { status: 'duplicate', eventId: 'evt-1', detailType: 'conversation:created' },
    ]);
    expect(published()).toHaveLength(2);
  });
});
