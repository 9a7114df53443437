import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import { documentClient } from '../aws-clients';
import { readConversationEventsConfig } from '../config';
import { type AppBusEnvelope, toTimelineEntry } from '../model/timeline-entry';
import { logger } from '../observability/logger';
import { metrics, recordConsumerOutcome } from '../observability/metrics';
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
  client: documentClient(),
  tableName: config.eventsTableName,
});

export const handler = middy((event: AppBusEnvelope) => lambdaHandler(event, { table }))
  .use(logMetrics(metrics))
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(correlateWithEvent())
  .use(recordConsumerOutcome());

/** Log lines carry Genesys's `CorrelationId` when the event has one, else the EventBridge event id. */
function correlateWithEvent() {
  return {
    before: ({ event }: { event: AppBusEnvelope & { id?: string } }) => {
      const detail = event.detail as { metadata?: { CorrelationId?: unknown } } | undefined;
      const correlationId = detail?.metadata?.CorrelationId;
      logger.setCorrelationId(typeof correlationId === 'string' ? correlationId : event.id);
    },
  };
}
