import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { MiddlewareObj, Request } from '@middy/core';
import type { DerivationOutcome } from '../model/derived-analysis';

/** The analytics service's CloudWatch metrics (embedded metric format). */
export const metrics = new Metrics({ namespace: 'GenesysEvents', serviceName: 'analytics' });

// Hooks must return nothing: a value returned from a Middy hook becomes the invocation's result.
const count = (name: string): void => {
  metrics.addMetric(name, MetricUnit.Count, 1);
};

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
