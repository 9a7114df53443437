import { createError } from '@middy/util';
import type { AccessTokenError } from '../errors';
import { jsonErrorBody, retryLaterError } from './json-error';

/** The realm of the `WWW-Authenticate` challenges. */
const REALM = 'genesys-events';

/**
 * The HTTP answer to a refused access token, with the project's JSON error body and the RFC 6750 §3
 * challenge: 401 `WWW-Authenticate: Bearer` (plain without a token, `error="invalid_token"` for a bad one),
 * 403 `error="insufficient_scope"` with the scope required, 503 with `Retry-After` when the issuer's keys
 * could not be fetched. The body and the header never say more than the reason class.
 *
 * @example
 * ```ts
 * throw accessTokenHttpError(new AccessTokenError('expired', 'the token expired'));
 * ```
 */
export const accessTokenHttpError = (error: AccessTokenError): Error => {
  if (error.reason === 'insufficient_scope') {
    const scope = String(error.details.requiredScope ?? '');
    return withHeaders(
      createError(403, jsonErrorBody('forbidden', 'the access token does not grant this operation'), { cause: error }),
      { 'WWW-Authenticate': `Bearer realm="${REALM}", error="insufficient_scope", scope="${scope}"` },
    );
  }
  if (error.reason === 'issuer_unavailable') {
    return retryLaterError('the access token could not be verified, retry later', error);
  }
  const challenge =
    error.reason === 'missing_token' ? `Bearer realm="${REALM}"` : `Bearer realm="${REALM}", error="invalid_token"`;
  return withHeaders(
    createError(401, jsonErrorBody('unauthorized', 'a valid bearer access token is required'), { cause: error }),
    { 'WWW-Authenticate': challenge },
  );
};

// createError keeps only cause and expose; http-error-handler copies `headers` into the answer.
const withHeaders = (error: Error, headers: Record<string, string>): Error => Object.assign(error, { headers });
