import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { MiddlewareObj, Request } from '@middy/core';

/** The ingest service's CloudWatch metrics (embedded metric format, written with the logs). */
export const metrics = new Metrics({ namespace: 'GenesysEvents', serviceName: 'ingest' });

interface Outcome {
  readonly metric: 'WebhookAccepted' | 'WebhookDuplicate' | 'WebhookRejected' | 'PublishFailed' | 'WebhookFailed';
  readonly reason?: string;
}

/**
 * Counts what became of every webhook request: accepted, duplicate, rejected (with the reason as a
 * dimension), publish failed (503) or failed unexpectedly. It reads the final answer, so register it
 * before `httpErrorHandler` (its `after` and `onError` then run once the answer is settled) and after
 * Powertools `logMetrics`, which flushes.
 *
 * @example
 * ```ts
 * middy(handler).use(logMetrics(metrics)).use(recordWebhookOutcome({ route: 'genesys' })).use(httpErrorHandler());
 * ```
 */
export const recordWebhookOutcome = ({ route }: { route: string }): MiddlewareObj => {
  // One metric per request on the shared instance, flushed by logMetrics: a single metric object per
  // request would rebuild its configuration and console every time.
  const record = (request: Request): void => {
    const outcome = outcomeOf(request);
    metrics.addDimensions(outcome.reason ? { route, reason: outcome.reason } : { route });
    metrics.addMetric(outcome.metric, MetricUnit.Count, 1);
  };
  return { after: record, onError: record };
};

const outcomeOf = ({ response, error }: Request): Outcome => {
  const statusCode = (response as { statusCode?: number } | undefined)?.statusCode;
  if (statusCode === 200)
    return { metric: bodyStatus(response) === 'duplicate' ? 'WebhookDuplicate' : 'WebhookAccepted' };
  const reason = reasonOf(error);
  if (statusCode === 503) return { metric: 'PublishFailed', reason };
  if (statusCode !== undefined && statusCode >= 400 && statusCode < 500) return { metric: 'WebhookRejected', reason };
  return { metric: 'WebhookFailed', reason };
};

const bodyStatus = (response: unknown): unknown => {
  try {
    return JSON.parse(String((response as { body?: unknown }).body)).status;
  } catch {
    return undefined;
  }
};

/** The domain reason behind a mapped HTTP error (`signature_mismatch`, `payload_too_large`, ...). */
const reasonOf = (error: unknown): string => {
  const cause = (error as { cause?: { reason?: unknown; package?: unknown } } | null)?.cause;
  if (typeof cause?.reason === 'string') return cause.reason;
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' ? `status_${status}` : 'unexpected';
};
