import {
  badConversationId,
  conversationIdParam,
  conversationNotFound,
  readRouteHandler,
} from '@genesys-events/consumer-kit/http';
import { documentClient } from '@genesys-events/consumer-kit/store';
import { jsonResponse } from '@genesys-events/core/middleware';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { readQueryConfig } from '../config';
import { conversationAnalytics } from '../model/conversation-analytics';
import { logger } from '../observability/logger';
import { type AnalyticsTable, analyticsTable } from '../store/analytics-table';

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
  const conversationId = conversationIdParam(event);
  if (!conversationId) return badConversationId();
  const events = await table.listConversation(conversationId);
  if (events.length === 0) return conversationNotFound('analytics knows nothing of this conversation');
  return jsonResponse(200, conversationAnalytics(conversationId, events));
};

const config = readQueryConfig(process.env);
const table = analyticsTable({
  client: documentClient(),
  tableName: config.tableName,
  retentionDays: config.retentionDays,
});

export const handler = readRouteHandler((event) => lambdaHandler(event, { table }), {
  scope: 'analytics:read',
  auth: config.auth,
  logger,
});
