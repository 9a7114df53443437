import { IdempotencyConfig } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { makeHandlerIdempotent } from '@aws-lambda-powertools/idempotency/middleware';
import type { ResponseHook } from '@aws-lambda-powertools/idempotency/types';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { MiddlewareObj } from '@middy/core';

type JSONValue = Parameters<ResponseHook>[0];

/** Options of {@link dedupeDeliveries}. */
export interface DedupeDeliveriesOptions {
  readonly tableName: string;
  readonly ttlSeconds: number;
  readonly client: DynamoDBClient;
}

/**
 * Drops redeliveries by `X-Genesys-Delivery-Id`, durably, with Powertools Idempotency on DynamoDB.
 * A first delivery is recorded as in progress and completed with its answer once published; a redelivery
 * gets that answer again, marked `duplicate`, and is not published; a redelivery that arrives while the
 * first is still in flight is told to retry (503). A failed publish deletes the record so the retry
 * goes through. Requests without a delivery id are not deduplicated here (consumers dedupe on content).
 * Register after signature verification (unverified requests must not create records) and after
 * `http-header-normalizer` (the key path reads the lower-cased header).
 *
 * @example
 * ```ts
 * middy(lambdaHandler).use(verifyWebhookSignature(...)).use(dedupeDeliveries({ tableName, ttlSeconds: 86400, client }));
 * ```
 */
export const dedupeDeliveries = ({ tableName, ttlSeconds, client }: DedupeDeliveriesOptions): MiddlewareObj =>
  makeHandlerIdempotent({
    persistenceStore: new DynamoDBPersistenceLayer({ tableName, awsSdkV3Client: client }),
    keyPrefix: 'genesys-delivery',
    config: new IdempotencyConfig({
      eventKeyJmesPath: 'headers."x-genesys-delivery-id"',
      throwOnNoIdempotencyKey: false,
      expiresAfterSeconds: ttlSeconds,
      responseHook: markAsDuplicate,
    }),
  }) as MiddlewareObj;

/** The stored answer of the first delivery, with its status changed to `duplicate`. */
export const markAsDuplicate: ResponseHook = (response) => {
  if (typeof response !== 'object' || response === null || Array.isArray(response)) return response;
  const body = typeof response.body === 'string' ? safeParse(response.body) : undefined;
  if (body === undefined) return response;
  return { ...response, body: JSON.stringify({ ...body, status: 'duplicate' }) };
};

const safeParse = (text: string): Record<string, JSONValue> | undefined => {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, JSONValue>)
      : undefined;
  } catch {
    return undefined;
  }
};
