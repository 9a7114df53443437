import type { MiddlewareObj, Request } from '@middy/core';
import type { JWTVerifyGetKey } from 'jose';
import { bearerToken } from '../auth/bearer-token';
import { issuerKeys } from '../auth/issuer-keys';
import { verifyAccessToken } from '../auth/verify-access-token';
import { AccessTokenError } from '../errors';
import { headerValue } from '../http/headers';
import { accessTokenHttpError } from './access-token-http-error';
import type { WarnLogger, WebhookHttpEvent } from './http-event';

/** Options of {@link requireAccessToken}. */
export interface RequireAccessTokenOptions {
  /** The OIDC issuer identifier (`iss`); its keys are found through its discovery document. */
  readonly issuer: string;
  /** Accepted audiences (`aud`, or `client_id` for tokens without `aud`). */
  readonly audience: string | readonly string[];
  /** The scope the route requires, such as `conversations:read`. */
  readonly scope: string;
  /** Put before `scope` (a Cognito resource server identifier such as `https://api.example.com/`). */
  readonly scopePrefix?: string | undefined;
  /** Receives the precise reason of every refusal; the client only sees a generic answer. */
  readonly logger: WarnLogger;
  /** Key resolver; default the issuer's JWKS through discovery, one per issuer and cold start. */
  readonly getKey?: JWTVerifyGetKey | undefined;
  /** The clock (tests). */
  readonly now?: (() => Date) | undefined;
}

/** What a route learns of its caller, in `request.internal.accessToken`. */
export interface AccessTokenCaller {
  readonly subject: string | undefined;
  readonly scopes: readonly string[];
}

const resolvers = new Map<string, JWTVerifyGetKey>();
const keysOf = (issuer: string): JWTVerifyGetKey => {
  const known = resolvers.get(issuer);
  if (known) return known;
  const created = issuerKeys({ issuer });
  resolvers.set(issuer, created);
  return created;
};

/**
 * Requires a valid bearer access token with the route's scope, with core's {@link verifyAccessToken}: 401
 * without a valid token, 403 without the scope, each with a `WWW-Authenticate` challenge and the project's
 * JSON error body; the reason is logged, never the token. Register it after `jsonHttpErrorHandler` and the
 * logger's context middleware, before any work.
 *
 * @example
 * ```ts
 * middy(lambdaHandler)
 *   .use(jsonHttpErrorHandler({ logger }))
 *   .use(injectLambdaContext(logger))
 *   .use(requireAccessToken({ ...config.auth, scope: 'conversations:erase', logger }));
 * ```
 */
export const requireAccessToken = <E extends WebhookHttpEvent>(opts: RequireAccessTokenOptions): MiddlewareObj<E> => {
  const { logger, scope, scopePrefix = '', now = () => new Date(), ...options } = opts;
  if (!options.issuer) throw new Error('requireAccessToken: issuer is required');
  if ([options.audience].flat().length === 0) throw new Error('requireAccessToken: audience is required');
  const requiredScope = `${scopePrefix}${scope}`;
  const getKey = options.getKey ?? keysOf(options.issuer);

  const requireAccessTokenBefore = async (request: Request<E>) => {
    try {
      const token = bearerToken(headerValue(request.event.headers, 'authorization'));
      const verified = await verifyAccessToken({
        token,
        issuer: options.issuer,
        audience: options.audience,
        getKey,
        requiredScope,
        now: now(),
      });
      const caller: AccessTokenCaller = { subject: verified.subject, scopes: [...verified.scopes] };
      (request.internal as Record<string, unknown>).accessToken = caller;
    } catch (error) {
      if (!(error instanceof AccessTokenError)) throw error;
      logger.warn('request refused: access token not accepted', { reason: error.reason, ...error.details });
      throw accessTokenHttpError(error);
    }
  };

  return { before: requireAccessTokenBefore };
};
