import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { documentClient } from '@genesys-events/consumer-kit/store';
import { requireAccessToken } from '@genesys-events/core/auth/middleware';
import { jsonHttpErrorHandler, jsonResponse } from '@genesys-events/core/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { readQueryConfig } from '../config';
import { conversationAnalytics } from '../model/conversation-analytics';
import { logger } from '../observability/logger';
import { type AnalyticsTable, analyticsTable } from '../store/analytics-table';

const MAX_ID_LENGTH = 256;

/**
 * `GET /analytics/conversations/{conversationId}`: the conversation's transcript, sentiment (Genesys over
 * derived) and handle time, computed from its stored events; 404 when analytics has no event of it.
 *
 * @example
 * ```ts
 * await lambdaHandler({ pathParameters: { conversationId } }, { table });
 * ```
 */
export const lambdaHandler = async (
  event: Pick<APIGatewayProxyEventV2, 'pathParameters'>,
  { table }: { table: AnalyticsTable },
): Promise<APIGatewayProxyStructuredResultV2> => {
  const conversationId = event.pathParameters?.conversationId;
  if (!conversationId || conversationId.length > MAX_ID_LENGTH) {
    return jsonResponse(400, { error: 'bad_request', message: 'conversationId is missing or too long' });
  }
  const events = await table.listConversation(conversationId);
  if (events.length === 0) {
    return jsonResponse(404, { error: 'not_found', message: 'analytics knows nothing of this conversation' });
  }
  return jsonResponse(200, conversationAnalytics(conversationId, events));
};

const config = readQueryConfig(process.env);
const table = analyticsTable({
  client: documentClient(),
  tableName: config.tableName,
  retentionDays: config.retentionDays,
});

export const handler = middy((event: APIGatewayProxyEventV2) => lambdaHandler(event, { table }))
  .use(jsonHttpErrorHandler({ logger }))
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(requireAccessToken({ ...config.auth, scope: 'analytics:read', logger }));
