import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';
import { AccessTokenError } from '../errors';

/** Options of {@link issuerKeys}. */
export interface IssuerKeysOptions {
  /** The issuer identifier; its discovery document is `<issuer>/.well-known/openid-configuration`. */
  readonly issuer: string;
  /** How long to wait for the discovery document and the JWKS, in milliseconds. Default 3000. */
  readonly timeoutMs?: number;
  /** The least time between two JWKS fetches for unknown key ids, in milliseconds. Default 30 000. */
  readonly cooldownMs?: number;
  /** The `fetch` to use for the discovery document (tests); default the global one. */
  readonly fetch?: typeof fetch;
}

/**
 * The discovery document's URL of an issuer (OpenID Connect Discovery 1.0 §4).
 *
 * @example
 * ```ts
 * discoveryUrl('https://login.example.com/tenant/v2.0/'); // 'https://login.example.com/tenant/v2.0/.well-known/openid-configuration'
 * ```
 */
export const discoveryUrl = (issuer: string): string =>
  `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;

const fetchJwksUri = async (options: IssuerKeysOptions): Promise<URL> => {
  const fetchImpl = options.fetch ?? fetch;
  const response = await fetchImpl(discoveryUrl(options.issuer), {
    headers: { accept: 'application/json' },
    redirect: 'manual',
    signal: AbortSignal.timeout(options.timeoutMs ?? 3000),
  });
  if (response.status !== 200) throw new Error(`the discovery document answered HTTP ${response.status}`);
  const document = (await response.json()) as { issuer?: unknown; jwks_uri?: unknown };
  if (document.issuer !== options.issuer) throw new Error('the discovery document names another issuer');
  if (typeof document.jwks_uri !== 'string') throw new Error('the discovery document has no jwks_uri');
  return new URL(document.jwks_uri);
};

/**
 * The key resolver of an OIDC issuer, for {@link verifyAccessToken}'s `getKey`: the JWKS found through
 * the issuer's discovery document (`jwks_uri`), so Cognito, Entra ID, Okta and Auth0 all work with their
 * issuer URL alone. Nothing is fetched until the first token; the document is then kept for the life of
 * the resolver (a cold start), and jose's remote JWKS caches the keys and refetches them (at most every
 * `cooldownMs`) when a token names a key it does not know, so key rotation needs no restart. A failed discovery is
 * retried on the next token and surfaces as `AccessTokenError('issuer_unavailable')`.
 *
 * @example
 * ```ts
 * const getKey = issuerKeys({ issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf' });
 * await verifyAccessToken({ token, issuer, audience, getKey });
 * ```
 */
export const issuerKeys = (options: IssuerKeysOptions): JWTVerifyGetKey => {
  let keySet: Promise<JWTVerifyGetKey> | undefined;
  const load = async (): Promise<JWTVerifyGetKey> => {
    try {
      const jwksUri = await fetchJwksUri(options);
      return createRemoteJWKSet(jwksUri, {
        timeoutDuration: options.timeoutMs ?? 3000,
        cooldownDuration: options.cooldownMs ?? 30_000,
      });
    } catch (error) {
      keySet = undefined;
      throw new AccessTokenError(
        'issuer_unavailable',
        'the issuer discovery document could not be read',
        { failure: error instanceof Error ? error.message.slice(0, 120) : typeof error },
        { cause: error },
      );
    }
  };
  return async (header, token) => {
    keySet ??= load();
    return (await keySet)(header, token);
  };
};
