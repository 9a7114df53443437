import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { correlateWithEvent, recordStoreOutcome } from '@genesys-events/consumer-kit/observability';
import { documentClient } from '@genesys-events/consumer-kit/store';
import middy from '@middy/core';
import { readConversationEventsConfig } from '../config';
import { type AppBusEnvelope, toTimelineEntry } from '../model/timeline-entry';
import { logger } from '../observability/logger';
import { metrics } from '../observability/metrics';
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
  // Ids only: the body carries personal data (numbers, names, message text).
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
  client: documentClient(),
  tableName: config.eventsTableName,
  retentionDays: config.retentionDays,
});

export const handler = middy((event: AppBusEnvelope) => lambdaHandler(event, { table }))
  .use(logMetrics(metrics))
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(correlateWithEvent(logger))
  .use(recordStoreOutcome(metrics, (response) => response as StoreOutcome));
