// The request as the edge sees it, before anything is trusted: header lookup in any case and the exact
// body bytes (base64 decoded), which verification signs over.
export { type HeaderMap, headerValue, mediaType } from './headers';
export { type EncodedBody, rawBodyBytes } from './raw-body';
