import { type JWTPayload, type JWTVerifyGetKey, jwtVerify } from 'jose';
import { AccessTokenError } from '../errors';
import { joseFailure, keyResolutionFailure } from './jose-failures';
import { grantedScopes } from './scopes';

/**
 * The signature algorithms an access token may use: asymmetric only. `none` and the HMAC family (HS256,
 * HS384, HS512) are refused before any key is looked up, so a token can never be "signed" with a public key
 * taken for a shared secret.
 *
 * @example
 * ```ts
 * ACCESS_TOKEN_ALGORITHMS.includes('ES256'); // true
 * ```
 */
export const ACCESS_TOKEN_ALGORITHMS: readonly string[] = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
];

/**
 * How far the clocks of the issuer and of this function may disagree when `exp` and `nbf` are checked.
 *
 * @example
 * ```ts
 * verifyAccessToken({ ...input, clockSkewSeconds: CLOCK_SKEW_SECONDS });
 * ```
 */
export const CLOCK_SKEW_SECONDS = 30;

/** Longer than any access token of Cognito, Entra ID, Okta or Auth0; anything longer is refused unparsed. */
const MAX_TOKEN_LENGTH = 16 * 1024;
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/** Input of {@link verifyAccessToken}. */
export interface VerifyAccessTokenInput {
  /** The compact JWT, without the `Bearer ` prefix; `undefined` when the request had none. */
  readonly token: string | undefined;
  /** The issuer identifier the `iss` claim must equal exactly. */
  readonly issuer: string;
  /** Accepted audiences: `aud` must name one; a token without `aud` may name one in `client_id` (Cognito). */
  readonly audience: string | readonly string[];
  /** Resolves the verification key from the token's header (a JWKS lookup by `kid` and `alg`). */
  readonly getKey: JWTVerifyGetKey;
  /** The scope the route requires, if any. */
  readonly requiredScope?: string | undefined;
  /** The current time; default now. */
  readonly now?: Date | undefined;
  /** Default {@link CLOCK_SKEW_SECONDS}. */
  readonly clockSkewSeconds?: number | undefined;
}

/** What a verified token says. */
export interface VerifiedAccessToken {
  readonly claims: JWTPayload;
  readonly scopes: ReadonlySet<string>;
  /** The `sub` claim, when there is one: the caller, for the log. */
  readonly subject: string | undefined;
}

/**
 * Verifies a bearer access token (a JWS-signed JWT): the shape, an allowed asymmetric algorithm, the
 * signature against the issuer's key, `iss`, the audience, `exp` (required) and `nbf` within the clock skew,
 * then the required scope (`scope` or `scp` claim). Every failure is an {@link AccessTokenError} whose
 * `reason` says what was wrong; no input makes it throw anything else.
 *
 * @example
 * ```ts
 * const verified = await verifyAccessToken({
 *   token, issuer: 'https://issuer.example.com', audience: 'genesys-events', getKey, requiredScope: 'conversations:read',
 * });
 * verified.subject; // 'client-42'
 * ```
 */
export const verifyAccessToken = async (input: VerifyAccessTokenInput): Promise<VerifiedAccessToken> => {
  const token = wellFormed(input.token);
  const claims = await verifiedClaims(token, input);
  checkAudience(claims, [input.audience].flat());
  const scopes = grantedScopes(claims);
  if (input.requiredScope !== undefined && !scopes.has(input.requiredScope)) {
    throw new AccessTokenError('insufficient_scope', 'the token does not grant the required scope', {
      requiredScope: input.requiredScope,
      grantedScopes: scopes.size,
    });
  }
  return { claims, scopes, subject: typeof claims.sub === 'string' ? claims.sub : undefined };
};

const wellFormed = (token: string | undefined): string => {
  if (token === undefined || token === '') throw new AccessTokenError('missing_token', 'no bearer token');
  if (token.length > MAX_TOKEN_LENGTH) {
    throw new AccessTokenError('malformed_token', 'the token is too long', { length: token.length });
  }
  if (!COMPACT_JWS.test(token)) {
    throw new AccessTokenError('malformed_token', 'the token is not a compact JWS', { length: token.length });
  }
  return token;
};

const verifiedClaims = async (token: string, input: VerifyAccessTokenInput): Promise<JWTPayload> => {
  const getKey: JWTVerifyGetKey = async (header, jws) => {
    try {
      return await input.getKey(header, jws);
    } catch (error) {
      throw keyResolutionFailure(error);
    }
  };
  try {
    const { payload } = await jwtVerify(token, getKey, {
      algorithms: [...ACCESS_TOKEN_ALGORITHMS],
      issuer: input.issuer,
      requiredClaims: ['exp'],
      clockTolerance: input.clockSkewSeconds ?? CLOCK_SKEW_SECONDS,
      ...(input.now ? { currentDate: input.now } : {}),
    });
    return payload;
  } catch (error) {
    throw error instanceof AccessTokenError ? error : joseFailure(error, token);
  }
};

const checkAudience = (claims: JWTPayload, accepted: readonly string[]): void => {
  const named = claims.aud === undefined ? [claims.client_id] : [claims.aud].flat();
  if (named.some((audience) => typeof audience === 'string' && accepted.includes(audience))) return;
  throw new AccessTokenError('wrong_audience', 'the token is meant for another audience', {
    audienceClaim: claims.aud === undefined ? 'client_id' : 'aud',
  });
};
