/** The body of an HTTP request as API Gateway hands it to Lambda. */
export interface EncodedBody {
  readonly body: string | null | undefined;
  readonly isBase64Encoded?: boolean | undefined;
}

/**
 * The exact bytes the sender put on the wire. API Gateway HTTP APIs base64-encode form bodies
 * (`isBase64Encoded`); signatures are computed over the decoded bytes, never over the base64 text.
 *
 * @example
 * ```ts
 * rawBodyBytes({ body: 'aGk=', isBase64Encoded: true }).toString(); // 'hi'
 * ```
 */
export const rawBodyBytes = ({ body, isBase64Encoded }: EncodedBody): Buffer => {
  if (body === null || body === undefined) return Buffer.alloc(0);
  return Buffer.from(body, isBase64Encoded ? 'base64' : 'utf8');
};
