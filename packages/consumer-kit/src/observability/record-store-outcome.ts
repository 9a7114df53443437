import { type Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { MiddlewareObj, Request } from '@middy/core';
import type { StoreOutcome } from '../store/conversation-table';
import { storeOutcomeMetric } from './store-outcome-metric';

/**
 * Counts what a storing consumer did with each event: `EventStored`, `EventDuplicate`,
 * `EventAfterErasure`, or `ConsumerFailed` (the event is retried, then parked in the dead-letter queue).
 *
 * @example
 * ```ts
 * middy(handler).use(logMetrics(metrics)).use(recordStoreOutcome(metrics, (response) => response as StoreOutcome));
 * ```
 */
export const recordStoreOutcome = (
  metrics: Pick<Metrics, 'addMetric'>,
  outcomeOf: (response: unknown) => StoreOutcome,
): MiddlewareObj => {
  // Hooks must return nothing: a value returned from a Middy hook becomes the invocation's result.
  const count = (name: string): void => {
    metrics.addMetric(name, MetricUnit.Count, 1);
  };
  return {
    after: ({ response }: Request) => {
      count(storeOutcomeMetric(outcomeOf(response)));
    },
    onError: () => {
      count('ConsumerFailed');
    },
  };
};
