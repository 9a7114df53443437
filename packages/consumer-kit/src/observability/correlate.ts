import type { AppBusEnvelope } from '@genesys-events/core';
import type { MiddlewareObj } from '@middy/core';

/** The part of Powertools Logger that correlation needs. */
export interface CorrelatingLogger {
  setCorrelationId: (value: unknown) => void;
}

/**
 * Log lines of an invocation carry Genesys's `CorrelationId` when the event has one, else the EventBridge
 * event id, so one event can be followed across ingest, the consumers and a derived publication.
 *
 * @example
 * ```ts
 * middy(handler).use(injectLambdaContext(logger, { resetKeys: true })).use(correlateWithEvent(logger));
 * ```
 */
export const correlateWithEvent = (logger: CorrelatingLogger): MiddlewareObj<AppBusEnvelope & { id?: string }> => ({
  before: ({ event }) => {
    const detail = event.detail as { metadata?: { CorrelationId?: unknown } } | undefined;
    const correlationId = detail?.metadata?.CorrelationId;
    logger.setCorrelationId(typeof correlationId === 'string' ? correlationId : event.id);
  },
});
