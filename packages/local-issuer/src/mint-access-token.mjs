import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';

/** A subject for local tokens: who is calling. */
export const LOCAL_SUBJECT = 'local-developer';

/**
 * @typedef {object} MintOptions
 * @property {import('./signing-key.mjs').SigningKey} key
 * @property {string} issuer The `iss` claim.
 * @property {string} audience The `aud` claim.
 * @property {string} [scope] Space-separated scopes (`scope` claim); none when empty.
 * @property {number} [ttlSeconds] Lifetime, default 3600.
 * @property {Record<string, unknown>} [claims] Claims that replace the defaults (tests craft expired,
 *   not-yet-valid or foreign tokens with these); an `undefined` value removes a claim.
 * @property {Record<string, unknown>} [header] Protected header members that replace the defaults.
 * @property {Date} [now] The issue time, default now.
 */

/**
 * An access token as an OAuth client-credentials grant gets it (RFC 9068 shape): `iss`, `aud`, `sub`,
 * `client_id`, `scope`, `iat`, `exp`, `jti`, signed with the key's algorithm and `kid`.
 *
 * @example
 * ```js
 * const token = await mintAccessToken({ key, issuer: 'http://127.0.0.1:4050', audience: 'genesys-events', scope: 'conversations:read' });
 * ```
 * @param {MintOptions} options
 * @returns {Promise<string>}
 */
export const mintAccessToken = ({
  key,
  issuer,
  audience,
  scope = '',
  ttlSeconds = 3600,
  claims = {},
  header = {},
  now,
}) => {
  const issuedAt = Math.floor((now ?? new Date()).getTime() / 1000);
  const payload = {
    iss: issuer,
    aud: audience,
    sub: LOCAL_SUBJECT,
    client_id: LOCAL_SUBJECT,
    ...(scope ? { scope } : {}),
    iat: issuedAt,
    exp: issuedAt + ttlSeconds,
    jti: randomUUID(),
    ...claims,
  };
  for (const [name, value] of Object.entries(payload)) if (value === undefined) delete payload[name];
  return new SignJWT(payload)
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'at+jwt', ...header })
    .sign(key.privateKey);
};
