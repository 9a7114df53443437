import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { appBusPublisher } from '@genesys-events/app-bus';
import { guardWebhookRequest, jsonHttpErrorHandler, mapDomainErrors } from '@genesys-events/core/middleware';
import middy, { type MiddlewareObj } from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { IngestConfig } from '../config';
import { DELIVERY_LOCK_MS, dedupeDeliveries } from '../dedupe/delivery-dedupe';
import { deliveryRecords } from '../dedupe/delivery-records';
import { logger } from '../observability/logger';
import { metrics, recordWebhookOutcome } from '../observability/metrics';
import { acceptWebhook } from '../receive/accept-webhook';
import type { RecognisedWebhookEvent } from '../receive/webhook-event';
import { mapIngestErrors } from './map-ingest-errors';

/**
 * Genesys waits 10 s for an answer and the function has 8: each AWS call may take 2 s and is tried
 * at most 3 times, so a stuck dependency ends in a 503 (retry) rather than a timeout. Without
 * `throwOnRequestTimeout` the SDK only warns when the request timeout passes and keeps waiting.
 */
const AWS_CLIENT_SETTINGS = {
  maxAttempts: 3,
  requestHandler: { requestTimeout: 2_000, connectionTimeout: 1_000, throwOnRequestTimeout: true },
};

/** A middleware of any stage of a webhook event (each stage adds fields to the event). */
export type RouteMiddleware = MiddlewareObj<never>;

/** What makes one webhook route different from another. */
export interface WebhookRoute {
  /** The route's name in metrics (`genesys`, `open-messaging`, `eventbridge`). */
  readonly name: string;
  readonly mediaTypes: readonly string[];
  /** Authenticates the exact request (signature or API key); runs before anything reads the body. */
  readonly authenticate: readonly RouteMiddleware[];
  /** Parses the authenticated body into `event.recognised` and `event.delivery` (and body parsers before it). */
  readonly recognise: readonly RouteMiddleware[];
}

/**
 * Composes a webhook route: the order is part of the contract. Errors are mapped last (`onError` runs in
 * reverse), the request is guarded (405/413/415) and authenticated on its exact bytes before anything
 * parses it, deduplication records nothing for unauthenticated or unparseable requests, and the handler
 * publishes before it answers.
 *
 * @example
 * ```ts
 * export const handler = webhookHandler(readIngestConfig(process.env), { mediaTypes, authenticate, recognise });
 * ```
 */
export const webhookHandler = (config: IngestConfig, route: WebhookRoute) => {
  const records = deliveryRecords({
    client: new DynamoDBClient(AWS_CLIENT_SETTINGS),
    tableName: config.deliveriesTableName,
    ttlSeconds: config.deliveryTtlSeconds,
    lockMs: DELIVERY_LOCK_MS,
  });
  const publish = appBusPublisher({
    client: new EventBridgeClient(AWS_CLIENT_SETTINGS),
    eventBusName: config.appBusName,
  });
  return middy<RecognisedWebhookEvent, APIGatewayProxyStructuredResultV2>((event: RecognisedWebhookEvent) =>
    acceptWebhook(event, { publish, now: () => new Date() }),
  )
    .use(logMetrics(metrics))
    .use(recordWebhookOutcome({ route: route.name }))
    .use(jsonHttpErrorHandler({ logger }))
    .use(mapDomainErrors({ logger }))
    .use(mapIngestErrors({ logger }))
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(correlateWithRequest())
    .use(httpHeaderNormalizer())
    .use(guardWebhookRequest({ mediaTypes: route.mediaTypes }))
    .use([...route.authenticate, ...route.recognise] as unknown as MiddlewareObj<RecognisedWebhookEvent>[])
    .use(dedupeDeliveries({ records }));
};

/**
 * Every log line carries a correlation id: the API Gateway request id until the payload is recognised,
 * then Genesys's own `CorrelationId` when the event has one (set in `recognisePayload`).
 */
const correlateWithRequest = (): MiddlewareObj<RecognisedWebhookEvent> => ({
  before: ({ event, context }) => {
    logger.setCorrelationId(event.requestContext?.requestId ?? context.awsRequestId);
  },
});
