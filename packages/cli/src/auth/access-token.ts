import { CliError } from '../cli/errors';
import { DEFAULT_TIMEOUT_MS, exchange, NoAnswerError } from '../http/post';

/** What the issuer's token endpoint granted. */
export interface GrantedToken {
  readonly accessToken: string;
  readonly expiresIn: number | undefined;
  readonly scope: string;
}

/** Options of {@link requestAccessToken}. */
export interface AccessTokenRequest {
  readonly issuer: string;
  /** Space-separated scopes. */
  readonly scope: string;
  readonly ttlSeconds?: number | undefined;
  readonly timeoutMs?: number | undefined;
}

const objectOf = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};

/** The token endpoint, from the issuer's discovery document. */
const tokenEndpoint = async (issuer: string, timeoutMs: number): Promise<string> => {
  const url = `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  const answer = await exchange(url, { method: 'GET', headers: { accept: 'application/json' } }, timeoutMs);
  const endpoint = objectOf(answer.json).token_endpoint;
  if (answer.status !== 200 || typeof endpoint !== 'string') {
    throw new CliError(`${issuer} has no OIDC discovery document with a token endpoint (HTTP ${answer.status})`);
  }
  return endpoint;
};

/**
 * Gets an access token from an OIDC issuer's token endpoint (found through its discovery document) with a
 * client-credentials style form: `scope` and, when given, `ttl`. Made for the local issuer of `npm run dev`,
 * which needs no client authentication. Failures are one-line {@link CliError}s that say what to do.
 *
 * @example
 * ```ts
 * const { accessToken } = await requestAccessToken({ issuer: 'http://127.0.0.1:4050', scope: 'conversations:read' });
 * ```
 */
export const requestAccessToken = async (request: AccessTokenRequest): Promise<GrantedToken> => {
  const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const form = new URLSearchParams({ grant_type: 'client_credentials', scope: request.scope });
  if (request.ttlSeconds !== undefined) form.set('ttl', String(request.ttlSeconds));
  try {
    const endpoint = await tokenEndpoint(request.issuer, timeoutMs);
    const init = { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `${form}` };
    const answer = await exchange(endpoint, init, timeoutMs);
    const body = objectOf(answer.json);
    if (answer.status !== 200 || typeof body.access_token !== 'string') {
      const reason = [body.error, body.error_description].filter((part) => typeof part === 'string').join(': ');
      throw new CliError(`the issuer refused the token request (HTTP ${answer.status}${reason ? `, ${reason}` : ''})`);
    }
    const expiresIn = typeof body.expires_in === 'number' ? body.expires_in : undefined;
    return { accessToken: body.access_token, expiresIn, scope: typeof body.scope === 'string' ? body.scope : '' };
  } catch (error) {
    if (!(error instanceof NoAnswerError)) throw error;
    throw new CliError(`no token from ${request.issuer}: ${error.message}; start npm run dev, or pass --issuer`, {
      cause: error,
    });
  }
};
