import type { MiddlewareObj, Request } from '@middy/core';
import { type Accepted, answerOf, recordOutcome } from './webhook-outcome';

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
