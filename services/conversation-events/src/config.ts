import { type Env, readRetentionDays, requiredSetting } from '@genesys-events/consumer-kit/store';

/** conversation-events settings, read and validated once at cold start. */
export interface ConversationEventsConfig {
  /** DynamoDB table holding one item per unique conversation event. */
  readonly eventsTableName: string;
  /** Days an event is kept (the table's TTL). */
  readonly retentionDays: number;
}

/**
 * Reads the configuration; a missing value fails with its name. The read route's issuer settings are
 * the consumer kit's (`OIDC_*`, read by its read route).
 *
 * @example
 * ```ts
 * const config = readConversationEventsConfig(process.env);
 * ```
 */
export const readConversationEventsConfig = (env: Env): ConversationEventsConfig => ({
  eventsTableName: requiredSetting(env, 'CONVERSATION_EVENTS_TABLE_NAME'),
  retentionDays: readRetentionDays(env),
});
