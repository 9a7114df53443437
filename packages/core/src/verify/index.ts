// Webhook authentication, the first check a request meets: the signature schemes (seed form, seed header,
// Open Messaging) and API keys, verified in constant time against a rotating list of secrets; signing helpers
// for tests and tools; a diagnosis of why a signature failed, for the log.
export { DEFAULT_API_KEY_HEADER, type VerifyApiKeyInput, verifyApiKey } from './api-key';
export {
  type DiagnosisInput,
  diagnoseSignatureFailure,
  diagnosisHint,
  type SignatureDiagnosis,
} from './diagnose';
export { parseFormFields, singleField } from './form-fields';
export { equalInConstantTime, hmacSha256 } from './hmac';
export {
  OPEN_MESSAGING_SIGNATURE_HEADER,
  SEED_HEADERS,
  SIGNATURE_FORMATS,
  type SignatureFormat,
  type SignatureScheme,
  type SignedMessage,
  signedMessageOf,
} from './schemes';
export { parseSecretList } from './secrets';
export {
  hexSignature,
  openMessagingSignature,
  type SignedRequest,
  type SignSeedFormOptions,
  type SignSeedHeaderOptions,
  signOpenMessaging,
  signSeedForm,
  signSeedHeader,
} from './sign';
export {
  type ClaimedSignature,
  describeSignature,
  parseClaimedSignature,
  type SignatureShapeProblem,
} from './signature-encoding';
export { type VerifiedSignature, type VerifySignatureInput, verifySignature } from './verify-signature';
