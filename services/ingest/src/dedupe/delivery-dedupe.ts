import { type Claim, type ClaimRecords, claimRecords } from '@genesys-events/consumer-kit/once';
import type { MiddlewareObj, Request } from '@middy/core';
import type { DeliveriesConfig } from '../config';
import { logger } from '../observability/logger';
import { answerEarly } from '../outcome/report-outcome';
import { recordedOutcome, recordOutcome } from '../outcome/webhook-outcome';

/**
 * How long a delivery in progress blocks its redeliveries: longer than the function's 8 s timeout, so
 * only a claim whose request has certainly ended (crashed, timed out) is ever taken over.
 */
export const DELIVERY_LOCK_MS = 10_000;

/** Another request is handling the same delivery right now (503, the sender retries). */
export class DeliveryInFlightError extends Error {
  constructor() {
    super('the same delivery is still being handled');
    this.name = 'DeliveryInFlightError';
  }
}

/** What a delivery was published as: the ids its completed record keeps for redeliveries. */
export type PublishedAs = { eventId: string; detailType: string };

/** The deliveries table: the consumer kit's once-only claims, completed with the published ids. */
export type DeliveryRecords = ClaimRecords<PublishedAs>;

/**
 * The deliveries table of a route that deduplicates (only such routes' handlers import this module, so
 * the EventBridge route loads no DynamoDB client and needs no table).
 *
 * @example
 * ```ts
 * seedRoute({ secrets, deliveries: deliveriesTable(readDeliveriesConfig(process.env)) });
 * ```
 */
export const deliveriesTable = (config: DeliveriesConfig): DeliveryRecords =>
  claimRecords<PublishedAs>({ ...config, lockMs: DELIVERY_LOCK_MS, resultFields: ['eventId', 'detailType'] });

/** The claim a request holds on its delivery, between `before` and `after`/`onError`. */
const CLAIM_KEY = 'genesys-events.dedupe.claim';

interface HeldClaim {
  readonly dedupeKey: string;
  readonly token: string;
  /** Set when the delivery id had been used for other content: the first content's event id, if known. */
  readonly reusedAfter?: { readonly firstEventId?: string | undefined };
}

/**
 * Drops redeliveries, durably, keyed on `event.delivery.dedupeKey` (set by the route: the seed
 * `X-Genesys-Delivery-Id`, an Open Messaging message's id and time) and `contentKey` (the event's content
 * key). A first delivery is claimed with one conditional write and completed with its event id once
 * published; a redelivery of the same content is answered `duplicate` with that event id (early, from
 * `before`) and not published; one while the first is in flight is refused (503, retry). A delivery id
 * that comes back with other content is never dropped: it is claimed again under its id and content
 * together, published as a new event and recorded on the outcome as a reused delivery id. A request whose
 * publish failed releases its claim so that the retry goes through. Requests without a key skip the table.
 *
 * @example
 * ```ts
 * middy(handler).use(recognisePayload(...)).use(dedupeDeliveries({ records: deliveriesTable(config) }));
 * ```
 */
export const dedupeDeliveries = ({ records }: { records: DeliveryRecords }): MiddlewareObj => {
  const internal = (request: Request) => request.internal as Record<string, HeldClaim | undefined>;

  const dedupeDeliveriesBefore = async (request: Request) => {
    const { dedupeKey, contentKey } = deliveryOf(request.event);
    if (!dedupeKey || !contentKey) return undefined;
    const first = await records.claim(dedupeKey, contentKey);
    const reused = first.kind !== 'claimed' && first.contentKey !== contentKey;
    // The id and the content together name the reused delivery, so that its own redeliveries are dropped;
    // no route's key starts with `reused:`.
    const claimKey = reused ? `reused:${contentKey}:${dedupeKey}` : dedupeKey;
    const claim = reused ? await records.claim(claimKey, contentKey) : first;
    if (claim.kind === 'in-flight') throw new DeliveryInFlightError();
    if (claim.kind === 'completed') return answerEarly(request, { kind: 'duplicate', ...claim.result });
    internal(request)[CLAIM_KEY] = {
      dedupeKey: claimKey,
      token: claim.token,
      ...(reused ? { reusedAfter: { firstEventId: firstEventIdOf(first) } } : {}),
    };
    return undefined;
  };
  const dedupeDeliveriesAfter = async (request: Request) => {
    const held = internal(request)[CLAIM_KEY];
    if (!held) return;
    // Completed is final: a failure in a later middleware must not release a published delivery.
    internal(request)[CLAIM_KEY] = undefined;
    const outcome = recordedOutcome(request);
    if (outcome?.kind !== 'accepted') return releaseQuietly(records, held);
    await completeQuietly(records, held, outcome);
    if (held.reusedAfter) recordOutcome(request, { ...outcome, deliveryIdReused: held.reusedAfter });
  };
  const dedupeDeliveriesOnError = async (request: Request) => {
    const held = internal(request)[CLAIM_KEY];
    if (held) await releaseQuietly(records, held);
  };

  return { before: dedupeDeliveriesBefore, after: dedupeDeliveriesAfter, onError: dedupeDeliveriesOnError };
};

const deliveryOf = (event: unknown): { dedupeKey?: string; contentKey?: string } =>
  (event as { delivery?: { dedupeKey?: string; contentKey?: string } } | null)?.delivery ?? {};

const firstEventIdOf = (claim: Claim<PublishedAs>): string | undefined =>
  claim.kind === 'completed' ? claim.result.eventId : undefined;

/**
 * Runs a table write whose failure must not change the answer, and logs it instead (ids and reasons only).
 * Completing: the event is already on the bus, so the claim's lock lapses and a later redelivery is
 * published again, which the consumers' content keys absorb. Releasing: the request is failing already,
 * and the claim lapses with its lock.
 */
const quietly = async (write: Promise<void>, message: string, reason: string): Promise<void> => {
  try {
    await write;
  } catch (error) {
    logger.warn(message, { reason, errorName: (error as Error | undefined)?.name });
  }
};

// The claim store writes only its declared result fields, so the accepted outcome is passed as it is.
const completeQuietly = (records: DeliveryRecords, held: HeldClaim, publishedAs: PublishedAs) =>
  quietly(
    records.complete(held.dedupeKey, held.token, publishedAs),
    'delivery published but not recorded as completed',
    'dedupe_record_not_completed',
  );

const releaseQuietly = (records: DeliveryRecords, held: HeldClaim) =>
  quietly(
    records.release(held.dedupeKey, held.token),
    'delivery claim not released; it lapses with its lock',
    'dedupe_claim_not_released',
  );
