// Zod-free, like ./store: the lightest bundles can use it.
export { type CorrelatingLogger, correlateWithEvent } from './correlate';
export { recordStoreOutcome } from './record-store-outcome';
export { storeOutcomeMetric } from './store-outcome-metric';
