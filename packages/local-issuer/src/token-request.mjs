/** The longest lifetime the token endpoint grants: one day. */
export const MAX_TTL_SECONDS = 86_400;
/** The lifetime when the request names none: one hour. */
export const DEFAULT_TTL_SECONDS = 3600;

const SCOPE_TOKEN = /^[\x21\x23-\x5B\x5D-\x7E]+$/;

/**
 * @typedef {{ ok: true, scope: string, ttlSeconds: number } | { ok: false, error: string, description: string }} TokenRequest
 */

/**
 * Reads a token request's form (`application/x-www-form-urlencoded`): `grant_type` (only
 * `client_credentials`, may be left out), `scope` (space-separated OAuth scope tokens), `ttl` (seconds,
 * 1 to 86400, default 3600). A bad request is an RFC 6749 §5.2 error code with a description.
 *
 * @example
 * ```js
 * parseTokenRequest('scope=conversations:read&ttl=60'); // { ok: true, scope: 'conversations:read', ttlSeconds: 60 }
 * ```
 * @param {string} form
 * @returns {TokenRequest}
 */
export const parseTokenRequest = (form) => {
  const fields = new URLSearchParams(form);
  const grantType = fields.get('grant_type');
  if (grantType !== null && grantType !== 'client_credentials') {
    return { ok: false, error: 'unsupported_grant_type', description: 'only client_credentials is supported' };
  }
  const scopes = (fields.get('scope') ?? '').split(' ').filter(Boolean);
  if (!scopes.every((scope) => SCOPE_TOKEN.test(scope))) {
    return {
      ok: false,
      error: 'invalid_scope',
      description: 'scopes are printable ASCII without quotes or backslashes',
    };
  }
  const ttlText = fields.get('ttl') ?? fields.get('expires_in');
  const ttlSeconds = ttlText === null ? DEFAULT_TTL_SECONDS : Number(ttlText);
  if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1 || ttlSeconds > MAX_TTL_SECONDS) {
    return {
      ok: false,
      error: 'invalid_request',
      description: `ttl is a whole number of seconds, 1 to ${MAX_TTL_SECONDS}`,
    };
  }
  return { ok: true, scope: [...new Set(scopes)].join(' '), ttlSeconds };
};
