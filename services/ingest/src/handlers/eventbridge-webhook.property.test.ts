import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { lambdaContext } from '@genesys-events/core/testing';
import { beforeEach, describe, expect, it } from '@jest/globals';
import { mockClient } from 'aws-sdk-client-mock';
import fc from 'fast-check';
import { httpApiEvent } from '../test-support/http-api-event';
import { parseResponse } from '../test-support/webhook-events';

const KEY = 'property-test-api-key-5d3a';
const numRuns = Number(process.env.FAST_CHECK_RUNS ?? 200);

process.env.APP_BUS_NAME = 'genesys-events-test';
process.env.EVENTBRIDGE_API_KEYS = KEY;
delete process.env.EVENTBRIDGE_API_KEYS_PARAMETER;
delete process.env.GENESYS_ORG_IDS;
process.env.AWS_REGION = 'eu-west-1';
process.env.AWS_ACCESS_KEY_ID = 'test-access-key';
process.env.AWS_SECRET_ACCESS_KEY = 'test-secret-key';
process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';

const eventBridge = mockClient(EventBridgeClient);
const { handler } = await import('./eventbridge-webhook');

beforeEach(() => {
  eventBridge.reset();
  eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'evt-property' }] });
});

/** Text that is sometimes an envelope, sometimes almost one, sometimes anything at all. */
const bodies = fc.oneof(
  fc.string(),
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc
    .record({
      'detail-type': fc.oneof(fc.string(), fc.jsonValue()),
      source: fc.oneof(
        fc.constant('aws.partner/genesys.com/cloud/1e2d3c4b-5a69-4788-9a0b-c1d2e3f4a5b6/x'),
        fc.string(),
      ),
      detail: fc.oneof(fc.dictionary(fc.string(), fc.jsonValue()), fc.jsonValue()),
      time: fc.oneof(fc.string(), fc.jsonValue()),
    })
    .map((value) => JSON.stringify(value)),
);

describe('eventbridge webhook handler, any body', () => {
  it('answers every authenticated body, plain or base64, with 200 or a 4xx, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(bodies, fc.boolean(), async (body, isBase64Encoded) => {
        const event = httpApiEvent({
          path: '/webhooks/eventbridge',
          body,
          isBase64Encoded,
          headers: { 'content-type': 'application/json', 'x-api-key': KEY },
        });

        const { statusCode } = parseResponse(await handler(event as never, lambdaContext()));

        expect([200, 400, 403]).toContain(statusCode);
      }),
      { numRuns },
    );
  });
});
