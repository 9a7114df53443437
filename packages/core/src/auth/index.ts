// `@genesys-events/core/auth`: bearer access tokens for the read routes (jose), behind their own entry point
// so that the webhook bundles never carry it. The Middy adapter is `@genesys-events/core/auth/middleware`.
export { AccessTokenError, type AccessTokenFailureReason } from '../errors';
export { type AccessTokenSettings, readAccessTokenSettings } from './access-token-settings';
export { bearerToken } from './bearer-token';
export { discoveryUrl, type IssuerKeysOptions, issuerKeys } from './issuer-keys';
export { grantedScopes, isScopeToken } from './scopes';
export {
  ACCESS_TOKEN_ALGORITHMS,
  CLOCK_SKEW_SECONDS,
  type VerifiedAccessToken,
  type VerifyAccessTokenInput,
  verifyAccessToken,
} from './verify-access-token';
