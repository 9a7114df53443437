/**
 * Where a read route's access tokens come from and whom they must be for, as its config module reads them.
 *
 * @example
 * ```ts
 * const settings: AccessTokenSettings = { issuer: 'http://127.0.0.1:4050', audience: ['genesys-events'], scopePrefix: '' };
 * ```
 */
export interface AccessTokenSettings {
  /** `OIDC_ISSUER_URL`: the issuer identifier, exactly as the tokens' `iss` says it. */
  readonly issuer: string;
  /** `OIDC_AUDIENCE`: comma-separated accepted audiences. */
  readonly audience: readonly string[];
  /** `OIDC_SCOPE_PREFIX`: put before each route's scope (Cognito: `<resource server identifier>/`). */
  readonly scopePrefix: string;
}

/**
 * Reads `OIDC_ISSUER_URL`, `OIDC_AUDIENCE` and the optional `OIDC_SCOPE_PREFIX`; a missing value fails
 * with its name. Call it once, at cold start, in the service's config module.
 *
 * @example
 * ```ts
 * const auth = readAccessTokenSettings(process.env);
 * middy(handler).use(requireAccessToken({ ...auth, scope: 'conversations:read', logger }));
 * ```
 */
export const readAccessTokenSettings = (env: Readonly<Record<string, string | undefined>>): AccessTokenSettings => {
  const issuer = env.OIDC_ISSUER_URL?.trim();
  if (!issuer) throw new Error('missing configuration: OIDC_ISSUER_URL');
  const audience = (env.OIDC_AUDIENCE ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (audience.length === 0) throw new Error('missing configuration: OIDC_AUDIENCE');
  return { issuer, audience, scopePrefix: env.OIDC_SCOPE_PREFIX?.trim() ?? '' };
};
