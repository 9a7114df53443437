import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { storeOutcomeMetric } from '@genesys-events/consumer-kit/observability';
import type { StoreOutcome } from '@genesys-events/consumer-kit/store';
import type { MiddlewareObj, Request } from '@middy/core';
import type { DerivationOutcome } from '../model/derived-analysis';

/** The analytics service's CloudWatch metrics (embedded metric format). */
export const metrics = new Metrics({ namespace: 'GenesysEvents', serviceName: 'analytics' });

// Hooks must return nothing: a value returned from a Middy hook becomes the invocation's result.
const count = (name: string): void => {
  metrics.addMetric(name, MetricUnit.Count, 1);
};

/**
 * Counts what the consumer did with each event: stored, duplicate or refused because its conversation
 * was erased (`EventAfterErasure`), and failures (retried by EventBridge,
 * finally parked in the dead-letter queue).
 *
 * @example
 * ```ts
 * middy(handler).use(logMetrics(metrics)).use(recordConsumerOutcome());
 * ```
 */
export const recordConsumerOutcome = (): MiddlewareObj => ({
  after: ({ response }: Request) => {
    const outcome = response as { stored: StoreOutcome };
    count(storeOutcomeMetric(outcome.stored));
  },
  onError: () => {
    count('ConsumerFailed');
  },
});

const DERIVATION_METRICS: Record<DerivationOutcome, string> = {
  published: 'SentimentDerived',
  'not-needed': 'SentimentNotNeeded',
  'no-transcript': 'SentimentNoTranscript',
  'conversation-erased': 'SentimentConversationErased',
  'not-a-session-end': 'SentimentNotASessionEnd',
};

/**
 * Counts what the sentiment deriver did with each session end: derived and published, not needed (a label
 * is stored), no transcript, and failures (retried by EventBridge, finally parked in the dead-letter queue).
 *
 * @example
 * ```ts
 * middy(handler).use(logMetrics(metrics)).use(recordDerivationOutcome());
 * ```
 */
export const recordDerivationOutcome = (): MiddlewareObj => ({
  after: ({ response }: Request) => {
    const outcome = (response as { derivation?: DerivationOutcome } | undefined)?.derivation;
    if (outcome) count(DERIVATION_METRICS[outcome]);
  },
  onError: () => {
    count('DerivationFailed');
  },
});
