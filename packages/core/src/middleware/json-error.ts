import { createError } from '@middy/util';

/**
 * The JSON body of an error answer: a stable code and a generic message, never the precise reason.
 *
 * @example
 * ```ts
 * jsonErrorBody('unauthorized', 'signature verification failed'); // '{"error":"unauthorized",...}'
 * ```
 */
export const jsonErrorBody = (error: string, message: string): string => JSON.stringify({ error, message });

/** Seconds a caller is asked to wait before retrying a 503. */
const RETRY_AFTER_SECONDS = '5';

/**
 * The 503 answer of a request that could not be done durably right now (the bus or a store unavailable):
 * a generic JSON body and `Retry-After`, exposed although 5xx so that the caller sees them and retries.
 * Nothing was promised, so a retry is always safe.
 *
 * @example
 * ```ts
 * request.error = retryLaterError('the event could not be stored, retry later', request.error);
 * ```
 */
export const retryLaterError = (message: string, cause: unknown): Error => {
  const unavailable = createError(503, jsonErrorBody('unavailable', message), { cause, expose: true });
  return Object.assign(unavailable, { headers: { 'Retry-After': RETRY_AFTER_SECONDS } });
};
