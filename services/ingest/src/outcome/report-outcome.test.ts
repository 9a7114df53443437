import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { PublishError } from '@genesys-events/app-bus';
import { SignatureVerificationError } from '@genesys-events/core';
import { jsonHttpErrorHandler, mapDomainErrors } from '@genesys-events/core/middleware';
import { lambdaContext } from '@genesys-events/core/testing';
import { afterEach, describe, expect, it } from '@jest/globals';
import middy, { type MiddlewareObj, type Request } from '@middy/core';
import { type CapturedOutput, captureOutput } from '../test-support/captured-output';
import type { Accepted } from './webhook-outcome';

// DEBUG, the level accepted and duplicate answers are logged at (the dev stage's), set before the logger is
// built: Powertools puts a logger back on its initial level at each invocation.
process.env.POWERTOOLS_DEV = 'false';
process.env.POWERTOOLS_LOG_LEVEL = 'DEBUG';
const { mapIngestErrors } = await import('../http/map-ingest-errors');
const { metrics } = await import('../observability/metrics');
const { logger } = await import('../observability/logger');
const { answerEarly, reportOutcome } = await import('./report-outcome');
const { answerAccepted } = await import('./webhook-outcome');

let output: CapturedOutput;

afterEach(() => {
  output.restore();
});

const acceptedOutcome: Accepted = { kind: 'accepted', eventId: 'evt-1', detailType: 'conversation:created' };

/** The observability part of the webhook pipeline, in its order, around a handler and extra stages. */
const pipeline = (handler: () => Promise<unknown>, ...stages: MiddlewareObj[]) =>
  middy(handler)
    .use(logMetrics(metrics))
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use({ before: () => logger.setCorrelationId('req-1') })
    .use(reportOutcome({ route: 'genesys' }))
    .use(jsonHttpErrorHandler({ logger }))
    .use(mapDomainErrors({ logger }))
    .use(mapIngestErrors({ logger }))
    .use(stages)
    .use(answerAccepted());

const invoke = async (handler: () => Promise<unknown>, ...stages: MiddlewareObj[]) => {
  output = captureOutput();
  const response = await pipeline(handler, ...stages)({}, lambdaContext());
  const answered = output.logs().filter((line) => line.message === 'webhook answered');
  return { response, metrics: output.metrics(), answered };
};

const throwing = (error: unknown) => async () => Promise.reject(error);

describe('reportOutcome', () => {
  it('counts and logs an accepted event from the outcome the handler returned', async () => {
    const { response, metrics, answered } = await invoke(async () => acceptedOutcome);

    expect(response).toMatchObject({ statusCode: 200 });
    expect(metrics).toEqual([{ name: 'WebhookAccepted', dimensions: { service: 'ingest', route: 'genesys' } }]);
    expect(answered).toEqual([
      expect.objectContaining({ level: 'DEBUG', outcome: 'accepted', eventId: 'evt-1', correlation_id: 'req-1' }),
    ]);
  });

  it('counts a rejection with its domain reason, logged at WARN with the request still correlated', async () => {
    const { metrics, answered } = await invoke(
      throwing(new SignatureVerificationError('signature_mismatch', 'no secret matched')),
    );

    expect(metrics).toEqual([
      { name: 'WebhookRejected', dimensions: { service: 'ingest', route: 'genesys', reason: 'signature_mismatch' } },
    ]);
    expect(answered).toEqual([
      expect.objectContaining({
        level: 'WARN',
        statusCode: 401,
        reason: 'signature_mismatch',
        correlation_id: 'req-1',
      }),
    ]);
    const diagnosis = output.logs().find((line) => line.message === 'webhook rejected: signature not verified');
    expect(diagnosis).toMatchObject({ correlation_id: 'req-1' });
  });

  it('counts a publish failure with the reason mapIngestErrors recorded', async () => {
    const { response, metrics } = await invoke(throwing(new PublishError('entry_failed', 'not accepted', {})));

    expect(response).toMatchObject({ statusCode: 503 });
    expect(metrics).toEqual([
      { name: 'PublishFailed', dimensions: { service: 'ingest', route: 'genesys', reason: 'publish_entry_failed' } },
    ]);
  });

  it('counts an unexpected error as a failure, logged at ERROR', async () => {
    const { metrics, answered } = await invoke(throwing(new TypeError('boom')));

    expect(metrics).toEqual([
      { name: 'WebhookFailed', dimensions: { service: 'ingest', route: 'genesys', reason: 'status_500' } },
    ]);
    expect(answered).toEqual([expect.objectContaining({ level: 'ERROR', outcome: 'failed', statusCode: 500 })]);
  });

  it('counts a reused delivery id with the acceptance, and logs it at WARN with ids only', async () => {
    const reused: Accepted = { ...acceptedOutcome, deliveryIdReused: { firstEventId: 'evt-0' } };

    const { metrics, answered } = await invoke(async () => reused);

    expect(metrics.map((metric) => metric.name)).toEqual(['WebhookAccepted', 'DeliveryIdReused']);
    expect(answered).toEqual([
      expect.objectContaining({
        level: 'WARN',
        reason: 'delivery_id_reused',
        eventId: 'evt-1',
        deliveryIdReused: { firstEventId: 'evt-0' },
      }),
    ]);
  });
});

describe('answerEarly', () => {
  const answersEarly = { before: (request: Request) => answerEarly(request, { kind: 'duplicate', eventId: 'evt-0' }) };

  it('counts, logs and flushes an answer given from a before hook, and resets the logger', async () => {
    const { response, metrics, answered } = await invoke(async () => acceptedOutcome, answersEarly);
    logger.info('next invocation');

    expect(response).toMatchObject({ statusCode: 200, body: '{"status":"duplicate","eventId":"evt-0"}' });
    expect(metrics).toEqual([{ name: 'WebhookDuplicate', dimensions: { service: 'ingest', route: 'genesys' } }]);
    expect(answered).toEqual([expect.objectContaining({ outcome: 'duplicate', correlation_id: 'req-1' })]);
    expect(output.logs().find((line) => line.message === 'next invocation')).not.toHaveProperty('correlation_id');
  });

  it('answers without reporting when the pipeline has no reportOutcome', async () => {
    output = captureOutput();

    const response = await middy(async () => acceptedOutcome).use(answersEarly)({}, lambdaContext());

    expect(response).toMatchObject({ statusCode: 200 });
    expect(output.lines).toEqual([]);
  });
});
