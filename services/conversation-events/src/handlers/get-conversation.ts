import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { documentClient } from '@genesys-events/consumer-kit/store';
import { requireAccessToken } from '@genesys-events/core/auth/middleware';
import { jsonHttpErrorHandler, jsonResponse } from '@genesys-events/core/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { readConversationReadConfig } from '../config';
import { conversationState, sortTimeline } from '../model/conversation-state';
import { logger } from '../observability/logger';
import { type ConversationEventsTable, conversationEventsTable } from '../store/conversation-events-table';

const MAX_ID_LENGTH = 256;

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
): Promise<APIGatewayProxyStructuredResultV2> => {
  const conversationId = event.pathParameters?.conversationId;
  if (!conversationId || conversationId.length > MAX_ID_LENGTH) {
    return jsonResponse(400, { error: 'bad_request', message: 'conversationId is missing or too long' });
  }
  const timeline = sortTimeline(await table.listConversation(conversationId));
  if (timeline.length === 0)
    return jsonResponse(404, { error: 'not_found', message: 'no events for this conversation' });
  return jsonResponse(200, {
    conversationId,
    state: conversationState(timeline),
    events: timeline.map(({ conversationId: _omit, eventKey: _key, ...entry }) => entry),
  });
};

const config = readConversationReadConfig(process.env);
const table = conversationEventsTable({
  client: documentClient(),
  tableName: config.eventsTableName,
  retentionDays: config.retentionDays,
});

export const handler = middy((event: APIGatewayProxyEventV2) => lambdaHandler(event, { table }))
  .use(jsonHttpErrorHandler({ logger }))
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(requireAccessToken({ ...config.auth, scope: 'conversations:read', logger }));
