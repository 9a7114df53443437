import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { MiddlewareObj, Request } from '@middy/core';

/** The analytics service's CloudWatch metrics (embedded metric format). */
export const metrics = new Metrics({ namespace: 'GenesysEvents', serviceName: 'analytics' });

/**
 * Counts what the consumer did with each event: stored or duplicate, sentiments derived, and failures
 * (retried by EventBridge, finally parked in the dead-letter queue).
 *
 * @example
 * ```ts
 * middy(handler).use(logMetrics(metrics)).use(recordConsumerOutcome());
 * ```
 */
export const recordConsumerOutcome = (): MiddlewareObj => {
  // Hooks must return nothing: a value returned from a Middy hook becomes the invocation's result.
  const count = (name: string): void => {
    metrics.addMetric(name, MetricUnit.Count, 1);
  };
  return {
    after: ({ response }: Request) => {
      const outcome = response as { stored?: string; derivation?: string } | undefined;
      count(outcome?.stored === 'duplicate' ? 'EventDuplicate' : 'EventStored');
      if (outcome?.derivation === 'published') count('SentimentDerived');
    },
    onError: () => {
      count('ConsumerFailed');
    },
  };
};
