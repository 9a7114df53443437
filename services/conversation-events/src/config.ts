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
