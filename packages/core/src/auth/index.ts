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
