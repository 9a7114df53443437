import { jsonResponse } from '@genesys-events/core/middleware';
import type { MiddlewareObj, Request } from '@middy/core';
import { logger } from '../observability/logger';
import { DeliveryInFlightError } from './dedupe-errors';
import { type DeliveryRecords, parseRecordedAnswer, type RecordedAnswer } from './delivery-records';

/**
 * How long a delivery in progress blocks its redeliveries: longer than the function's 8 s timeout, so
 * only a claim whose request has certainly ended (crashed, timed out) is ever taken over.
 */
export const DELIVERY_LOCK_MS = 10_000;

/** The claim a request holds on its delivery, between `before` and `after`/`onError`. */
const CLAIM = 'genesysEvents.dedupe.claim';

interface HeldClaim {
  readonly dedupeKey: string;
  readonly token: string;
}

/**
 * Drops redeliveries, durably, keyed on `event.delivery.dedupeKey` (set by the route: the seed
 * `X-Genesys-Delivery-Id`, an Open Messaging message's id and time). A first delivery is claimed with one
 * conditional write and completed with its answer once published; a redelivery gets that answer again,
 * marked `duplicate`, and is not published; a redelivery while the first is in flight is refused (503,
 * retry). A request whose publish failed releases its claim so that the retry goes through. Requests
 * without a key skip the table (consumers dedupe on content).
 *
 * @example
 * ```ts
 * const records = deliveryRecords({ client, tableName, ttlSeconds: 86_400, lockMs: DELIVERY_LOCK_MS });
 * middy(handler).use(recognisePayload(...)).use(dedupeDeliveries({ records }));
 * ```
 */
export const dedupeDeliveries = ({ records }: { records: DeliveryRecords }): MiddlewareObj => {
  const internal = (request: Request) => request.internal as Record<string, HeldClaim | undefined>;

  const dedupeDeliveriesBefore = async (request: Request) => {
    const dedupeKey = dedupeKeyOf(request.event);
    if (dedupeKey === undefined) return undefined;
    const claim = await records.claim(dedupeKey);
    if (claim.kind === 'in-flight') throw new DeliveryInFlightError();
    if (claim.kind === 'completed') return duplicateAnswer(claim.answer);
    internal(request)[CLAIM] = { dedupeKey, token: claim.token };
    return undefined;
  };
  const dedupeDeliveriesAfter = async (request: Request) => {
    const held = internal(request)[CLAIM];
    if (!held) return;
    // Completed is final: a failure in a later middleware must not release a published delivery.
    internal(request)[CLAIM] = undefined;
    await completeQuietly(records, held, parseRecordedAnswer(bodyOf(request.response)));
  };
  const dedupeDeliveriesOnError = async (request: Request) => {
    const held = internal(request)[CLAIM];
    if (held) await releaseQuietly(records, held);
  };

  return { before: dedupeDeliveriesBefore, after: dedupeDeliveriesAfter, onError: dedupeDeliveriesOnError };
};

const bodyOf = (response: unknown): string | undefined => {
  const body = (response as { body?: unknown } | null | undefined)?.body;
  return typeof body === 'string' ? body : undefined;
};

const dedupeKeyOf = (event: unknown): string | undefined => {
  const key = (event as { delivery?: { dedupeKey?: unknown } } | null)?.delivery?.dedupeKey;
  return typeof key === 'string' && key.length > 0 ? key : undefined;
};

/**
 * The event is already on the bus when the claim is completed, so a failure here must not turn the
 * answer into an error: the claim's lock then lapses and a later redelivery is published again, which
 * the consumers' content keys absorb.
 */
const completeQuietly = async (records: DeliveryRecords, held: HeldClaim, answer: RecordedAnswer) => {
  try {
    await records.complete(held.dedupeKey, held.token, answer);
  } catch (error) {
    logger.warn('delivery published but not recorded as completed', {
      reason: 'dedupe_record_not_completed',
      errorName: (error as Error | undefined)?.name,
    });
  }
};

/** The request is failing already; a claim that cannot be released lapses with its lock. */
const releaseQuietly = async (records: DeliveryRecords, held: HeldClaim) => {
  try {
    await records.release(held.dedupeKey, held.token);
  } catch (error) {
    logger.warn('delivery claim not released; it lapses with its lock', {
      reason: 'dedupe_claim_not_released',
      errorName: (error as Error | undefined)?.name,
    });
  }
};

/**
 * A redelivery's answer: 200, status `duplicate`, and the first delivery's event id and detail type.
 *
 * @example
 * ```ts
 * duplicateAnswer({ eventId: 'e', detailType: 'conversation:created' }).body;
 * // '{"status":"duplicate","eventId":"e","detailType":"conversation:created"}'
 * ```
 */
export const duplicateAnswer = (answer: RecordedAnswer) => jsonResponse(200, { status: 'duplicate', ...answer });
