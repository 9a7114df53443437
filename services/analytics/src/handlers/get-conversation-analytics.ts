import { conversationLookup, readRouteHandler } from '@genesys-events/consumer-kit/http';
import { documentClient } from '@genesys-events/consumer-kit/store';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { readTableConfig } from '../config';
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
): Promise<APIGatewayProxyStructuredResultV2> =>
  conversationLookup(
    event,
    async (conversationId) => {
      const events = await table.listConversation(conversationId);
      return events.length === 0 ? undefined : conversationAnalytics(conversationId, events);
    },
    'analytics knows nothing of this conversation',
  );

const table = analyticsTable({ client: documentClient(), ...readTableConfig(process.env) });

export const handler = readRouteHandler((event) => lambdaHandler(event, { table }), {
  scope: 'analytics:read',
  logger,
});
