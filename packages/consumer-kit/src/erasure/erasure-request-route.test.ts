import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { AppBusEvent } from '@genesys-events/core';
import { lambdaContext } from '@genesys-events/core/testing';
import { afterAll, beforeEach, describe, expect, it } from '@jest/globals';
import { mockClient } from 'aws-sdk-client-mock';
import { startTestIssuer } from '../testing/test-issuer';

// The handler module reads its configuration and creates its client when it is imported.
process.env.APP_BUS_NAME = 'genesys-events-test';
process.env.AWS_REGION = 'eu-west-1';
process.env.AWS_ACCESS_KEY_ID = 'test-access-key';
process.env.AWS_SECRET_ACCESS_KEY = 'test-secret-key';
process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';

const eventBridge = mockClient(EventBridgeClient);
const issuer = await startTestIssuer();
afterAll(() => issuer.close());

const { erasureRequestHandler, requestErasure } = await import('./erasure-request-route');
const handler = erasureRequestHandler({ service: 'erasure-test' });
const logger = { info: () => undefined };

const NOW = new Date('2091-06-15T10:00:00.000Z');
const route = (conversationId?: string) => ({
  pathParameters: conversationId === undefined ? {} : { conversationId },
});
const httpEvent = (conversationId: string, token?: string) =>
  ({
    ...route(conversationId),
    requestContext: { http: { method: 'DELETE' } },
    headers: token ? { authorization: `Bearer ${token}` } : {},
  }) as never;

beforeEach(() => {
  eventBridge.reset();
});

describe('requestErasure', () => {
  it('publishes the erasure request and answers 202 with its id', async () => {
    const published: AppBusEvent[] = [];
    const publish = async (event: AppBusEvent) => {
      published.push(event);
      return 'event-1';
    };

    const answer = await requestErasure(route('c-erase-1'), {
      publish,
      logger,
      now: () => NOW,
      newRequestId: () => 'r-1',
    });

    expect(answer.statusCode).toBe(202);
    expect(JSON.parse(String(answer.body))).toEqual({
      status: 'erasure_requested',
      conversationId: 'c-erase-1',
      requestId: 'r-1',
    });
    expect(published).toEqual([
      {
        source: 'genesys-events.erasure',
        detailType: 'conversation.erasure.requested',
        detail: {
          topicName: 'conversation.erasure.requested',
          version: 'erasure-1',
          eventBody: { conversationId: 'c-erase-1', requestId: 'r-1' },
          metadata: {},
          timestamp: NOW.toISOString(),
        },
      },
    ]);
  });

  it.each([
    ['missing', undefined],
    ['too long', 'x'.repeat(257)],
  ])('answers 400 for a %s conversation id and publishes nothing', async (_name, conversationId) => {
    let calls = 0;
    const publish = async () => {
      calls += 1;
      return 'event-1';
    };

    const answer = await requestErasure(route(conversationId), { publish, logger });

    expect(answer.statusCode).toBe(400);
    expect(calls).toBe(0);
  });
});

describe('erasureRequestHandler', () => {
  it('answers 202 once the bus accepted the request', async () => {
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'event-1' }] });

    const answer = await handler(httpEvent('c-erase-2', await issuer.token('conversations:erase')), lambdaContext());

    expect(answer.statusCode).toBe(202);
    const [call] = eventBridge.commandCalls(PutEventsCommand);
    expect(call?.args[0].input.Entries?.[0]).toMatchObject({
      EventBusName: 'genesys-events-test',
      DetailType: 'conversation.erasure.requested',
      Source: 'genesys-events.erasure',
    });
  });

  it('answers 401 without a token and 403 with a reader token, and publishes nothing', async () => {
    const anonymous = await handler(httpEvent('c-erase-4'), lambdaContext());
    const reader = await handler(httpEvent('c-erase-4', await issuer.token('conversations:read')), lambdaContext());

    expect([anonymous.statusCode, reader.statusCode]).toEqual([401, 403]);
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(0);
  });

  it('answers 503 with Retry-After when the bus did not take the request', async () => {
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 1, Entries: [{ ErrorCode: 'InternalFailure' }] });

    const answer = await handler(httpEvent('c-erase-3', await issuer.token('conversations:erase')), lambdaContext());

    expect(answer.statusCode).toBe(503);
    expect(answer.headers).toMatchObject({ 'Retry-After': '5' });
    expect(JSON.parse(String(answer.body))).toMatchObject({ error: 'unavailable' });
  });
});
