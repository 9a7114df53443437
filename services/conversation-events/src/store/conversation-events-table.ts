import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, PutCommand, paginateQuery } from '@aws-sdk/lib-dynamodb';
import type { TimelineEntry } from '../model/timeline-entry';

/** Whether a write stored a new event or found it already stored. */
export type StoreOutcome = 'stored' | 'duplicate';

/** The conversation events table: partition `conversationId`, sort `eventKey` (the content key). */
export interface ConversationEventsTable {
  /** Stores an event unless an event with the same content is already stored: one conditional write. */
  readonly putOnce: (entry: TimelineEntry) => Promise<StoreOutcome>;
  /** Every stored event of a conversation, in no particular order. */
  readonly listConversation: (conversationId: string) => Promise<TimelineEntry[]>;
}

/**
 * The table adapter. Keys are content keys, so a redelivered event maps to the same item and the
 * conditional put makes concurrent duplicates collapse into one, with no separate idempotency record.
 *
 * @example
 * ```ts
 * const table = conversationEventsTable({ client: DynamoDBDocumentClient.from(new DynamoDBClient({})), tableName });
 * await table.putOnce(entry); // 'stored' | 'duplicate'
 * ```
 */
export const conversationEventsTable = ({
  client,
  tableName,
}: {
  client: DynamoDBDocumentClient;
  tableName: string;
}): ConversationEventsTable => ({
  putOnce: async (entry) => {
    try {
      await client.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...entry, body: JSON.stringify(entry.body) },
          ConditionExpression: 'attribute_not_exists(eventKey)',
        }),
      );
      return 'stored';
    } catch (error) {
      if (
        error instanceof ConditionalCheckFailedException ||
        (error as Error).name === 'ConditionalCheckFailedException'
      ) {
        return 'duplicate';
      }
      throw error;
    }
  },
  listConversation: async (conversationId) => {
    const entries: TimelineEntry[] = [];
    const pages = paginateQuery(
      { client },
      {
        TableName: tableName,
        KeyConditionExpression: 'conversationId = :conversationId',
        ExpressionAttributeValues: { ':conversationId': conversationId },
      },
    );
    for await (const page of pages) {
      for (const item of page.Items ?? []) entries.push(fromItem(item));
    }
    return entries;
  },
});

const fromItem = (item: Record<string, unknown>): TimelineEntry => {
  const { body, ...rest } = item;
  return { ...(rest as Omit<TimelineEntry, 'body'>), body: JSON.parse(String(body)) as Record<string, unknown> };
};
