import { EventTooLargeError, PublishError } from '@genesys-events/app-bus';
import { ClaimStoreError } from '@genesys-events/consumer-kit/once';
import { jsonErrorBody, retryLaterError, type WarnLogger } from '@genesys-events/core/middleware';
import type { MiddlewareObj } from '@middy/core';
import { createError } from '@middy/util';
import { DeliveryInFlightError } from '../dedupe/delivery-dedupe';
import { recordOutcome } from '../outcome/webhook-outcome';

/**
 * Maps ingest's own failures to HTTP: anything that kept an event from being durably published (bus or
 * deduplication store unavailable, the same delivery still in flight) is 503 so the sender retries; an
 * event too large for the bus is 413. The outcome is recorded with the precise reason (`publish_entry_failed`,
 * `delivery_in_flight`, ...). Register after `httpErrorHandler`.
 *
 * @example
 * ```ts
 * middy(lambdaHandler).use(httpErrorHandler()).use(mapIngestErrors({ logger }));
 * ```
 */
export const mapIngestErrors = ({ logger }: { logger: WarnLogger }): MiddlewareObj => {
  const mapIngestErrorsOnError = (request: { error: unknown; internal: unknown }) => {
    const { error } = request;
    if (error instanceof EventTooLargeError) {
      recordOutcome(request, { kind: 'rejected', statusCode: 413, reason: 'event_too_large' });
      logger.warn('webhook rejected: event too large for the bus', {
        reason: 'event_too_large',
        entryBytes: error.entryBytes,
      });
      request.error = createError(413, jsonErrorBody('payload_too_large', 'the event is too large'), { cause: error });
      return;
    }
    const reason = retryableReason(error);
    if (reason === undefined) return;
    recordOutcome(request, { kind: 'failed', statusCode: 503, reason });
    logger.warn('webhook not accepted: retry later', {
      reason,
      ...(error instanceof PublishError ? error.details : {}),
    });
    request.error = retryLaterError('the event could not be stored, retry later', error);
  };

  return { onError: mapIngestErrorsOnError };
};

const retryableReason = (error: unknown): string | undefined => {
  if (error instanceof PublishError) return `publish_${error.reason}`;
  if (error instanceof DeliveryInFlightError) return 'delivery_in_flight';
  if (error instanceof ClaimStoreError) return 'dedupe_store_unavailable';
  // Middy's early timeout, just before the function's own: the event was not acknowledged, so say retry.
  if (error instanceof Error && error.name === 'TimeoutError') return 'function_timeout';
  return undefined;
};
