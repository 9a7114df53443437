import {
  type DynamoDBDocumentClient,
  paginateQuery,
  paginateScan,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { conversationTable, type StoreOutcome } from '@genesys-events/consumer-kit/store';
import type { AnalyticsEvent } from '../model/analytics-event';
import { dayBucketsOf, dayCountOf, lastInstantOf, MAX_INDEXED_DAYS, type TimeWindow } from '../model/time-window';
import { mapConcurrently } from '../util/map-concurrently';

export type { StoreOutcome } from '@genesys-events/consumer-kit/store';

/** The global secondary index that finds events by time: partition `eventDay`, sort `eventTime`. */
export const TIME_INDEX_NAME = 'by-event-day';

const DAY_QUERY_CONCURRENCY = 8;

/** The analytics table: partition `conversationId`, sort `eventKey` (the content key). */
export interface AnalyticsTable {
  /** Stores an event unless the same content is stored already or the conversation was erased. */
  readonly putOnce: (event: AnalyticsEvent) => Promise<StoreOutcome>;
  /** Every live stored event of a conversation (none once erased), in no particular order. */
  readonly listConversation: (conversationId: string) => Promise<AnalyticsEvent[]>;
  /** The same, and whether the conversation was erased. */
  readonly readConversation: (conversationId: string) => Promise<{ erased: boolean; events: AnalyticsEvent[] }>;
  /** The conversations with at least one event in the window, each once, in no particular order. */
  readonly conversationIdsIn: (window: TimeWindow) => Promise<string[]>;
}

/**
 * The table adapter, on the consumer kit's conversation table (retention, tombstones). The sort key is the
 * content key, so a redelivered event maps to the same item and the conditional put collapses concurrent
 * duplicates into one: the item is its own idempotency record. The time index only finds candidates;
 * each conversation is then read through the kit, which hides what expired or was erased.
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
    conversationIdsIn: (window) => conversationIdsIn(client, tableName, window),
  };
};

/** A narrow window: one query of the time index per day of it. */
const conversationIdsIn = async (client: DynamoDBDocumentClient, tableName: string, window: TimeWindow) => {
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
};

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
