import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { signSeedHeader } from '@genesys-events/core';
import { lambdaContext } from '@genesys-events/core/testing';
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { mockClient } from 'aws-sdk-client-mock';
import { type CapturedOutput, captureOutput } from '../test-support/captured-output';
import { fakeDeliveriesTable } from '../test-support/deliveries-table-fake';
import { httpApiEvent } from '../test-support/http-api-event';
import { parseResponse, seedConversationJson } from '../test-support/webhook-events';

// What the real handler writes for each outcome, read from the streams Powertools writes to. A redelivery is
// answered from a Middy `before` hook (an early return), which in Middy skips every `after` hook.
// Before `answerEarly`, the three tests after the first failed: the redelivery wrote no metric and no log
// line at all, and the logger kept its correlation id into the next invocation.
const SECRET = 'duplicate-test-secret-31c8';

process.env.APP_BUS_NAME = 'genesys-events-test';
process.env.DELIVERIES_TABLE_NAME = 'genesys-events-test-deliveries';
process.env.GENESYS_WEBHOOK_SECRETS = SECRET;
delete process.env.GENESYS_WEBHOOK_SECRETS_PARAMETER;
process.env.AWS_REGION = 'eu-west-1';
process.env.AWS_ACCESS_KEY_ID = 'test-access-key';
process.env.AWS_SECRET_ACCESS_KEY = 'test-secret-key';
process.env.POWERTOOLS_DEV = 'false';
// DEBUG: the level duplicate answers are logged at (the dev stage's).
process.env.POWERTOOLS_LOG_LEVEL = 'DEBUG';

const eventBridge = mockClient(EventBridgeClient);
const dynamo = mockClient(DynamoDBClient);

const { handler } = await import('./genesys-webhook');
const { logger } = await import('../observability/logger');

const delivery = (deliveryId: string) => signSeedHeader({ body: seedConversationJson(), secret: SECRET, deliveryId });

const invoke = async (request: { body: string; headers: Record<string, string> }, requestId: string) =>
  parseResponse(await handler(httpApiEvent({ ...request, requestId }) as never, lambdaContext()));

let output: CapturedOutput | undefined;

beforeEach(() => {
  eventBridge.reset();
  dynamo.reset();
  fakeDeliveriesTable(dynamo);
  eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'evt-first' }] });
});

afterEach(() => {
  output?.restore();
  output = undefined;
  jest.restoreAllMocks();
});

/** Sends a delivery once (captured output off), then captures everything its redelivery writes. */
const redeliver = async (deliveryId: string) => {
  const request = delivery(deliveryId);
  output = captureOutput();
  await invoke(request, 'req-first');
  output.restore();
  output = captureOutput();
  const answer = await invoke(request, 'req-redelivery');
  return { answer, output };
};

describe('genesys webhook handler, a redelivery answered duplicate', () => {
  it('answers duplicate with the first event id and publishes once', async () => {
    const { answer } = await redeliver('dup-1');

    expect(answer.statusCode).toBe(200);
    expect(answer.json).toMatchObject({ status: 'duplicate', eventId: 'evt-first' });
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(1);
  });

  it('writes WebhookDuplicate for its route while answering it', async () => {
    const { output } = await redeliver('dup-2');

    expect(output.metrics()).toEqual([
      { name: 'WebhookDuplicate', dimensions: { service: 'ingest', route: 'genesys' } },
    ]);
  });

  it('logs the duplicate answer once, with its correlation id and ids only', async () => {
    const { output } = await redeliver('dup-3');

    const answered = output.logs().filter((line) => line.message === 'webhook answered');
    expect(answered).toEqual([
      expect.objectContaining({
        level: 'DEBUG',
        outcome: 'duplicate',
        route: 'genesys',
        eventId: 'evt-first',
        deliveryId: 'dup-3',
        correlation_id: 'req-redelivery',
      }),
    ]);
    expect(JSON.stringify(output.lines)).not.toContain(SECRET);
  });

  it("leaves none of the request's keys on the logger for the next invocation", async () => {
    const { output } = await redeliver('dup-4');

    logger.info('between invocations');

    const probe = output.logs().find((line) => line.message === 'between invocations');
    expect(probe).toBeDefined();
    expect(probe).not.toHaveProperty('correlation_id');
  });
});

describe('genesys webhook handler, the lines of other outcomes', () => {
  it('logs an accepted event once, correlated, and counts it', async () => {
    output = captureOutput();

    const answer = await invoke(delivery('acc-1'), 'req-accepted');

    expect(answer.json).toMatchObject({ status: 'accepted', eventId: 'evt-first' });
    expect(output.metrics().map((metric) => metric.name)).toEqual(['WebhookAccepted']);
    expect(output.logs().filter((line) => line.message === 'webhook answered')).toEqual([
      expect.objectContaining({ outcome: 'accepted', deliveryId: 'acc-1', correlation_id: 'req-accepted' }),
    ]);
  });

  it("keeps the request's correlation id on every line of a rejection (the logger is reset after them)", async () => {
    const forged = signSeedHeader({ body: seedConversationJson(), secret: 'not-the-secret', deliveryId: 'rej-1' });
    output = captureOutput();

    const answer = await invoke(forged, 'req-forged');

    expect(answer.statusCode).toBe(401);
    const lines = output.logs();
    expect(lines.map((line) => line.message)).toEqual(['webhook rejected: signature not verified', 'webhook answered']);
    expect(lines.every((line) => line.correlation_id === 'req-forged')).toBe(true);
    expect(output.metrics()).toEqual([
      {
        name: 'WebhookRejected',
        dimensions: { service: 'ingest', route: 'genesys', reason: 'signature_mismatch' },
      },
    ]);
    expect(JSON.stringify(output.lines)).not.toContain(forged.headers['x-genesys-signature']);
  });
});
