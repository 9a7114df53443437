// Zod-free, like ./store: the lightest bundles can use it.
export { type CorrelatingLogger, correlateWithEvent } from './correlate';
export { storeOutcomeMetric } from './store-outcome-metric';
