/**
 * Base class of every error core throws. Each carries a machine-readable `reason` so the edge can map it to
 * an HTTP status and log the precise cause, while answering the client with a generic message.
 *
 * @example
 * ```ts
 * try { verifySignature(input) } catch (error) {
 *   if (error instanceof GenesysEventsError) log.warn('rejected', { reason: error.reason });
 * }
 * ```
 */
export class GenesysEventsError extends Error {
  readonly reason: string;

  constructor(reason: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.reason = reason;
  }
}

/** Why a signature did not verify. Never carries the secret, the signature or the computed MAC. */
export type SignatureFailureReason =
  | 'missing_signature'
  | 'malformed_signature'
  | 'signature_mismatch'
  | 'missing_api_key'
  | 'api_key_mismatch'
  | 'no_secrets_configured';

/**
 * The request's signature is missing, malformed or does not match any configured secret (answered with 401).
 *
 * @example
 * ```ts
 * throw new SignatureVerificationError('signature_mismatch', 'no secret matched', { secretsTried: 2 });
 * ```
 */
export class SignatureVerificationError extends GenesysEventsError {
  declare readonly reason: SignatureFailureReason;
  /** Safe facts for the log (counts, encodings, lengths); never secret material. */
  readonly details: Readonly<Record<string, string | number | boolean>>;

  constructor(
    reason: SignatureFailureReason,
    message: string,
    details: Record<string, string | number | boolean> = {},
  ) {
    super(reason, message);
    this.details = details;
  }
}

/** Why a verified (or not yet verified) body could not be understood. */
export type MalformedPayloadReason =
  | 'empty_body'
  | 'invalid_percent_encoding'
  | 'missing_field'
  | 'duplicate_field'
  | 'invalid_json'
  | 'unrecognised_shape'
  | 'too_deeply_nested'
  | 'invalid_event';

/**
 * The body is not a well-formed payload of the expected format (answered with 400).
 *
 * @example
 * ```ts
 * throw new MalformedPayloadError('missing_field', 'form field "webhook" is missing');
 * ```
 */
export class MalformedPayloadError extends GenesysEventsError {
  declare readonly reason: MalformedPayloadReason;
}

/**
 * The event is authentic but comes from a source this route does not take, such as an EventBridge
 * envelope whose `source` is not a Genesys partner source or not of an allowed org (answered 403).
 *
 * @example
 * ```ts
 * throw new SourceNotAllowedError('source_not_allowed', 'the envelope source is not a Genesys partner source');
 * ```
 */
export class SourceNotAllowedError extends GenesysEventsError {
  declare readonly reason: 'source_not_allowed';
}

/** Why a bearer access token was refused. Never carries the token or any part of it. */
export type AccessTokenFailureReason =
  | 'missing_token'
  | 'malformed_token'
  | 'algorithm_not_allowed'
  | 'unknown_key'
  | 'bad_signature'
  | 'expired'
  | 'not_yet_valid'
  | 'wrong_issuer'
  | 'wrong_audience'
  | 'invalid_claim'
  | 'insufficient_scope'
  | 'issuer_unavailable';

/**
 * A bearer access token is missing, not a well-formed JWT, not signed by the issuer with an allowed
 * algorithm, outside its validity window, meant for another issuer or audience (answered 401), or lacks
 * the route's scope (`insufficient_scope`, answered 403). `issuer_unavailable`: the issuer's keys could not
 * be fetched, so nothing could be verified (answered 503).
 *
 * @example
 * ```ts
 * throw new AccessTokenError('expired', 'the token expired', { expiredSecondsAgo: 42 });
 * ```
 */
export class AccessTokenError extends GenesysEventsError {
  declare readonly reason: AccessTokenFailureReason;
  /** Safe facts for the log (the algorithm, the claim that failed, the scope required); never the token. */
  readonly details: Readonly<Record<string, string | number | boolean>>;

  constructor(
    reason: AccessTokenFailureReason,
    message: string,
    details: Record<string, string | number | boolean> = {},
    options?: ErrorOptions,
  ) {
    super(reason, message, options);
    this.details = details;
  }
}
