import { type Env, readRetentionDays, requiredSetting } from '@genesys-events/consumer-kit/store';

/** conversation-events settings, read and validated once at cold start. */
export interface ConversationEventsConfig {
  /** DynamoDB table holding one item per unique conversation event. */
  readonly eventsTableName: string;
  /** Days an event is kept (the table's TTL). */
  readonly retentionDays: number;
}

/**
 * Reads the configuration; a missing value fails with its name.
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

/**
 * Reads the erasure route's configuration: the app bus it publishes erasure requests to.
 *
 * @example
 * ```ts
 * const { appBusName } = readErasureRouteConfig(process.env);
 * ```
 */
export const readErasureRouteConfig = (env: Env): { readonly appBusName: string } => ({
  appBusName: requiredSetting(env, 'APP_BUS_NAME'),
});
