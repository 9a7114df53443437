export * from './errors';
export {
  type EventBridgeEnvelope,
  eventBridgeEnvelopeSchema,
  type GenesysNotification,
  genesysNotificationSchema,
} from './events/envelope';
export { type RecognisedEvent, recogniseEvent } from './events/recognise';
export * from './events/seed-events';
export { type HeaderMap, headerValue, mediaType } from './http/headers';
export { type EncodedBody, rawBodyBytes } from './http/raw-body';
export * from './normalise/app-bus-event';
export { canonicalJson, conversationIdOf, eventContentKey, eventTimeOf } from './normalise/event-facts';
export { toAppBusEvent } from './normalise/normalise';
export { topicPattern } from './normalise/topic-pattern';
export { parseFormFields, singleField } from './verify/form-fields';
export { equalInConstantTime, hmacSha256 } from './verify/hmac';
export { SEED_HEADERS, type SignatureScheme, type SignedMessage, signedMessageOf } from './verify/schemes';
export { parseSecretList } from './verify/secrets';
export {
  hexSignature,
  type SignedRequest,
  type SignSeedFormOptions,
  type SignSeedHeaderOptions,
  signSeedForm,
  signSeedHeader,
} from './verify/sign';
export { decodeHexSignature, describeSignature } from './verify/signature-encoding';
export { type VerifiedSignature, type VerifySignatureInput, verifySignature } from './verify/verify-signature';
