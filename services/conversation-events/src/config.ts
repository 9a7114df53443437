import { type AccessTokenSettings, readAccessTokenSettings } from '@genesys-events/core/auth';

/** conversation-events settings, read and validated once at cold start. */
export interface ConversationEventsConfig {
  /** DynamoDB table holding one item per unique conversation event. */
  readonly eventsTableName: string;
}

/**
 * Reads the configuration; a missing value fails with its name.
 *
 * @example
 * ```ts
 * const config = readConversationEventsConfig(process.env);
 * ```
 */
export const readConversationEventsConfig = (
  env: Readonly<Record<string, string | undefined>>,
): ConversationEventsConfig => {
  const eventsTableName = env.CONVERSATION_EVENTS_TABLE_NAME;
  if (!eventsTableName) throw new Error('missing configuration: CONVERSATION_EVENTS_TABLE_NAME');
  return { eventsTableName };
};

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
export const readConversationReadConfig = (
  env: Readonly<Record<string, string | undefined>>,
): ConversationReadConfig => ({
  ...readConversationEventsConfig(env),
  auth: readAccessTokenSettings(env),
});
