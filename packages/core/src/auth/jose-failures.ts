import { decodeProtectedHeader } from 'jose';
import { AccessTokenError, type AccessTokenFailureReason } from '../errors';

/** What jose throws: its errors carry a stable `code`, claim errors also the claim that failed. */
interface JoseErrorLike {
  readonly code?: unknown;
  readonly claim?: unknown;
  readonly reason?: unknown;
}

const BY_CODE: Readonly<Record<string, AccessTokenFailureReason>> = {
  ERR_JOSE_ALG_NOT_ALLOWED: 'algorithm_not_allowed',
  ERR_JWS_SIGNATURE_VERIFICATION_FAILED: 'bad_signature',
  ERR_JWKS_NO_MATCHING_KEY: 'unknown_key',
  ERR_JWT_EXPIRED: 'expired',
  ERR_JWS_INVALID: 'malformed_token',
  ERR_JWT_INVALID: 'malformed_token',
  ERR_JOSE_NOT_SUPPORTED: 'malformed_token',
};

const BY_CLAIM: Readonly<Record<string, AccessTokenFailureReason>> = {
  nbf: 'not_yet_valid',
  iss: 'wrong_issuer',
  aud: 'wrong_audience',
};

const MESSAGES: Readonly<Partial<Record<AccessTokenFailureReason, string>>> = {
  algorithm_not_allowed: 'the token algorithm is not allowed',
  bad_signature: 'the token signature does not verify',
  unknown_key: 'the issuer has no key for this token',
  expired: 'the token expired',
  not_yet_valid: 'the token is not valid yet',
  wrong_issuer: 'the token comes from another issuer',
  wrong_audience: 'the token is meant for another audience',
  invalid_claim: 'a claim of the token is missing or invalid',
  malformed_token: 'the token is not a well-formed JWT',
};

/** The `alg` the token claims, for the log; `undefined` when its header cannot be read. */
const claimedAlgorithm = (token: string): string | undefined => {
  try {
    const { alg } = decodeProtectedHeader(token);
    return typeof alg === 'string' ? alg.slice(0, 32) : undefined;
  } catch {
    return undefined;
  }
};

/**
 * Turns what jose threw while verifying a token into an {@link AccessTokenError} with a precise reason and
 * safe details (the claimed algorithm, the failed claim); never the token. Anything jose did not classify
 * is a token it could not use: `malformed_token`.
 *
 * @example
 * ```ts
 * joseFailure(new errors.JWTExpired('"exp" claim timestamp check failed', {}), token).reason; // 'expired'
 * ```
 */
export const joseFailure = (error: unknown, token: string): AccessTokenError => {
  const { code, claim, reason } = (typeof error === 'object' && error !== null ? error : {}) as JoseErrorLike;
  const byClaim = code === 'ERR_JWT_CLAIM_VALIDATION_FAILED' && typeof claim === 'string' ? BY_CLAIM[claim] : undefined;
  const failure =
    byClaim ??
    (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED' ? 'invalid_claim' : BY_CODE[String(code)]) ??
    'malformed_token';
  const details: Record<string, string> = {};
  const algorithm = claimedAlgorithm(token);
  if (algorithm !== undefined) details.algorithm = algorithm;
  if (typeof claim === 'string') details.claim = claim.slice(0, 32);
  if (typeof reason === 'string') details.check = reason.slice(0, 32);
  if (typeof code !== 'string') details.failure = error instanceof Error ? error.name : typeof error;
  return new AccessTokenError(failure, MESSAGES[failure] ?? 'the token was refused', details);
};

/**
 * Sorts a failure of the key lookup: no key for the token's `kid`/`alg` is the token's fault
 * (`unknown_key`); anything else (the issuer unreachable, a timeout, a broken JWKS) means nothing could be
 * verified (`issuer_unavailable`).
 *
 * @example
 * ```ts
 * keyResolutionFailure(new TypeError('fetch failed')).reason; // 'issuer_unavailable'
 * ```
 */
export const keyResolutionFailure = (error: unknown): AccessTokenError => {
  if (error instanceof AccessTokenError) return error;
  const code = (error as JoseErrorLike | null)?.code;
  if (code === 'ERR_JWKS_NO_MATCHING_KEY' || code === 'ERR_JWKS_MULTIPLE_MATCHING_KEYS') {
    return new AccessTokenError('unknown_key', 'the issuer has no key for this token');
  }
  return new AccessTokenError(
    'issuer_unavailable',
    'the issuer keys could not be fetched',
    { failure: error instanceof Error ? error.name : typeof error },
    { cause: error },
  );
};
