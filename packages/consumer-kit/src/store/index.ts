// The store part alone: no value of core (whose schemas bring zod), so the lightest bundles can use it.

export { documentClient } from '../aws/document-client';
export * from '../config/index';
export {
  type ConversationItem,
  type ConversationRead,
  type ConversationTable,
  type ConversationTableOptions,
  conversationTable,
  type StoreOutcome,
  TOMBSTONE_KEY,
} from './conversation-table';
export { DEFAULT_RETENTION_DAYS, EXPIRES_AT, expiresAtFor, isExpired, readRetentionDays } from './retention';
