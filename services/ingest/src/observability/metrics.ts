import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { WebhookOutcome } from '../outcome/webhook-outcome';

/** The ingest service's CloudWatch metrics (embedded metric format, written with the logs). */
export const metrics = new Metrics({ namespace: 'GenesysEvents', serviceName: 'ingest' });

/** The metric each outcome counts as. */
export type OutcomeMetric =
  | 'WebhookAccepted'
  | 'WebhookDuplicate'
  | 'WebhookRejected'
  | 'PublishFailed'
  | 'WebhookFailed'
  | 'DeliveryIdReused';

/**
 * The metrics of an outcome: accepted, duplicate, rejected, publish failed (503: the sender retries) or
 * failed; an accepted event whose delivery id had been used for other content also counts
 * `DeliveryIdReused`.
 *
 * @example
 * ```ts
 * metricsOf({ kind: 'failed', statusCode: 503, reason: 'publish_entry_failed' }); // ['PublishFailed']
 * ```
 */
export const metricsOf = (outcome: WebhookOutcome): OutcomeMetric[] => {
  switch (outcome.kind) {
    case 'accepted':
      return outcome.deliveryIdReused ? ['WebhookAccepted', 'DeliveryIdReused'] : ['WebhookAccepted'];
    case 'duplicate':
      return ['WebhookDuplicate'];
    case 'rejected':
      return ['WebhookRejected'];
    case 'failed':
      return [outcome.statusCode === 503 ? 'PublishFailed' : 'WebhookFailed'];
  }
};

/**
 * Adds an outcome's metrics to the shared instance, with the route (and the reason of a rejection or
 * failure) as dimensions; Powertools `logMetrics` flushes them. One shared instance rather than one per
 * request: a new one would rebuild its configuration and console every time.
 *
 * @example
 * ```ts
 * countOutcome({ kind: 'duplicate', eventId: 'e' }, 'genesys'); // WebhookDuplicate { route: 'genesys' }
 * ```
 */
export const countOutcome = (outcome: WebhookOutcome, route: string): void => {
  metrics.addDimensions('reason' in outcome ? { route, reason: outcome.reason } : { route });
  for (const metric of metricsOf(outcome)) metrics.addMetric(metric, MetricUnit.Count, 1);
};
