// `@genesys-events/core/middleware`: the Middy adapters the routes share (request guard, signature and API
// key verification, domain error mapping, JSON answers and errors). The access token adapter has its own
// entry point, `@genesys-events/core/auth/middleware`, so that webhook bundles never carry jose.
export {
  EVENTBRIDGE_ENTRY_LIMIT_BYTES,
  type GuardWebhookRequestOptions,
  guardWebhookRequest,
} from './guard-webhook-request';
export { httpMethodOf, type WarnLogger, type WebhookHttpEvent } from './http-event';
export { jsonErrorBody, retryLaterError } from './json-error';
export { type ErrorLogger, jsonHttpErrorHandler } from './json-http-error-handler';
export { jsonResponse } from './json-response';
export { lowerCaseHeaders } from './lower-case-headers';
export { type MapDomainErrorsOptions, mapDomainErrors } from './map-domain-errors';
export { type VerifyApiKeyHeaderOptions, verifyApiKeyHeader } from './verify-api-key-header';
export {
  type VerifiedWebhookEvent,
  type VerifyWebhookSignatureOptions,
  verifyWebhookSignature,
} from './verify-webhook-signature';
