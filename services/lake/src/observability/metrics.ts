import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

/** The lake service's CloudWatch metrics (embedded metric format). */
export const metrics = new Metrics({ namespace: 'GenesysEvents', serviceName: 'lake' });

/**
 * Adds one to a count metric of the current invocation (flushed by the `logMetrics` middleware).
 *
 * @example
 * ```ts
 * count('LakeRecordsDropped', dropped);
 * ```
 */
export const count = (name: string, value = 1): void => {
  metrics.addMetric(name, MetricUnit.Count, value);
};
