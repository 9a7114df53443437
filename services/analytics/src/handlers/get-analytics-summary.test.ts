import { startTestIssuer } from '@genesys-events/consumer-kit/testing';
import { lambdaContext } from '@genesys-events/core/testing';
import { afterAll, describe, expect, it } from '@jest/globals';
import { type AppBusEnvelope, toAnalyticsEvent } from '../model/analytics-event';
import { derivedAnalysisEvent } from '../model/derived-analysis';
import {
  asReceived,
  detailNotification,
  OTHER_CONVERSATION_ID,
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
process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';

const issuer = await startTestIssuer();
afterAll(() => issuer.close());

const { handler, lambdaHandler } = await import('./get-analytics-summary');

const MINUTE = 60_000;
const WINDOW = { from: '2091-06-15T10:00:00.000Z', to: '2091-06-15T11:00:00.000Z' };
const bodyOf = (response: { body?: string | undefined }) => JSON.parse(response.body ?? 'null');

const detail = (id: string, suffix: string, at: number, body: Record<string, unknown> = {}) =>
  partnerEvent(detailNotification(suffix, at, body, id));

/** Four conversations in the window and one that started before it; every event is delivered twice. */
const stream = (): AppBusEnvelope[] => {
  const [voice, chat, derived, early] = ['c-voice', 'c-chat', 'c-derived', 'c-early'];
  const words = [utterance('u-1', 'Wonderful, thank you so much', 900)];
  const derivedEnded = transcriptionNotification(T0 + 20 * MINUTE, words, {
    conversationId: derived,
    status: 'SESSION_ENDED',
  });
  const events = [
    detail(voice, 'customer.start', T0 + MINUTE),
    detail(voice, 'user.end', T0 + 5 * MINUTE, { interactingDurationMs: 120_000, heldDurationMs: 15_000 }),
    detail(voice, 'acw', T0 + 6 * MINUTE, { wrapupDurationMs: 30_000 }),
    publishedEvent(seedCallAnalysis({ interactionId: voice, sentiment: 'negative' })),
    detail(chat, 'customer.start', T0 + 2 * MINUTE, { mediaType: 'MESSAGE', direction: 'OUTBOUND' }),
    detail(chat, 'user.end', T0 + 9 * MINUTE, {
      mediaType: 'MESSAGE',
      direction: 'OUTBOUND',
      interactingDurationMs: 60_000,
    }),
    detail(chat, 'acw', T0 + 10 * MINUTE, { mediaType: 'MESSAGE', direction: 'OUTBOUND', wrapupDurationMs: 10_000 }),
    detail(derived, 'user.end', T0 + 19 * MINUTE, { interactingDurationMs: 90_000, heldDurationMs: 5000 }),
    partnerEvent(derivedEnded),
    detail(OTHER_CONVERSATION_ID, 'customer.start', T0 + 59 * MINUTE, { direction: 'OUTBOUND' }),
    detail(early, 'customer.start', T0 - MINUTE),
    detail(early, 'user.end', T0 + 3 * MINUTE, { interactingDurationMs: 999_000 }),
  ];
  const derivedEvents = [toAnalyticsEvent(partnerEvent(derivedEnded))];
  const analysis = derivedAnalysisEvent({
    conversationId: derived,
    events: derivedEvents,
    sessionEndedAt: derivedEvents[0]?.eventTime ?? '',
  });
  if (!analysis) throw new Error('expected a derived analysis');
  return [...events, asReceived(analysis)];
};

const tableWith = async (envelopes: AppBusEnvelope[]) => {
  const table = inMemoryTable();
  for (const envelope of envelopes) await table.putOnce(toAnalyticsEvent(envelope));
  return table;
};

describe('get-analytics-summary lambdaHandler', () => {
  it('sums the conversations whose first event is in the window, each once', async () => {
    const table = await tableWith([...stream(), ...stream()]);

    const response = await lambdaHandler({ queryStringParameters: WINDOW }, { table });

    expect(response.statusCode).toBe(200);
    expect(bodyOf(response)).toEqual({
      ...WINDOW,
      conversations: 4,
      byMediaType: { VOICE: 3, MESSAGE: 1 },
      byDirection: { INBOUND: 2, OUTBOUND: 2 },
      averageHandleTimeMs: 110_000,
      sentiment: { positive: 1, neutral: 0, negative: 1 },
    });
  });

  it('leaves out a conversation whose only events are outside the window', async () => {
    const table = await tableWith(stream());

    const response = await lambdaHandler(
      { queryStringParameters: { from: '2091-06-15T10:30:00Z', to: '2091-06-15T11:00:00Z' } },
      { table },
    );

    expect(bodyOf(response)).toMatchObject({
      conversations: 1,
      byDirection: { OUTBOUND: 1 },
      averageHandleTimeMs: null,
    });
  });

  it.each([
    ['missing parameters', {}],
    ['a from that is not ISO', { from: 'last week', to: WINDOW.to }],
    ['from after to', { from: WINDOW.to, to: WINDOW.from }],
  ])('answers 400 JSON for %s', async (_, queryStringParameters) => {
    const response = await lambdaHandler({ queryStringParameters }, { table: inMemoryTable() });

    expect(response.statusCode).toBe(400);
    expect(response.headers).toEqual({ 'content-type': 'application/json' });
    expect(bodyOf(response)).toMatchObject({ error: 'bad_request', message: expect.any(String) });
  });
});

describe('get-analytics-summary handler', () => {
  it('answers 401 without a token and 403 to a token without analytics:read', async () => {
    const event = (headers: Record<string, string>) =>
      ({ queryStringParameters: { from: 'x', to: 'y' }, headers }) as never;

    const missing = await handler(event({}), lambdaContext());
    const wrongScope = await handler(
      event({ authorization: `Bearer ${await issuer.token('conversations:read')}` }),
      lambdaContext(),
    );
    const allowed = await handler(
      event({ authorization: `Bearer ${await issuer.token('analytics:read')}` }),
      lambdaContext(),
    );

    expect([missing.statusCode, wrongScope.statusCode, allowed.statusCode]).toEqual([401, 403, 400]);
  });
});
