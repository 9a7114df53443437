import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import type { AppBusEnvelope, CatalogPattern } from '@genesys-events/core';
import middy, { type MiddyfiedHandler } from '@middy/core';
import { correlateWithEvent } from '../observability/correlate';
import type { EventRouter } from './event-router';

/** What every route handler of a consumer gets besides its event. */
export interface ConsumerTools {
  /** Powertools Logger with `service` set; log ids and reasons, never personal data. */
  readonly logger: Logger;
  readonly metrics: Metrics;
}

/** A consumer function, as `serverless.yml` points at it. */
export type ConsumerHandler = MiddyfiedHandler<AppBusEnvelope, { pattern: CatalogPattern; result: unknown }>;

/**
 * The whole consumer function of a service: Powertools Logger (with `service`) and Metrics, the event's
 * correlation id on every line, `EventRouted` / `ConsumerFailed` counts, and the router's dispatch.
 * A failure throws, so EventBridge retries the event and finally parks it in the dead-letter queue.
 *
 * @example
 * ```ts
 * export const handler = consumerHandler({ service: 'my-team', router: eventRouter<ConsumerTools>().on(pattern, fn) });
 * ```
 */
export const consumerHandler = ({
  service,
  router,
}: {
  service: string;
  router: EventRouter<ConsumerTools>;
}): ConsumerHandler => {
  const logger = new Logger({ serviceName: service });
  const metrics = new Metrics({ namespace: 'GenesysEvents', serviceName: service });
  // Hooks must return nothing: a value returned from a Middy hook becomes the invocation's result.
  const count = (name: string): void => {
    metrics.addMetric(name, MetricUnit.Count, 1);
  };
  return middy((event: AppBusEnvelope) => router.route(event, { logger, metrics }))
    .use(logMetrics(metrics))
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(correlateWithEvent(logger))
    .use({ after: () => count('EventRouted'), onError: () => count('ConsumerFailed') });
};
