import type { MiddlewareObj, Request } from '@middy/core';
import { verifyApiKey } from '../verify/api-key';
import type { WebhookHttpEvent } from './http-event';

/** Options of {@link verifyApiKeyHeader}. */
export interface VerifyApiKeyHeaderOptions<E extends WebhookHttpEvent> {
  /** The header carrying the key, looked up case-insensitively. Default `x-api-key`. */
  readonly headerName?: string;
  /** The accepted keys, current first; called per request so a cached, rotating source can back it. */
  readonly keys: (request: Request<E>) => readonly string[] | Promise<readonly string[]>;
}

/**
 * Authenticates a request by an API key header with core's {@link verifyApiKey} (constant-time, any key
 * of the list). Errors are core's domain errors; register `mapDomainErrors` to answer them (401).
 *
 * @example
 * ```ts
 * middy(lambdaHandler).use(verifyApiKeyHeader({ keys: () => config.apiKeys }));
 * ```
 */
export const verifyApiKeyHeader = <E extends WebhookHttpEvent>(
  opts: VerifyApiKeyHeaderOptions<E>,
): MiddlewareObj<E> => {
  const { headerName, keys } = opts;
  const verifyApiKeyHeaderBefore = async (request: Request<E>) => {
    verifyApiKey({ headers: request.event.headers, keys: await keys(request), ...(headerName ? { headerName } : {}) });
  };
  return { before: verifyApiKeyHeaderBefore };
};
