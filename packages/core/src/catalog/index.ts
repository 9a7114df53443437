// The seed events live with the recogniser that needs them; re-exported so the catalog is the one place to look.
export * from '../events/seed-events';
export { AUDIT_PATTERN, type AuditEventBody, auditEventSchemas } from './audit';
export {
  type CatalogEvent,
  classifyNotification,
  type KnownCatalogEvent,
  type UnknownCatalogEvent,
} from './classify-notification';
export {
  classifyOpenMessagingMessage,
  type OpenMessagingClassification,
  openMessagingDedupeKey,
} from './classify-open-messaging';
export {
  CONVERSATION_DETAIL_SUFFIXES,
  type ConversationDetailEventBodies,
  type ConversationDetailEventBody,
  type ConversationDetailPattern,
  type ConversationDetailSuffix,
  conversationDetailEventSchemas,
  conversationDetailPattern,
} from './conversation-detail';
export * from './conversation-detail-enums';
export {
  CONVERSATION_SUMMARY_PATTERN,
  type ConversationSummaryEventBody,
  conversationSummaryEventSchemas,
} from './conversation-summary';
export { normaliseEventTime, type TimeFormat } from './event-time';
export { type EnumValues, type OpenEnumValue, openEnum, type SchemaMode } from './open-enum';
export * from './open-messaging';
export { type ParsedTopic, parseTopicName } from './parse-topic-name';
export { PRESENCE_PATTERN, type PresenceEventBody, presenceEventSchemas } from './presence';
export * from './topic-catalog';
export * from './transcription';
