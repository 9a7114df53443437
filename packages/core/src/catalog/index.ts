// The topic catalog: what each event says and how its topic is named. Every event schema lives here (the
// Genesys topics by topic pattern, Open Messaging messages, the seed events), so recognition, normalisation
// and consumers read one reference.
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
export * from './seed-events';
export * from './topic-catalog';
export { topicPattern } from './topic-pattern';
export * from './transcription';
