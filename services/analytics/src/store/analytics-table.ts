import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  PutCommand,
  paginateQuery,
  paginateScan,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { AnalyticsEvent } from '../model/analytics-event';
import { dayBucketsOf, dayCountOf, lastInstantOf, MAX_INDEXED_DAYS, type TimeWindow } from '../model/time-window';
import { mapConcurrently } from '../util/map-concurrently';

/** Whether a write stored a new event or found it already stored. */
export type StoreOutcome = 'stored' | 'duplicate';

/** The global secondary index that finds events by time: partition `eventDay`, sort `eventTime`. */
export const TIME_INDEX_NAME = 'by-event-day';

const DAY_QUERY_CONCURRENCY = 8;

/** The analytics table: partition `conversationId`, sort `eventKey` (the content key). */
export interface AnalyticsTable {
  /** Stores an event unless one with the same content is already stored: one conditional write. */
  readonly putOnce: (event: AnalyticsEvent) => Promise<StoreOutcome>;
  /** Every stored event of a conversation, in no particular order. */
  readonly listConversation: (conversationId: string) => Promise<AnalyticsEvent[]>;
  /** The conversations with at least one event in the window, each once, in no particular order. */
  readonly conversationIdsIn: (window: TimeWindow) => Promise<string[]>;
}

/**
 * The table adapter. The sort key is the content key, so a redelivered event maps to the same item and
 * the conditional put collapses concurrent duplicates into one: the item is its own idempotency record.
 *
 * @example
 * ```ts
 * const table = analyticsTable({ client: DynamoDBDocumentClient.from(new DynamoDBClient({})), tableName });
 * await table.putOnce(event); // 'stored' | 'duplicate'
 * ```
 */
export const analyticsTable = ({
  client,
  tableName,
}: {
  client: DynamoDBDocumentClient;
  tableName: string;
}): AnalyticsTable => ({
  putOnce: async (event) => {
    try {
      await client.send(
        new PutCommand({ TableName: tableName, Item: event, ConditionExpression: 'attribute_not_exists(eventKey)' }),
      );
      return 'stored';
    } catch (error) {
      if (isConditionFailure(error)) return 'duplicate';
      throw error;
    }
  },
  // Every item was written by putOnce from an AnalyticsEvent, so it reads back as one.
  listConversation: async (conversationId) =>
    (await queryAll(client, {
      TableName: tableName,
      // Strongly consistent: the deriver reads what the consumer has just written (the session's utterances).
      ConsistentRead: true,
      KeyConditionExpression: 'conversationId = :conversationId',
      ExpressionAttributeValues: { ':conversationId': conversationId },
    })) as unknown as AnalyticsEvent[],
  conversationIdsIn: async (window) => {
    if (dayCountOf(window) > MAX_INDEXED_DAYS) return conversationIdsByScan(client, tableName, window);
    const pages = await mapConcurrently(dayBucketsOf(window), DAY_QUERY_CONCURRENCY, (day) =>
      queryAll(client, {
        TableName: tableName,
        IndexName: TIME_INDEX_NAME,
        KeyConditionExpression: 'eventDay = :day AND eventTime BETWEEN :from AND :last',
        ExpressionAttributeValues: { ':day': day, ':from': window.from, ':last': lastInstantOf(window) },
        ProjectionExpression: 'conversationId',
      }),
    );
    return [...new Set(pages.flat().map((item) => String(item.conversationId)))];
  },
});

/** A wide window: one pass over the keys-only time index beats a query for every day of it. */
const conversationIdsByScan = async (client: DynamoDBDocumentClient, tableName: string, window: TimeWindow) => {
  const ids = new Set<string>();
  const pages = paginateScan(
    { client },
    {
      TableName: tableName,
      IndexName: TIME_INDEX_NAME,
      FilterExpression: 'eventTime BETWEEN :from AND :last',
      ExpressionAttributeValues: { ':from': window.from, ':last': lastInstantOf(window) },
      ProjectionExpression: 'conversationId',
    },
  );
  for await (const page of pages) for (const item of page.Items ?? []) ids.add(String(item.conversationId));
  return [...ids];
};

const queryAll = async (client: DynamoDBDocumentClient, input: QueryCommandInput) => {
  const items: Record<string, unknown>[] = [];
  for await (const page of paginateQuery({ client }, input)) items.push(...(page.Items ?? []));
  return items;
};

const isConditionFailure = (error: unknown): boolean =>
  error instanceof ConditionalCheckFailedException ||
  (error as Error | undefined)?.name === 'ConditionalCheckFailedException';
