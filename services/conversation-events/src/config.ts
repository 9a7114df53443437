import { type Env, readRetentionDays, requiredSetting } from '@genesys-events/consumer-kit/store';
import { type AccessTokenSettings, readAccessTokenSettings } from '@genesys-events/core/auth';

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

/** The read route's settings: the table, and the OIDC issuer whose access tokens it takes. */
export interface ConversationReadConfig extends ConversationEventsConfig {
  readonly auth: AccessTokenSettings;
}

/**
 * Reads the read route's configuration (`OIDC_ISSUER_URL`, `OIDC_AUDIENCE`, optional `OIDC_SCOPE_PREFIX`
 * besides the table); a missing value fails with its name.
 *
 * @example
 * ```ts
 * const { eventsTableName, auth } = readConversationReadConfig(process.env);
 * ```
 */
export const readConversationReadConfig = (env: Env): ConversationReadConfig => ({
  ...readConversationEventsConfig(env),
  auth: readAccessTokenSettings(env),
});

/**
 * Reads the erasure route's configuration: the app bus it publishes erasure requests to, and the OIDC
 * issuer whose access tokens (scope `conversations:erase`) it takes.
 *
 * @example
 * ```ts
 * const { appBusName, auth } = readErasureRouteConfig(process.env);
 * ```
 */
export const readErasureRouteConfig = (
  env: Env,
): { readonly appBusName: string; readonly auth: AccessTokenSettings } => ({
  appBusName: requiredSetting(env, 'APP_BUS_NAME'),
  auth: readAccessTokenSettings(env),
});
