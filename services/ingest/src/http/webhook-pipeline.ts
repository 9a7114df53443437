import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { appBusPublisher } from '@genesys-events/app-bus';
import { AWS_CLIENT_SETTINGS, requiredSetting } from '@genesys-events/consumer-kit/config';
import {
  guardWebhookRequest,
  jsonHttpErrorHandler,
  lowerCaseHeaders,
  mapDomainErrors,
} from '@genesys-events/core/middleware';
import middy, { type MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { logger } from '../observability/logger';
import { metrics } from '../observability/metrics';
import { reportOutcome } from '../outcome/report-outcome';
import type { Accepted } from '../outcome/webhook-outcome';
import { answerAccepted } from '../outcome/webhook-outcome';
import { acceptWebhook } from '../receive/accept-webhook';
import type { RecognisedWebhookEvent } from '../receive/webhook-event';
import { mapIngestErrors } from './map-ingest-errors';

/** A middleware of any stage of a webhook event (each stage adds fields to the event). */
export type RouteMiddleware = MiddlewareObj<never>;

/** What makes one webhook route different from another. */
export interface WebhookRoute {
  /** The route's name in metrics and logs (`genesys`, `open-messaging`, `eventbridge`). */
  readonly name: string;
  readonly mediaTypes: readonly string[];
  /** Authenticates the exact request (signature or API key); runs before anything reads the body. */
  readonly authenticate: readonly RouteMiddleware[];
  /** Parses the authenticated body into `event.recognised` and `event.delivery` (and body parsers before it). */
  readonly recognise: readonly RouteMiddleware[];
  /** Drops redeliveries (`dedupeDeliveries`); empty for a route that never deduplicates. */
  readonly deduplicate: readonly RouteMiddleware[];
}

/**
 * Composes a webhook route: the order is part of the contract. Metrics are flushed and the logger reset
 * last, after the one `webhook answered` line; errors are mapped before that (`onError` runs in reverse);
 * the request is guarded (405/413/415) and authenticated on its exact bytes before anything parses it;
 * deduplication records nothing for unauthenticated or unparseable requests; the handler publishes before
 * the 200 is answered from its outcome. The app bus is `APP_BUS_NAME`, read at cold start.
 *
 * @example
 * ```ts
 * export const handler = webhookHandler(eventBridgeRoute({ apiKeys, ... })); // publishes to APP_BUS_NAME
 * ```
 */
export const webhookHandler = (route: WebhookRoute, appBusName = requiredSetting(process.env, 'APP_BUS_NAME')) => {
  const publish = appBusPublisher({ client: new EventBridgeClient(AWS_CLIENT_SETTINGS), eventBusName: appBusName });
  const stages = [...route.authenticate, ...route.recognise, ...route.deduplicate];
  // Until `answerAccepted` turns it into the 200 answer, the response is the handler's accepted outcome.
  return middy<RecognisedWebhookEvent, Accepted | APIGatewayProxyStructuredResultV2>((event: RecognisedWebhookEvent) =>
    acceptWebhook(event, { publish, now: () => new Date() }),
  )
    .use(logMetrics(metrics))
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(correlateWithRequest())
    .use(reportOutcome({ route: route.name }))
    .use(jsonHttpErrorHandler({ logger }))
    .use(mapDomainErrors({ logger }))
    .use(mapIngestErrors({ logger }))
    .use(lowerCaseHeaders())
    .use(guardWebhookRequest({ mediaTypes: route.mediaTypes }))
    .use(stages as unknown as MiddlewareObj<RecognisedWebhookEvent>[])
    .use(answerAccepted());
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
