import { SignatureVerificationError } from '@genesys-events/core';
import { jsonErrorBody, mapDomainErrors } from '@genesys-events/core/middleware';
import { lambdaContext } from '@genesys-events/core/testing';
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import middy from '@middy/core';
import httpErrorHandler from '@middy/http-error-handler';
import { createError } from '@middy/util';
import { metrics, recordWebhookOutcome } from './metrics';

interface Recorded {
  dimensions: Record<string, string>;
  metric?: string;
}

let recorded: Recorded[] = [];

beforeEach(() => {
  recorded = [];
  let dimensions: Record<string, string> = {};
  jest.spyOn(metrics, 'addDimensions').mockImplementation((added) => {
    dimensions = { ...(added as Record<string, string>) };
    return metrics;
  });
  jest.spyOn(metrics, 'addMetric').mockImplementation((name) => {
    recorded.push({ dimensions, metric: name });
    return metrics;
  });
});

afterEach(() => {
  jest.restoreAllMocks();
});

const quietLogger = { warn: () => undefined };

const route = (handler: () => Promise<unknown>) =>
  middy(handler)
    .use(recordWebhookOutcome({ route: 'genesys' }))
    .use(httpErrorHandler({ logger: false }))
    .use(mapDomainErrors({ logger: quietLogger }));

describe('recordWebhookOutcome', () => {
  it.each([
    ['accepted', { statusCode: 200, body: '{"status":"accepted","eventId":"e"}' }, 'WebhookAccepted'],
    ['duplicate', { statusCode: 200, body: '{"status":"duplicate","eventId":"e"}' }, 'WebhookDuplicate'],
  ])('counts an %s answer', async (_, response, metric) => {
    await route(async () => response)({}, lambdaContext());

    expect(recorded).toEqual([{ dimensions: { route: 'genesys' }, metric }]);
  });

  it('counts a rejection with its domain reason', async () => {
    await route(async () => {
      throw new SignatureVerificationError('signature_mismatch', 'no secret matched');
    })({}, lambdaContext());

    expect(recorded).toEqual([
      { dimensions: { route: 'genesys', reason: 'signature_mismatch' }, metric: 'WebhookRejected' },
    ]);
  });

  it('counts a 503 as a failed publish', async () => {
    await route(async () => {
      throw createError(503, jsonErrorBody('unavailable', 'retry'), {
        cause: { reason: 'publish_entry_failed' },
        expose: true,
      });
    })({}, lambdaContext());

    expect(recorded).toEqual([
      { dimensions: { route: 'genesys', reason: 'publish_entry_failed' }, metric: 'PublishFailed' },
    ]);
  });

  it('counts an unexpected error as a failure', async () => {
    await route(async () => {
      throw new TypeError('boom');
    })({}, lambdaContext());

    expect(recorded).toEqual([{ dimensions: { route: 'genesys', reason: 'status_500' }, metric: 'WebhookFailed' }]);
  });
});
