import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { appBusPublisher, type PublishEvent } from '@genesys-events/app-bus';
import middy from '@middy/core';
import { AWS_CLIENT_SETTINGS, documentClient } from '../aws-clients';
import { readConsumerConfig } from '../config';
import { type AnalyticsEvent, type AppBusEnvelope, toAnalyticsEvent } from '../model/analytics-event';
import { derivedAnalysisEvent } from '../model/derived-analysis';
import { hasLabelledAnalysis } from '../model/sentiment';
import { correlateWithEvent } from '../observability/correlate';
import { logger } from '../observability/logger';
import { metrics, recordConsumerOutcome } from '../observability/metrics';
import { type AnalyticsTable, analyticsTable, type StoreOutcome } from '../store/analytics-table';

/** What became of a sentiment derivation a `SESSION_ENDED` transcription event asked for. */
export type DerivationOutcome = 'published' | 'not-needed' | 'no-transcript';

/** What the consumer did with one event. */
export interface ConsumeOutcome {
  readonly stored: StoreOutcome;
  readonly derivation?: DerivationOutcome;
}

interface Dependencies {
  readonly table: AnalyticsTable;
  readonly publish: PublishEvent;
}

/**
 * Consumes one app-bus event: stores it once (one conditional write on its content key) and, when it
 * ends a transcription session of a conversation without a labelled analysis, derives a sentiment and
 * publishes it as `call.analysis.completed`, which comes back here and is stored as the derived analysis.
 * Failures throw, so EventBridge retries the event and finally parks it in the dead-letter queue.
 *
 * @example
 * ```ts
 * await lambdaHandler(eventBridgeEvent, { table, publish }); // { stored: 'stored', derivation: 'published' }
 * ```
 */
export const lambdaHandler = async (envelope: AppBusEnvelope, dependencies: Dependencies): Promise<ConsumeOutcome> => {
  const event = toAnalyticsEvent(envelope);
  const stored = await dependencies.table.putOnce(event);
  // A duplicate still derives: if a crash came between storing and publishing, the redelivery is what
  // publishes. Publishing twice is harmless, the derived event's content key collapses the repeat.
  const derivation = event.sessionEnded ? await deriveIfMissing(event, dependencies) : undefined;
  logger.info('analytics event consumed', {
    stored,
    derivation,
    conversationId: event.conversationId,
    topic: event.topic,
    eventKey: event.eventKey,
  });
  return { stored, ...(derivation ? { derivation } : {}) };
};

const deriveIfMissing = async (
  sessionEnd: AnalyticsEvent,
  { table, publish }: Dependencies,
): Promise<DerivationOutcome> => {
  const events = await table.listConversation(sessionEnd.conversationId);
  if (hasLabelledAnalysis(events)) return 'not-needed';
  const derived = derivedAnalysisEvent({
    conversationId: sessionEnd.conversationId,
    events,
    sessionEndedAt: sessionEnd.eventTime,
  });
  if (!derived) return 'no-transcript';
  await publish(derived);
  return 'published';
};

const config = readConsumerConfig(process.env);
const dependencies: Dependencies = {
  table: analyticsTable({ client: documentClient(), tableName: config.tableName }),
  publish: appBusPublisher({ client: new EventBridgeClient(AWS_CLIENT_SETTINGS), eventBusName: config.appBusName }),
};

export const handler = middy((event: AppBusEnvelope) => lambdaHandler(event, dependencies))
  .use(logMetrics(metrics))
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(correlateWithEvent())
  .use(recordConsumerOutcome());
