import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import middy from '@middy/core';
import { readConversationEventsConfig } from '../config';
import { logger } from '../logger';
import { type AppBusEnvelope, toTimelineEntry } from '../model/timeline-entry';
import {
  type ConversationEventsTable,
  conversationEventsTable,
  type StoreOutcome,
} from '../store/conversation-events-table';

/**
 * Consumes one conversation event from the app bus and stores it once. Failures throw, so EventBridge
 * retries the event and finally parks it in the dead-letter queue.
 *
 * @example
 * ```ts
 * await lambdaHandler(eventBridgeEvent, { table });
 * ```
 */
export const lambdaHandler = async (
  event: AppBusEnvelope,
  { table }: { table: ConversationEventsTable },
): Promise<StoreOutcome> => {
  const entry = toTimelineEntry(event);
  const outcome = await table.putOnce(entry);
  logger.info('conversation event consumed', {
    outcome,
    conversationId: entry.conversationId,
    topic: entry.topic,
    transport: entry.transport,
    eventKey: entry.eventKey,
  });
  return outcome;
};

const config = readConversationEventsConfig(process.env);
const table = conversationEventsTable({
  client: DynamoDBDocumentClient.from(new DynamoDBClient({})),
  tableName: config.eventsTableName,
});

export const handler = middy((event: AppBusEnvelope) => lambdaHandler(event, { table })).use(
  injectLambdaContext(logger, { resetKeys: true }),
);
