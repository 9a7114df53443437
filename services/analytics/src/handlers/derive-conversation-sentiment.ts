import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { appBusPublisher, type PublishEvent } from '@genesys-events/app-bus';
import { correlateWithEvent } from '@genesys-events/consumer-kit/observability';
import { AWS_CLIENT_SETTINGS, documentClient } from '@genesys-events/consumer-kit/store';
import type { AppBusEnvelope } from '@genesys-events/core';
import middy from '@middy/core';
import { readDeriverConfig } from '../config';
import type { AnalyticsEvent } from '../model/analytics-event';
import { type DerivationOutcome, derivedAnalysisEvent } from '../model/derived-analysis';
import { hasLabelledAnalysis } from '../model/sentiment';
import { readSessionEnd, withSessionEnd } from '../model/session-end';
import { logger } from '../observability/logger';
import { metrics, recordDerivationOutcome } from '../observability/metrics';
import { type AnalyticsTable, analyticsTable } from '../store/analytics-table';

// No value from core or from the consumer's model here, nor anything that imports one: those bundle zod,
// and this function already bundles the AFINN word list. Types are fine, they leave nothing in the bundle.

/** What the deriver did with one event. */
export interface DeriveOutcome {
  readonly derivation: DerivationOutcome;
}

interface Dependencies {
  readonly table: Pick<AnalyticsTable, 'readConversation'>;
  readonly publish: PublishEvent;
}

/**
 * Derives the sentiment of a conversation whose transcription session ended (its rule delivers only
 * `SESSION_ENDED` transcription events) and publishes it as `call.analysis.completed`, which the consumer
 * stores as the derived analysis. Skips a conversation with a labelled analysis and an empty transcript.
 * The triggering event's own utterances count even when the consumer has not stored it yet. Failures
 * throw, so EventBridge retries the event and finally parks it in the dead-letter queue.
 *
 * @example
 * ```ts
 * await lambdaHandler(eventBridgeEvent, { table, publish }); // { derivation: 'published' }
 * ```
 */
export const lambdaHandler = async (envelope: AppBusEnvelope, dependencies: Dependencies): Promise<DeriveOutcome> => {
  const sessionEnd = readSessionEnd(envelope);
  if (!sessionEnd) {
    logger.warn('not a transcription session end, nothing to derive', { detailType: envelope['detail-type'] });
    return { derivation: 'not-a-session-end' };
  }
  const derivation = await deriveIfMissing(sessionEnd, dependencies);
  logger.info('sentiment derivation', {
    derivation,
    conversationId: sessionEnd.conversationId,
    eventKey: sessionEnd.eventKey,
  });
  return { derivation };
};

// Publishing twice (a redelivery, or a crash after publishing) is harmless: the derived body depends only
// on the events, so the consumer stores the repeat under the same content key, once.
const deriveIfMissing = async (
  sessionEnd: AnalyticsEvent,
  { table, publish }: Dependencies,
): Promise<DerivationOutcome> => {
  const stored = await table.readConversation(sessionEnd.conversationId);
  // An erased conversation's transcript must not come back as a derived analysis.
  if (stored.erased) return 'conversation-erased';
  const events = withSessionEnd(stored.events, sessionEnd);
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

const config = readDeriverConfig(process.env);
const dependencies: Dependencies = {
  table: analyticsTable({ client: documentClient(), ...config }),
  publish: appBusPublisher({ client: new EventBridgeClient(AWS_CLIENT_SETTINGS), eventBusName: config.appBusName }),
};

export const handler = middy((event: AppBusEnvelope) => lambdaHandler(event, dependencies))
  .use(logMetrics(metrics))
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(correlateWithEvent(logger))
  .use(recordDerivationOutcome());
