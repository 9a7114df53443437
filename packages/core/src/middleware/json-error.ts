/**
 * The JSON body of an error answer: a stable code and a generic message, never the precise reason.
 *
 * @example
 * ```ts
 * jsonErrorBody('unauthorized', 'signature verification failed'); // '{"error":"unauthorized",...}'
 * ```
 */
export const jsonErrorBody = (error: string, message: string): string => JSON.stringify({ error, message });
