import type { StoreOutcome } from '../store/conversation-table';

const STORE_OUTCOME_METRICS: Record<StoreOutcome, string> = {
  stored: 'EventStored',
  duplicate: 'EventDuplicate',
  erased: 'EventAfterErasure',
};

/**
 * The metric a consumer counts for what a store did with one event.
 *
 * @example
 * ```ts
 * metrics.addMetric(storeOutcomeMetric('erased'), MetricUnit.Count, 1); // EventAfterErasure
 * ```
 */
export const storeOutcomeMetric = (outcome: StoreOutcome): string => STORE_OUTCOME_METRICS[outcome];
