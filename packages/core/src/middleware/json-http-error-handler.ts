import type { MiddlewareObj } from '@middy/core';
import httpErrorHandler from '@middy/http-error-handler';
import { jsonErrorBody } from './json-error';

/** The logger the handler reports unexpected failures to; Powertools Logger and `console` both fit. */
export interface ErrorLogger {
  error: (message: string, ...extra: Record<string, unknown>[]) => void;
}

/**
 * `@middy/http-error-handler` as every route of the project uses it: HTTP errors answered as they are,
 * anything else as a generic JSON 500 that reveals nothing. Client errors were logged with their reason
 * where they were mapped, so only unexpected failures (no status, or 5xx) are logged here.
 *
 * @example
 * ```ts
 * middy(lambdaHandler).use(jsonHttpErrorHandler({ logger }));
 * ```
 */
export const jsonHttpErrorHandler = ({ logger }: { logger: ErrorLogger }): MiddlewareObj =>
  httpErrorHandler({
    fallbackMessage: jsonErrorBody('internal', 'unexpected error'),
    logger: (error: unknown) => {
      const statusCode = (error as { statusCode?: number } | null)?.statusCode;
      if (statusCode === undefined || statusCode >= 500) {
        logger.error('request failed unexpectedly', { error: error instanceof Error ? error : String(error) });
      }
    },
  }) as MiddlewareObj;
