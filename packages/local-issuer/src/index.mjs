export { discoveryDocument, startLocalIssuer } from './local-issuer.mjs';
export { LOCAL_SUBJECT, mintAccessToken } from './mint-access-token.mjs';
export { loadOrCreateSigningKey, SIGNING_KEY_FILE } from './signing-key.mjs';
export { DEFAULT_TTL_SECONDS, MAX_TTL_SECONDS, parseTokenRequest } from './token-request.mjs';
