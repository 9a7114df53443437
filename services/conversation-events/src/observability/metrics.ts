import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { storeOutcomeMetric } from '@genesys-events/consumer-kit/observability';
import type { StoreOutcome } from '@genesys-events/consumer-kit/store';
import type { MiddlewareObj, Request } from '@middy/core';

/** The conversation-events service's CloudWatch metrics (embedded metric format). */
export const metrics = new Metrics({ namespace: 'GenesysEvents', serviceName: 'conversation-events' });

/**
 * Counts what the consumer did with each event: stored, duplicate (already stored), refused because
 * its conversation was erased (`EventAfterErasure`), or failed (it will be retried by EventBridge and finally parked in the dead-letter queue).
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
      count(storeOutcomeMetric(response as StoreOutcome));
    },
    onError: () => {
      count('ConsumerFailed');
    },
  };
};
