import type { MiddlewareObj } from '@middy/core';
import { createError } from '@middy/util';
import {
  GenesysEventsError,
  MalformedPayloadError,
  SignatureVerificationError,
  SourceNotAllowedError,
} from '../errors';
import type { WarnLogger } from './http-event';
import { jsonErrorBody } from './json-error';

/** Options of {@link mapDomainErrors}. */
export interface MapDomainErrorsOptions {
  /** Receives the precise reason of every rejection; the client only sees a generic message. */
  readonly logger: WarnLogger;
}

/**
 * Turns core's domain errors into HTTP errors for `@middy/http-error-handler`: a signature or API key
 * failure is 401, a source the route does not take is 403, a malformed payload is 400. The precise reason and its safe details are logged; the answer stays generic
 * so it never helps an attacker. Register it after `httpErrorHandler` (middy runs `onError` in reverse).
 *
 * @example
 * ```ts
 * middy(lambdaHandler).use(httpErrorHandler()).use(mapDomainErrors({ logger }));
 * ```
 */
export const mapDomainErrors = ({ logger }: MapDomainErrorsOptions): MiddlewareObj => {
  const mapDomainErrorsOnError = (request: { error: unknown }) => {
    const { error } = request;
    if (!(error instanceof GenesysEventsError)) return;
    if (error instanceof SignatureVerificationError) {
      logger.warn('webhook rejected: signature not verified', { reason: error.reason, ...error.details });
      request.error = createError(401, jsonErrorBody('unauthorized', 'signature verification failed'), {
        cause: error,
      });
      return;
    }
    if (error instanceof SourceNotAllowedError) {
      logger.warn('webhook rejected: source not allowed', { reason: error.reason, detail: error.message });
      request.error = createError(403, jsonErrorBody('forbidden', 'events from this source are not accepted'), {
        cause: error,
      });
      return;
    }
    logger.warn('webhook rejected: malformed payload', { reason: error.reason, detail: error.message });
    const message = error instanceof MalformedPayloadError ? error.message : 'the request could not be processed';
    request.error = createError(400, jsonErrorBody('bad_request', message), { cause: error });
  };

  return { onError: mapDomainErrorsOnError };
};
