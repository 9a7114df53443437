import { AccessTokenError } from '../errors';

/**
 * The token of an `Authorization: Bearer <token>` header value (RFC 6750 §2.1; the scheme name in any
 * case). No header is `undefined`; another scheme or an empty token is `malformed_token`.
 *
 * @example
 * ```ts
 * bearerToken('Bearer eyJhbGciOi...'); // 'eyJhbGciOi...'
 * bearerToken(undefined); // undefined
 * ```
 */
export const bearerToken = (authorization: string | undefined): string | undefined => {
  if (authorization === undefined || authorization.trim() === '') return undefined;
  const match = /^\s*bearer +([^\s]+)\s*$/i.exec(authorization);
  if (!match?.[1]) {
    throw new AccessTokenError('malformed_token', 'the Authorization header is not a bearer token', {
      // A scheme word only (`basic`): the rest of the header may be a credential.
      scheme: /^\s*([A-Za-z]{1,10})\s/.exec(authorization)?.[1]?.toLowerCase() ?? '(none)',
    });
  }
  return match[1];
};
