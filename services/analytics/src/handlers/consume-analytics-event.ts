import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { correlateWithEvent, recordStoreOutcome } from '@genesys-events/consumer-kit/observability';
import { documentClient } from '@genesys-events/consumer-kit/store';
import middy from '@middy/core';
import { readTableConfig } from '../config';
import { type AppBusEnvelope, toAnalyticsEvent } from '../model/analytics-event';
import { logger } from '../observability/logger';
import { metrics } from '../observability/metrics';
import { type AnalyticsTable, analyticsTable, type StoreOutcome } from '../store/analytics-table';

/** What the consumer did with one event. */
export interface ConsumeOutcome {
  readonly stored: StoreOutcome;
}

/**
 * Consumes one app-bus event: stores it once (one conditional write on its content key). Sentiment is
 * derived by its own function (derive-conversation-sentiment.ts), so this bundle carries no word list.
 * Failures throw, so EventBridge retries the event and finally parks it in the dead-letter queue.
 *
 * @example
 * ```ts
 * await lambdaHandler(eventBridgeEvent, { table }); // { stored: 'stored' }
 * ```
 */
export const lambdaHandler = async (
  envelope: AppBusEnvelope,
  { table }: { table: AnalyticsTable },
): Promise<ConsumeOutcome> => {
  const event = toAnalyticsEvent(envelope);
  const stored = await table.putOnce(event);
  logger.info('analytics event consumed', {
    stored,
    conversationId: event.conversationId,
    topic: event.topic,
    eventKey: event.eventKey,
  });
  return { stored };
};

const config = readTableConfig(process.env);
const table = analyticsTable({ client: documentClient(), ...config });

export const handler = middy((event: AppBusEnvelope) => lambdaHandler(event, { table }))
  .use(logMetrics(metrics))
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(correlateWithEvent(logger))
  .use(recordStoreOutcome(metrics, (response) => (response as ConsumeOutcome).stored));
