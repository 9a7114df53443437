import { jsonResponse } from '@genesys-events/core/middleware';
import type { MiddlewareObj, Request } from '@middy/core';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

/** The event is on the app bus. */
export interface Accepted {
  readonly kind: 'accepted';
  readonly eventId: string;
  readonly detailType: string;
  /** Set when the delivery id had already been used for other content (`firstEventId`: what that was). */
  readonly deliveryIdReused?: { readonly firstEventId?: string | undefined };
}

/** A redelivery of content already on the bus: answered with the first delivery's ids, not published. */
export interface Duplicate {
  readonly kind: 'duplicate';
  readonly eventId?: string | undefined;
  readonly detailType?: string | undefined;
}

/**
 * The event was not taken: `rejected`, it can never be accepted as it is (4xx); `failed`, it could not be
 * taken now (5xx; 503 means the sender should retry). `reason` is the precise, logged reason.
 */
export interface Refused {
  readonly kind: 'rejected' | 'failed';
  readonly statusCode: number;
  readonly reason: string;
}

/** What became of one webhook request: recorded once by the pipeline, read by metrics, log and dedupe. */
export type WebhookOutcome = Accepted | Duplicate | Refused;

/** Where the outcome lives in Middy's `request.internal` (Powertools' keys are `powertools-for-aws.*`). */
const OUTCOME_KEY = 'genesys-events.outcome';

/** The part of a Middy request the outcome is kept on. */
export interface OutcomeHolder {
  internal: unknown;
}

/**
 * Records the request's outcome, replacing any recorded before.
 *
 * @example
 * ```ts
 * recordOutcome(request, { kind: 'duplicate', eventId: 'evt-1' });
 * ```
 */
export const recordOutcome = (request: OutcomeHolder, outcome: WebhookOutcome): void => {
  (request.internal as Record<string, unknown>)[OUTCOME_KEY] = outcome;
};

/**
 * The outcome recorded so far, if any.
 *
 * @example
 * ```ts
 * recordedOutcome(request)?.kind; // 'accepted'
 * ```
 */
export const recordedOutcome = (request: OutcomeHolder): WebhookOutcome | undefined =>
  (request.internal as Record<string, WebhookOutcome | undefined>)[OUTCOME_KEY];

/**
 * The 200 answer of an event on the bus: `accepted` or `duplicate`, with the event id and detail type.
 *
 * @example
 * ```ts
 * answerOf({ kind: 'duplicate', eventId: 'e' }).body; // '{"status":"duplicate","eventId":"e"}'
 * ```
 */
export const answerOf = ({ kind, eventId, detailType }: Accepted | Duplicate): APIGatewayProxyStructuredResultV2 =>
  jsonResponse(200, { status: kind, eventId, detailType });

/**
 * The outcome of a request that ended in an HTTP error (after the error handlers mapped it): 4xx is
 * rejected, anything else failed; the reason is the domain reason the error was mapped from, when it
 * has one (`signature_mismatch`, `payload_too_large`), else the status (`status_500`).
 *
 * @example
 * ```ts
 * outcomeOfError(createError(401, body, { cause: signatureError })); // { kind: 'rejected', statusCode: 401, reason: 'signature_mismatch' }
 * ```
 */
export const outcomeOfError = (error: unknown): Refused => {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  const statusCode = typeof status === 'number' ? status : 500;
  const cause = (error as { cause?: { reason?: unknown } } | null)?.cause;
  const reason = typeof cause?.reason === 'string' ? cause.reason : `status_${statusCode}`;
  return { kind: statusCode >= 400 && statusCode < 500 ? 'rejected' : 'failed', statusCode, reason };
};

/**
 * The handler returns its outcome as a value; this records it and turns it into the 200 answer. Register
 * it last, so that its `after` runs first and deduplication, metrics and the log all read the recorded
 * value, never the answer's text.
 *
 * @example
 * ```ts
 * middy((event) => acceptWebhook(event, deps)).use(dedupeDeliveries({ records })).use(answerAccepted());
 * ```
 */
export const answerAccepted = (): MiddlewareObj => {
  const answerAcceptedAfter = (request: Request) => {
    const outcome = request.response as Accepted;
    recordOutcome(request, outcome);
    request.response = answerOf(outcome);
  };
  return { after: answerAcceptedAfter };
};
