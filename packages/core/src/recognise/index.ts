// Ingest side, after verification: what a verified webhook body is. A seed event, a bare Genesys
// notification, an EventBridge envelope (from an allowed Genesys partner source or not) or an Open
// Messaging message; unknown seed types and envelope details pass as explicit unknown variants.
export {
  type EventBridgeEnvelope,
  eventBridgeEnvelopeSchema,
  type GenesysNotification,
  genesysNotificationSchema,
} from './envelope';
export {
  GENESYS_PARTNER_SOURCE_PREFIX,
  isAllowedPartnerSource,
  type PartnerSource,
  parsePartnerSource,
} from './partner-source';
export { type RecognisedEvent, recogniseEvent } from './recognise';
