import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { mediaType } from '@genesys-events/core';
import { guardWebhookRequest, mapDomainErrors, verifyWebhookSignature } from '@genesys-events/core/middleware';
import middy from '@middy/core';
import httpErrorHandler from '@middy/http-error-handler';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import httpUrlencodeBodyParser from '@middy/http-urlencode-body-parser';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { readIngestConfig } from '../config';
import { dedupeDeliveries } from '../dedupe/delivery-dedupe';
import { mapIngestErrors } from '../http/map-ingest-errors';
import { jsonResponse } from '../http/responses';
import { logger } from '../logger';
import { appBusPublisher, type PublishEvent } from '../publish/app-bus-publisher';
import { acceptWebhook } from '../receive/accept-webhook';
import { type SeedWebhookEvent, seedPayloadOf, seedSchemeOf } from '../receive/seed-payload';
import { secretList } from '../secrets/secret-list';

const SEED_MEDIA_TYPES = ['application/x-www-form-urlencoded', 'application/json'];
const GENERIC_SERVER_ERROR = JSON.stringify({ error: 'internal', message: 'unexpected error' });

/**
 * `POST /webhooks/genesys`, the seed formats: a verified, parsed request in, one event on the app bus out.
 *
 * @example
 * ```ts
 * await lambdaHandler(verifiedEvent, { publish, now: () => new Date() });
 * ```
 */
export const lambdaHandler = async (
  event: SeedWebhookEvent,
  { publish, now }: { publish: PublishEvent; now: () => Date },
): Promise<APIGatewayProxyStructuredResultV2> => {
  const deliveryId = event.headers?.['x-genesys-delivery-id'];
  const acceptance = await acceptWebhook(
    {
      payload: seedPayloadOf(event),
      gateway: {
        transport: event.verification.scheme === 'seed-form' ? 'genesys-form' : 'genesys-header',
        scheme: event.verification.scheme,
        receivedAt: now().toISOString(),
        ...(deliveryId ? { deliveryId } : {}),
      },
    },
    { publish },
  );
  logger.info('webhook accepted', {
    ...acceptance,
    deliveryId,
    matchedSecretIndex: event.verification.matchedSecretIndex,
  });
  return jsonResponse(200, acceptance);
};

const config = readIngestConfig(process.env);
const publish = appBusPublisher({ client: new EventBridgeClient({}), eventBusName: config.appBusName });
const secrets = secretList('genesysWebhookSecrets', config.genesysWebhookSecrets);

// Order is part of the contract: errors are mapped last (onError runs in reverse), the request is
// guarded and verified on its exact bytes before deduplication records anything and before the form
// parser overwrites the body.
export const handler = middy<SeedWebhookEvent, APIGatewayProxyStructuredResultV2>((event: SeedWebhookEvent) =>
  lambdaHandler(event, { publish, now: () => new Date() }),
)
  .use(httpErrorHandler({ logger: false, fallbackMessage: GENERIC_SERVER_ERROR }))
  .use(mapDomainErrors({ logger }))
  .use(mapIngestErrors({ logger }))
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(httpHeaderNormalizer())
  .use(guardWebhookRequest({ mediaTypes: SEED_MEDIA_TYPES }))
  .use(secrets.middleware)
  .use(
    verifyWebhookSignature<SeedWebhookEvent>({
      scheme: (event) => seedSchemeOf(mediaType(event.headers?.['content-type'])),
      secrets: secrets.read,
    }),
  )
  .use(
    dedupeDeliveries({
      tableName: config.deliveriesTableName,
      ttlSeconds: config.deliveryTtlSeconds,
      client: new DynamoDBClient({}),
    }),
  )
  .use(httpUrlencodeBodyParser({ disableContentTypeError: true }));
