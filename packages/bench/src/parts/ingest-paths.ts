/**
 * The ingest paths the bench tells apart, and what each one needs of AWS on its answer path.
 */
import { benchId } from '../fixtures/bodies';
import { SCHEMES, type Scheme, type SignedWebhook, signedWebhook } from '../fixtures/webhooks';

/** Every scheme without a delivery id, and the seed header with one (the deduplicated seed path). */
export const INGEST_PATHS = [...SCHEMES, 'seedHeaderWithDeliveryId'] as const;
export type IngestPath = (typeof INGEST_PATHS)[number];

/** AWS calls of one request, by what they are for. */
export interface RoundTrips {
  /** DynamoDB PutItem: the conditional write that claims a delivery. */
  readonly claim: number;
  /** PutEvents onto the app bus. */
  readonly publish: number;
  /** DynamoDB UpdateItem: the claim marked completed with the event id. */
  readonly complete: number;
  /** Any other call (a read, a release, ...). */
  readonly other: number;
}

/**
 * The total of a request's round trips.
 *
 * @example
 * ```ts
 * totalRoundTrips({ claim: 1, publish: 1, complete: 1, other: 0 }); // 3
 * ```
 */
export const totalRoundTrips = ({ claim, publish, complete, other }: RoundTrips): number =>
  claim + publish + complete + other;

/**
 * The paths whose requests carry a dedupe key, as the service is specified: a seed delivery id, and every
 * Open Messaging message (its `id` and `channel.time`). The others are published every time they arrive.
 */
const DEDUPLICATED: ReadonlySet<IngestPath> = new Set<IngestPath>(['openMessaging', 'seedHeaderWithDeliveryId']);

/**
 * Whether a path's redeliveries are answered `duplicate` from the deliveries table.
 *
 * @example
 * ```ts
 * isDeduplicated('seedForm'); // false
 * ```
 */
export const isDeduplicated = (path: IngestPath): boolean => DEDUPLICATED.has(path);

/**
 * The most round trips a request of a path needs: a deduplicated new event is claimed, published and
 * completed (3), its redelivery is answered from the claim that fails (1); any other request is published (1).
 *
 * @example
 * ```ts
 * neededRoundTrips('openMessaging', 'redelivery'); // { claim: 1, publish: 0, complete: 0, other: 0 }
 * ```
 */
export const neededRoundTrips = (path: IngestPath, request: 'newEvent' | 'redelivery'): RoundTrips => {
  if (!isDeduplicated(path)) return { claim: 0, publish: 1, complete: 0, other: 0 };
  return request === 'newEvent'
    ? { claim: 1, publish: 1, complete: 1, other: 0 }
    : { claim: 1, publish: 0, complete: 0, other: 0 };
};

/**
 * The scheme (and so the handler and the required work) of a path.
 *
 * @example
 * ```ts
 * schemeOf('seedHeaderWithDeliveryId'); // 'seedHeader'
 * ```
 */
export const schemeOf = (path: IngestPath): Scheme => (path === 'seedHeaderWithDeliveryId' ? 'seedHeader' : path);

/**
 * The n-th new request of a path: its own conversation (and Open Messaging message), and its own delivery
 * id on the delivery id path.
 *
 * @example
 * ```ts
 * requestOf('seedHeaderWithDeliveryId', 7).request.headers?.['x-genesys-delivery-id']; // 'bench-answer-7'
 * ```
 */
export const requestOf = (path: IngestPath, n: number): SignedWebhook =>
  path === 'seedHeaderWithDeliveryId'
    ? signedWebhook('seedHeader', benchId(n), `bench-answer-${n}`)
    : signedWebhook(path, benchId(n));
