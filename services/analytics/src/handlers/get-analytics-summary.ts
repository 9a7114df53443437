import { readRouteHandler } from '@genesys-events/consumer-kit/http';
import { documentClient } from '@genesys-events/consumer-kit/store';
import { jsonResponse } from '@genesys-events/core/middleware';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { readQueryConfig } from '../config';
import { type ConversationFigures, conversationFigures } from '../model/conversation-analytics';
import { summarise } from '../model/summary';
import { parseTimeWindow } from '../model/time-window';
import { logger } from '../observability/logger';
import { type AnalyticsTable, analyticsTable } from '../store/analytics-table';
import { mapConcurrently } from '../util/map-concurrently';

const CONVERSATION_READ_CONCURRENCY = 16;

/**
 * `GET /analytics/summary?from=ISO&to=ISO`: the conversations whose first event falls in `[from, to)`,
 * counted by media type, direction and sentiment label, with their average handle time. The time index
 * finds every conversation with an event in the window; each one's events are then read whole, because
 * its true first event may lie before the window. Bad or missing parameters answer 400.
 *
 * @example
 * ```ts
 * await lambdaHandler({ queryStringParameters: { from: '2091-06-15T10:00:00Z', to: '2091-06-15T11:00:00Z' } }, { table });
 * ```
 */
export const lambdaHandler = async (
  event: Pick<APIGatewayProxyEventV2, 'queryStringParameters'>,
  { table }: { table: AnalyticsTable },
): Promise<APIGatewayProxyStructuredResultV2> => {
  const parsed = parseTimeWindow(event.queryStringParameters);
  if (!parsed.ok) return jsonResponse(400, { error: 'bad_request', message: parsed.message });
  const conversationIds = await table.conversationIdsIn(parsed.window);
  const figures = await mapConcurrently(conversationIds, CONVERSATION_READ_CONCURRENCY, async (conversationId) => {
    const events = await table.listConversation(conversationId);
    return events.length === 0 ? undefined : conversationFigures(conversationId, events);
  });
  const known = figures.filter((figure): figure is ConversationFigures => figure !== undefined);
  return jsonResponse(200, summarise(parsed.window, known));
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
