import { cleanupMiddlewares } from '@aws-lambda-powertools/commons';
import type { MiddlewareObj, Request } from '@middy/core';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { logger } from '../observability/logger';
import { countOutcome } from '../observability/metrics';
import type { DeliveryFacts } from '../receive/webhook-event';
import {
  answerOf,
  type Duplicate,
  outcomeOfError,
  recordedOutcome,
  recordOutcome,
  type WebhookOutcome,
} from './webhook-outcome';

/** Where `reportOutcome` leaves its report for a middleware that answers early (Powertools' pattern). */
const REPORT_KEY = 'genesys-events.report-outcome';

type Report = (request: Request) => void;

/**
 * Counts and logs what became of every request, from its recorded outcome: one metric (two for a reused
 * delivery id) and one `webhook answered` line with ids only. An errored request's outcome is the
 * rejection or failure an error mapper recorded, else the one its HTTP error says. Register it after
 * Powertools `logMetrics` and `injectLambdaContext` and before `httpErrorHandler`: its `after` and
 * `onError` then run once the answer is settled, and before the metrics are flushed and the logger reset.
 *
 * @example
 * ```ts
 * middy(handler).use(logMetrics(metrics)).use(injectLambdaContext(logger)).use(reportOutcome({ route })).use(httpErrorHandler());
 * ```
 */
export const reportOutcome = ({ route }: { route: string }): MiddlewareObj => {
  const report: Report = (request) => {
    const outcome = settledOutcome(request);
    recordOutcome(request, outcome);
    countOutcome(outcome, route);
    logOutcome(outcome, route, request.event);
  };
  const reportOutcomeBefore = (request: Request) => {
    (request.internal as Record<string, unknown>)[REPORT_KEY] = report;
  };
  return { before: reportOutcomeBefore, after: report, onError: report };
};

/**
 * Answers a request from a `before` hook. Middy then skips every `after` hook, so this records the outcome,
 * reports it, and runs Powertools' cleanup (metrics flushed, logger keys reset) before returning the answer.
 *
 * @example
 * ```ts
 * const before = async (request) => (seen ? answerEarly(request, { kind: 'duplicate', eventId }) : undefined);
 * ```
 */
export const answerEarly = async (request: Request, outcome: Duplicate): Promise<APIGatewayProxyStructuredResultV2> => {
  recordOutcome(request, outcome);
  const report = (request.internal as Record<string, Report | undefined>)[REPORT_KEY];
  report?.(request);
  await cleanupMiddlewares(request);
  return answerOf(outcome);
};

/**
 * The outcome the sender was told. After an error, an accepted or duplicate outcome recorded earlier no
 * longer holds: the rejection or failure an error mapper recorded does, else the HTTP error's own.
 */
const settledOutcome = (request: Request): WebhookOutcome => {
  const recorded = recordedOutcome(request);
  if (recorded && (request.error == null || recorded.kind === 'rejected' || recorded.kind === 'failed')) {
    return recorded;
  }
  return outcomeOfError(request.error);
};

/**
 * Rejections, failures and reused delivery ids are logged at WARN or ERROR on every stage. Accepted and
 * duplicate answers are logged at DEBUG: their metrics count them at every level, the app bus archive and
 * the lake keep every accepted event, and at production rates a line per event would be most of the
 * stage's log volume (100 events/s make about 130 GB a month of 500-byte lines). The dev stage logs at
 * DEBUG, so every answer shows locally; `--param="logLevel=DEBUG"` traces them on any stage.
 */
const levelOf = (outcome: WebhookOutcome): 'debug' | 'warn' | 'error' => {
  if (outcome.kind === 'failed') return outcome.statusCode === 503 ? 'warn' : 'error';
  if (outcome.kind === 'rejected' || (outcome.kind === 'accepted' && outcome.deliveryIdReused)) return 'warn';
  return 'debug';
};

/** Ids, statuses and reasons only: never a body, a header value other than the delivery id, or a secret. */
const logOutcome = (outcome: WebhookOutcome, route: string, event: unknown): void => {
  const { delivery, recognised } = (event ?? {}) as { delivery?: DeliveryFacts; recognised?: { kind?: string } };
  const { kind, ...details } = outcome;
  logger[levelOf(outcome)]('webhook answered', {
    outcome: kind,
    route,
    ...details,
    ...(outcome.kind === 'accepted' && outcome.deliveryIdReused ? { reason: 'delivery_id_reused' } : {}),
    deliveryId: delivery?.deliveryId,
    transport: delivery?.transport,
    recognisedAs: recognised?.kind,
  });
};
