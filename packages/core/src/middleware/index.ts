export { guardWebhookRequest, type GuardWebhookRequestOptions, EVENTBRIDGE_ENTRY_LIMIT_BYTES } from './guard-webhook-request';
export { type WarnLogger, type WebhookHttpEvent, httpMethodOf } from './http-event';
export { jsonErrorBody } from './json-error';
export { mapDomainErrors, type MapDomainErrorsOptions } from './map-domain-errors';
export {
  type VerifiedWebhookEvent,
  verifyWebhookSignature,
  type VerifyWebhookSignatureOptions,
} from './verify-webhook-signature';
