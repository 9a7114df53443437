import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { appBusPublisher } from '@genesys-events/app-bus';
import type { AppBusEnvelope } from '@genesys-events/core';
import middy, { type MiddyfiedHandler } from '@middy/core';
import { AWS_CLIENT_SETTINGS } from '../aws/client-settings';
import { documentClient } from '../aws/document-client';
import { requiredSetting } from '../config/settings';
import { correlateWithEvent } from '../observability/correlate';
import { conversationTable } from '../store/conversation-table';
import { readRetentionDays } from '../store/retention';
import { eraseConversation } from './erase-conversation';
import type { ErasureReport } from './erasure-events';

export type { ErasureReport } from './erasure-events';

/** The erasure function of a service, as `serverless.yml` points at it. */
export type ErasureHandler = MiddyfiedHandler<AppBusEnvelope, ErasureReport>;

/** Options of {@link erasureHandler}. */
export interface ErasureHandlerOptions {
  /** The service's name: its logs, metrics and completion events carry it. */
  readonly service: string;
  /** The environment variable that names the service's conversation table. */
  readonly tableNameVariable: string;
}

/**
 * The whole erasure function of a service that stores conversation data, configured from the environment
 * at cold start (the table variable, `APP_BUS_NAME`, `RETENTION_DAYS`). A service's handler file is one
 * line, so every new store honours erasure without writing it again.
 *
 * @example
 * ```ts
 * export const handler = erasureHandler({ service: 'analytics', tableNameVariable: 'ANALYTICS_TABLE_NAME' });
 * ```
 */
export const erasureHandler = ({ service, tableNameVariable }: ErasureHandlerOptions): ErasureHandler => {
  const env = process.env;
  const table = conversationTable({
    client: documentClient(),
    tableName: requiredSetting(env, tableNameVariable),
    retentionDays: readRetentionDays(env),
  });
  const publish = appBusPublisher({
    client: new EventBridgeClient(AWS_CLIENT_SETTINGS),
    eventBusName: requiredSetting(env, 'APP_BUS_NAME'),
  });
  const logger = new Logger({ serviceName: service });
  const metrics = new Metrics({ namespace: 'GenesysEvents', serviceName: service });
  // Hooks must return nothing: a value returned from a Middy hook becomes the invocation's result.
  const count = (name: string): void => {
    metrics.addMetric(name, MetricUnit.Count, 1);
  };
  return middy((event: AppBusEnvelope) => eraseConversation(event, { service, table, publish, logger }))
    .use(logMetrics(metrics))
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(correlateWithEvent(logger))
    .use({ after: () => count('ConversationErased'), onError: () => count('ErasureFailed') });
};
