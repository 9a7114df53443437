export * from './app-bus/app-bus-event';
export { canonicalJson, eventContentKey } from './app-bus/content-key';
export { conversationIdOf } from './app-bus/conversation-id';
export { CALL_ANALYSIS_COMPLETED, OPEN_MESSAGING_MESSAGE } from './app-bus/detail-types';
export * from './catalog';
export { type ConsumedEvent, consumedEventOf, UnusableEventError } from './consume/consumed-event';
export { eventTimeOf } from './consume/event-facts';
export * from './errors';
export { type HeaderMap, headerValue, mediaType } from './http/headers';
export { type EncodedBody, rawBodyBytes } from './http/raw-body';
export { recognisedContentKey, toAppBusEvent } from './normalise/normalise';
export {
  type EventBridgeEnvelope,
  eventBridgeEnvelopeSchema,
  type GenesysNotification,
  genesysNotificationSchema,
} from './recognise/envelope';
export {
  GENESYS_PARTNER_SOURCE_PREFIX,
  isAllowedPartnerSource,
  type PartnerSource,
  parsePartnerSource,
} from './recognise/partner-source';
export { type RecognisedEvent, recogniseEvent } from './recognise/recognise';
export { DEFAULT_API_KEY_HEADER, type VerifyApiKeyInput, verifyApiKey } from './verify/api-key';
export {
  type DiagnosisInput,
  diagnoseSignatureFailure,
  diagnosisHint,
  type SignatureDiagnosis,
} from './verify/diagnose';
export { parseFormFields, singleField } from './verify/form-fields';
export { equalInConstantTime, hmacSha256 } from './verify/hmac';
export {
  OPEN_MESSAGING_SIGNATURE_HEADER,
  SEED_HEADERS,
  SIGNATURE_FORMATS,
  type SignatureFormat,
  type SignatureScheme,
  type SignedMessage,
  signedMessageOf,
} from './verify/schemes';
export { parseSecretList } from './verify/secrets';
export {
  hexSignature,
  openMessagingSignature,
  type SignedRequest,
  type SignSeedFormOptions,
  type SignSeedHeaderOptions,
  signOpenMessaging,
  signSeedForm,
  signSeedHeader,
} from './verify/sign';
export {
  type ClaimedSignature,
  describeSignature,
  parseClaimedSignature,
  type SignatureShapeProblem,
} from './verify/signature-encoding';
export { type VerifiedSignature, type VerifySignatureInput, verifySignature } from './verify/verify-signature';
