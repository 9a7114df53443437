import { AthenaClient } from '@aws-sdk/client-athena';
import { readRouteHandler } from '@genesys-events/consumer-kit/http';
import { AWS_CLIENT_SETTINGS } from '@genesys-events/consumer-kit/store';
import { readAccessTokenSettings } from '@genesys-events/core/auth';
import { jsonResponse } from '@genesys-events/core/middleware';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { readSummaryConfig } from '../config';
import { athenaSummaryEngine, type SummaryEngine, type SummaryOutcome } from '../lake/summary-engine';
import { parseTimeWindow } from '../model/time-window';
import { logger } from '../observability/logger';

/** Where a summary still running can be fetched (the route's path, without a stage prefix). */
export const SUMMARY_RESULTS_PATH = '/analytics/summary/results';

const MAX_QUERY_ID_LENGTH = 128;

/**
 * `GET /analytics/summary?from=ISO&to=ISO` and `GET /analytics/summary/results/{queryId}`: the conversations
 * whose first event falls in `[from, to)`, computed by the lake's engine (Athena; locally DuckDB behind the
 * same API). A summary that takes longer than the function may wait answers 202 with its query id and the
 * URL that serves it once done (the results route answers 202 again while it runs). Bad parameters answer
 * 400; an id that is not a summary of ours, 404.
 *
 * @example
 * ```ts
 * await lambdaHandler({ queryStringParameters: { from: '2091-06-15T10:00:00Z', to: '2091-06-15T11:00:00Z' } }, { engine });
 * ```
 */
export const lambdaHandler = async (
  event: Pick<APIGatewayProxyEventV2, 'queryStringParameters' | 'pathParameters'>,
  { engine }: { engine: SummaryEngine },
): Promise<APIGatewayProxyStructuredResultV2> => {
  const queryId = event.pathParameters?.queryId;
  if (queryId !== undefined) return answerResult(engine, queryId);
  const parsed = parseTimeWindow(event.queryStringParameters);
  if (!parsed.ok) return jsonResponse(400, { error: 'bad_request', message: parsed.message });
  return answer(await engine.summarise(parsed.window));
};

const answerResult = async (engine: SummaryEngine, queryId: string): Promise<APIGatewayProxyStructuredResultV2> => {
  if (!/^[\w-]+$/.test(queryId) || queryId.length > MAX_QUERY_ID_LENGTH) {
    return jsonResponse(400, { error: 'bad_request', message: 'queryId is not a query id' });
  }
  const outcome = await engine.resultOf(queryId);
  if (!outcome) return jsonResponse(404, { error: 'not_found', message: 'no summary has this query id' });
  return answer(outcome);
};

const answer = (outcome: SummaryOutcome): APIGatewayProxyStructuredResultV2 =>
  outcome.status === 'done'
    ? jsonResponse(200, outcome.summary)
    : jsonResponse(202, {
        status: 'running',
        queryId: outcome.queryId,
        resultUrl: `${SUMMARY_RESULTS_PATH}/${outcome.queryId}`,
      });

const config = readSummaryConfig(process.env);
const engine = athenaSummaryEngine(new AthenaClient(AWS_CLIENT_SETTINGS), {
  target: { workGroup: config.workGroup, database: config.database },
  waitMs: config.waitMs,
  marginDays: config.marginDays,
  retentionDays: config.retentionDays,
});

export const handler = readRouteHandler((event) => lambdaHandler(event, { engine }), {
  scope: 'analytics:read',
  auth: readAccessTokenSettings(process.env),
  logger,
});
