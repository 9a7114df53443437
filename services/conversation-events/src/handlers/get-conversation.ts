import { conversationLookup, readRouteHandler } from '@genesys-events/consumer-kit/http';
import { documentClient } from '@genesys-events/consumer-kit/store';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { readConversationEventsConfig } from '../config';
import { conversationState, sortTimeline } from '../model/conversation-state';
import { logger } from '../observability/logger';
import { type ConversationEventsTable, conversationEventsTable } from '../store/conversation-events-table';

/**
 * `GET /conversations/{conversationId}`: the conversation's state and its timeline, each unique event
 * once, ordered by event time; 404 when no live event names the conversation (none stored, all past
 * retention, or the conversation was erased). The composed handler first requires a bearer access token
 * with `conversations:read` (401/403).
 *
 * @example
 * ```ts
 * await lambdaHandler({ pathParameters: { conversationId } }, { table });
 * ```
 */
export const lambdaHandler = async (
  event: Pick<APIGatewayProxyEventV2, 'pathParameters'>,
  { table }: { table: ConversationEventsTable },
): Promise<APIGatewayProxyStructuredResultV2> =>
  conversationLookup(
    event,
    async (conversationId) => {
      const timeline = sortTimeline(await table.listConversation(conversationId));
      if (timeline.length === 0) return undefined;
      const events = timeline.map(({ conversationId: _omit, eventKey: _key, ...entry }) => entry);
      return { conversationId, state: conversationState(timeline), events };
    },
    'no events for this conversation',
  );

const config = readConversationEventsConfig(process.env);
const table = conversationEventsTable({
  client: documentClient(),
  tableName: config.eventsTableName,
  retentionDays: config.retentionDays,
});

export const handler = readRouteHandler((event) => lambdaHandler(event, { table }), {
  scope: 'conversations:read',
  logger,
});
