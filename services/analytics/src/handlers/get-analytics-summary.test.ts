import type { AnalyticsSummary, TimeWindow } from '@genesys-events/lake/summary';
import { describe, expect, it } from '@jest/globals';
import type { SummaryEngine, SummaryOutcome } from '../lake/summary-engine';

// The handler module reads its configuration and creates its Athena client when it is imported.
process.env.ANALYTICS_TABLE_NAME = 'genesys-events-test-analytics';
process.env.LAKE_WORKGROUP = 'genesys-events-test-lake';
process.env.LAKE_DATABASE = 'genesys_events_test_lake';
process.env.AWS_REGION = 'eu-west-1';
process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
// Only the pure handler is tested here; the composed one's token check is core's (and the integration suite's).
process.env.OIDC_ISSUER_URL = 'http://127.0.0.1:9';
process.env.OIDC_AUDIENCE = 'genesys-events-test';

const { lambdaHandler } = await import('./get-analytics-summary');

const WINDOW = { from: '2091-06-15T10:00:00.000Z', to: '2091-06-15T11:00:00.000Z' };
const bodyOf = (response: { body?: string | undefined }) => JSON.parse(response.body ?? 'null');

const summaryOf = (window: TimeWindow): AnalyticsSummary => ({
  ...window,
  conversations: 4,
  byMediaType: { VOICE: 3, MESSAGE: 1 },
  byDirection: { INBOUND: 2, OUTBOUND: 2 },
  byQueue: { 'queue-a': 1 },
  averageHandleTimeMs: 110_000,
  sentiment: { positive: 1, neutral: 0, negative: 1 },
});

/** An engine that answers at once, or leaves the query running; it records the windows it was asked for. */
const engineThat = (outcome: (window: TimeWindow) => SummaryOutcome, results: Record<string, SummaryOutcome> = {}) => {
  const asked: TimeWindow[] = [];
  const engine: SummaryEngine = {
    summarise: async (window) => {
      asked.push(window);
      return outcome(window);
    },
    resultOf: async (queryId) => results[queryId],
  };
  return { engine, asked };
};

describe('get-analytics-summary lambdaHandler', () => {
  it("answers the engine's summary of the window, the window in toISOString form", async () => {
    const { engine, asked } = engineThat((window) => ({ status: 'done', summary: summaryOf(window) }));

    const response = await lambdaHandler(
      { queryStringParameters: { from: '2091-06-15T12:00:00+02:00', to: '2091-06-15T11:00Z' } },
      { engine },
    );

    expect(response.statusCode).toBe(200);
    expect(bodyOf(response)).toEqual(summaryOf(WINDOW));
    expect(asked).toEqual([WINDOW]);
  });

  it('answers 202 with the query id and where to fetch the summary when the query outlives the wait', async () => {
    const { engine } = engineThat(() => ({ status: 'running', queryId: 'q-1' }));

    const response = await lambdaHandler({ queryStringParameters: WINDOW }, { engine });

    expect(response.statusCode).toBe(202);
    expect(bodyOf(response)).toEqual({
      status: 'running',
      queryId: 'q-1',
      resultUrl: '/analytics/summary/results/q-1',
    });
  });

  it('serves a finished summary, or 202 again, from the results route', async () => {
    const { engine } = engineThat(() => ({ status: 'running', queryId: 'unused' }), {
      done: { status: 'done', summary: summaryOf(WINDOW) },
      busy: { status: 'running', queryId: 'busy' },
    });

    const done = await lambdaHandler({ pathParameters: { queryId: 'done' } }, { engine });
    const busy = await lambdaHandler({ pathParameters: { queryId: 'busy' } }, { engine });

    expect([done.statusCode, bodyOf(done)]).toEqual([200, summaryOf(WINDOW)]);
    expect(busy.statusCode).toBe(202);
  });

  it('answers 404 for an id that is not a summary, and 400 for one that is not an id', async () => {
    const { engine } = engineThat(() => ({ status: 'running', queryId: 'unused' }));

    const unknown = await lambdaHandler({ pathParameters: { queryId: 'f00d' } }, { engine });
    const bad = await lambdaHandler({ pathParameters: { queryId: '../etc' } }, { engine });

    expect([unknown.statusCode, bodyOf(unknown).error]).toEqual([404, 'not_found']);
    expect([bad.statusCode, bodyOf(bad).error]).toEqual([400, 'bad_request']);
  });

  it.each([
    ['no parameters', {}],
    ['a bad from', { from: 'yesterday', to: WINDOW.to }],
    ['from after to', { from: WINDOW.to, to: WINDOW.from }],
  ])('answers 400 JSON for %s, without asking the engine', async (_, query) => {
    const { engine, asked } = engineThat((window) => ({ status: 'done', summary: summaryOf(window) }));

    const response = await lambdaHandler({ queryStringParameters: query as Record<string, string> }, { engine });

    expect(response.statusCode).toBe(400);
    expect(bodyOf(response)).toMatchObject({ error: 'bad_request', message: expect.any(String) });
    expect(asked).toEqual([]);
  });
});
