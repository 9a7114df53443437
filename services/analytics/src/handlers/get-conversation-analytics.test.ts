import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { startTestIssuer } from '@genesys-events/consumer-kit/testing';
import { lambdaContext } from '@genesys-events/core/testing';
import { afterAll, describe, expect, it } from '@jest/globals';
import { mockClient } from 'aws-sdk-client-mock';
import { toAnalyticsEvent } from '../model/analytics-event';
import {
  CONVERSATION_ID,
  detailNotification,
  partnerEvent,
  publishedEvent,
  seedCallAnalysis,
  T0,
  transcriptionNotification,
  utterance,
} from '../test-support/app-bus-events';
import { inMemoryTable } from '../test-support/fakes';

// The handler module reads its configuration and creates its DynamoDB client when it is imported.
process.env.ANALYTICS_TABLE_NAME = 'genesys-events-test-analytics';
process.env.AWS_REGION = 'eu-west-1';
process.env.AWS_ACCESS_KEY_ID = 'test-access-key';
process.env.AWS_SECRET_ACCESS_KEY = 'test-secret-key';
process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';

const documentClient = mockClient(DynamoDBDocumentClient);
const issuer = await startTestIssuer();
afterAll(() => issuer.close());

const { handler, lambdaHandler } = await import('./get-conversation-analytics');

const bodyOf = (response: { body?: string | undefined }) => JSON.parse(response.body ?? 'null');

const tableWith = async (envelopes: Parameters<typeof toAnalyticsEvent>[0][]) => {
  const table = inMemoryTable();
  for (const envelope of envelopes) await table.putOnce(toAnalyticsEvent(envelope));
  return table;
};

const request = (conversationId: string) => ({ pathParameters: { conversationId } });

describe('get-conversation-analytics lambdaHandler', () => {
  it('answers the transcript, the Genesys sentiment and the handle time, duplicates counted once', async () => {
    const userEnd = partnerEvent(
      detailNotification('user.end', T0, { interactingDurationMs: 90_000, heldDurationMs: 5000 }),
    );
    const words = partnerEvent(
      transcriptionNotification(T0, [
        utterance('u-2', 'Sure', 3000, { channel: 'INTERNAL' }),
        utterance('u-1', 'Hi', 500),
      ]),
    );
    const table = await tableWith([userEnd, words, userEnd, words, publishedEvent(seedCallAnalysis()), userEnd]);

    const response = await lambdaHandler(request(CONVERSATION_ID), { table });

    expect(response.statusCode).toBe(200);
    expect(response.headers).toEqual({ 'content-type': 'application/json' });
    expect(bodyOf(response)).toEqual({
      conversationId: CONVERSATION_ID,
      transcript: [
        { channel: 'EXTERNAL', text: 'Hi', offsetMs: 500 },
        { channel: 'INTERNAL', text: 'Sure', offsetMs: 3000 },
      ],
      sentiment: { label: 'negative', score: null, source: 'genesys' },
      handleTimeMs: 95_000,
      summary: null,
    });
  });

  it('answers 404 for a conversation analytics knows nothing of', async () => {
    const table = await tableWith([partnerEvent(detailNotification('customer.start', T0))]);

    const response = await lambdaHandler(request('unknown-conversation'), { table });

    expect(response.statusCode).toBe(404);
    expect(bodyOf(response)).toMatchObject({ error: 'not_found' });
  });

  it.each([
    ['no path parameters', {}],
    ['an empty conversation id', request('')],
    ['a conversation id over 256 characters', request('c'.repeat(257))],
  ])('answers 400 for %s', async (_, event) => {
    const response = await lambdaHandler(event, { table: inMemoryTable() });

    expect(response.statusCode).toBe(400);
    expect(bodyOf(response)).toMatchObject({ error: 'bad_request' });
  });
});

const getWith = (authorization?: string) =>
  handler(
    {
      pathParameters: { conversationId: CONVERSATION_ID },
      headers: authorization === undefined ? {} : { authorization },
    } as never,
    lambdaContext(),
  );

describe('get-conversation-analytics handler', () => {
  it('answers 401 with the JSON error body and a Bearer challenge without a token, before reading', async () => {
    documentClient.reset();

    const response = await getWith();

    expect(response.statusCode).toBe(401);
    expect(bodyOf(response)).toEqual({ error: 'unauthorized', message: 'a valid bearer access token is required' });
    expect(response.headers?.['WWW-Authenticate']).toBe('Bearer realm="genesys-events"');
    expect(documentClient.calls()).toHaveLength(0);
  });

  it('answers 403 to a token without analytics:read', async () => {
    const response = await getWith(`Bearer ${await issuer.token('conversations:read')}`);

    expect(response.statusCode).toBe(403);
    expect(bodyOf(response)).toMatchObject({ error: 'forbidden' });
  });

  it('answers a generic 500 JSON error when the table fails', async () => {
    documentClient.reset();
    documentClient.on(QueryCommand).rejects(new Error('connection reset'));

    const response = await getWith(`Bearer ${await issuer.token('analytics:read')}`);

    expect(response.statusCode).toBe(500);
    expect(bodyOf(response)).toEqual({ error: 'internal', message: 'unexpected error' });
  });
});
