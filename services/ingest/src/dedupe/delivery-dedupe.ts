import { IdempotencyConfig } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { makeHandlerIdempotent } from '@aws-lambda-powertools/idempotency/middleware';
import type { ResponseHook } from '@aws-lambda-powertools/idempotency/types';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { MiddlewareObj, Request } from '@middy/core';

type JSONValue = Parameters<ResponseHook>[0];

/** Options of {@link dedupeDeliveries}. */
export interface DedupeDeliveriesOptions {
  readonly tableName: string;
  readonly ttlSeconds: number;
  readonly client: DynamoDBClient;
}

/** Marks a request that recorded its own in-progress delivery, and so may delete it on failure. */
const OWNS_RECORD = 'genesysEvents.dedupe.ownsRecord';

/**
 * Drops redeliveries, durably, with Powertools Idempotency on DynamoDB, keyed on `event.delivery.dedupeKey`
 * (set by the route: the seed `X-Genesys-Delivery-Id`, an Open Messaging message's id and time).
 * A first delivery is recorded as in progress and completed with its answer once published; a redelivery
 * gets that answer again, marked `duplicate`, and is not published; a redelivery while the first is in
 * flight is refused (503, retry). A failed publish deletes the record so the retry goes through.
 * Requests without a key are not deduplicated here (consumers dedupe on content).
 *
 * Only a request that recorded the delivery itself deletes it on failure: Powertools 2.35 would also
 * delete the first delivery's record when refusing a concurrent redelivery
 * (powertools-lambda-typescript#5675), letting a third delivery publish the event again.
 *
 * @example
 * ```ts
 * middy(handler).use(recognisePayload(...)).use(dedupeDeliveries({ tableName, ttlSeconds: 86400, client }));
 * ```
 */
export const dedupeDeliveries = ({ tableName, ttlSeconds, client }: DedupeDeliveriesOptions): MiddlewareObj => {
  const idempotency = makeHandlerIdempotent({
    persistenceStore: new DynamoDBPersistenceLayer({ tableName, awsSdkV3Client: client }),
    keyPrefix: 'genesys-delivery',
    config: new IdempotencyConfig({
      eventKeyJmesPath: 'delivery.dedupeKey',
      throwOnNoIdempotencyKey: false,
      expiresAfterSeconds: ttlSeconds,
      responseHook: markAsDuplicate,
    }),
  });

  const { before, after, onError } = idempotency as Required<MiddlewareObj>;
  const internal = (request: Request) => request.internal as Record<string, unknown>;

  // Requests without a key (most of them: consumers dedupe on content) skip the store entirely.
  const dedupeDeliveriesBefore = async (request: Request) => {
    if (!hasDedupeKey(request.event)) return undefined;
    const earlyAnswer = await before(request);
    if (earlyAnswer === undefined) internal(request)[OWNS_RECORD] = true;
    return earlyAnswer;
  };
  const dedupeDeliveriesAfter = async (request: Request) => {
    if (internal(request)[OWNS_RECORD] === true) await after(request);
  };
  const dedupeDeliveriesOnError = async (request: Request) => {
    if (internal(request)[OWNS_RECORD] === true) await onError(request);
  };

  return { before: dedupeDeliveriesBefore, after: dedupeDeliveriesAfter, onError: dedupeDeliveriesOnError };
};

const hasDedupeKey = (event: unknown): boolean => {
  const key = (event as { delivery?: { dedupeKey?: unknown } } | null)?.delivery?.dedupeKey;
  return typeof key === 'string' && key.length > 0;
};

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
