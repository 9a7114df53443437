import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { conversationTable, type StoreOutcome } from '@genesys-events/consumer-kit/store';
import type { AnalyticsEvent } from '../model/analytics-event';

export type { StoreOutcome } from '@genesys-events/consumer-kit/store';

/** The analytics table: partition `conversationId`, sort `eventKey` (the content key). */
export interface AnalyticsTable {
  /** Stores an event unless the same content is stored already or the conversation was erased. */
  readonly putOnce: (event: AnalyticsEvent) => Promise<StoreOutcome>;
  /** Every live stored event of a conversation (none once erased), in no particular order. */
  readonly listConversation: (conversationId: string) => Promise<AnalyticsEvent[]>;
  /** The same, and whether the conversation was erased. */
  readonly readConversation: (conversationId: string) => Promise<{ erased: boolean; events: AnalyticsEvent[] }>;
}

/**
 * The table adapter, on the consumer kit's conversation table (retention, tombstones). The sort key is the
 * content key, so a redelivered event maps to the same item and the conditional put collapses concurrent
 * duplicates into one: the item is its own idempotency record. Reads go through the kit, which hides what
 * expired or was erased. Summaries over time are the lake's (no time index here).
 *
 * @example
 * ```ts
 * const table = analyticsTable({ client: documentClient(), tableName, retentionDays: 90 });
 * await table.putOnce(event); // 'stored' | 'duplicate' | 'erased'
 * ```
 */
export const analyticsTable = ({
  client,
  tableName,
  retentionDays,
  now,
}: {
  client: DynamoDBDocumentClient;
  tableName: string;
  retentionDays: number;
  now?: () => Date;
}): AnalyticsTable => {
  const table = conversationTable({ client, tableName, retentionDays, ...(now ? { now } : {}) });
  return {
    putOnce: (event) => table.putOnce(event),
    // Every item was written by putOnce from an AnalyticsEvent, so it reads back as one.
    listConversation: async (conversationId) =>
      (await table.listConversation(conversationId)) as unknown as AnalyticsEvent[],
    readConversation: async (conversationId) => {
      const { erased, items } = await table.readConversation(conversationId);
      return { erased, events: items as unknown as AnalyticsEvent[] };
    },
  };
};
