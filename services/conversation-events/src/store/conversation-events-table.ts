import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { conversationTable, EXPIRES_AT, type StoreOutcome } from '@genesys-events/consumer-kit/store';
import type { TimelineEntry } from '../model/timeline-entry';

export type { StoreOutcome } from '@genesys-events/consumer-kit/store';

/** The conversation events table: partition `conversationId`, sort `eventKey` (the content key). */
export interface ConversationEventsTable {
  /** Stores an event unless the same content is stored already or the conversation was erased. */
  readonly putOnce: (entry: TimelineEntry) => Promise<StoreOutcome>;
  /** Every live stored event of a conversation (none once erased), in no particular order. */
  readonly listConversation: (conversationId: string) => Promise<TimelineEntry[]>;
}

/**
 * The table adapter, on the consumer kit's conversation table (retention, tombstones). Keys are content
 * keys, so a redelivered event maps to the same item and the conditional put collapses concurrent
 * duplicates into one, with no separate idempotency record. The body is kept as JSON text.
 *
 * @example
 * ```ts
 * const table = conversationEventsTable({ client: documentClient(), tableName, retentionDays: 90 });
 * await table.putOnce(entry); // 'stored' | 'duplicate' | 'erased'
 * ```
 */
export const conversationEventsTable = (options: {
  client: DynamoDBDocumentClient;
  tableName: string;
  retentionDays: number;
  now?: () => Date;
}): ConversationEventsTable => {
  const table = conversationTable(options);
  return {
    putOnce: (entry) => {
      const item = { ...entry, body: JSON.stringify(entry.body) };
      return table.putOnce(item);
    },
    listConversation: async (conversationId) => (await table.listConversation(conversationId)).map(fromItem),
  };
};

const fromItem = (item: Record<string, unknown>): TimelineEntry => {
  const { body, [EXPIRES_AT]: _expiresAt, ...rest } = item;
  return { ...(rest as Omit<TimelineEntry, 'body'>), body: JSON.parse(String(body)) as Record<string, unknown> };
};
