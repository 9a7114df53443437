import {
  BatchWriteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  paginateQuery,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { isConditionFailure } from '../aws/client-settings';
import { EXPIRES_AT, expiresAtFor, isExpired } from './retention';

/**
 * What a write did: stored a new event, found it already stored, or refused it because its conversation
 * was erased (a late or redriven event must not bring erased data back).
 */
export type StoreOutcome = 'stored' | 'duplicate' | 'erased';

/** An item of a conversation table: partition `conversationId`, sort `eventKey` (a content key). */
export interface ConversationItem {
  readonly conversationId: string;
  readonly eventKey: string;
}

/** A conversation table as every service that stores conversation data uses it. */
export interface ConversationTable {
  /** Stores an item unless it is already stored or its conversation was erased: one read, one conditional write. */
  readonly putOnce: (item: ConversationItem) => Promise<StoreOutcome>;
  /** The conversation's live items (none once erased, none past retention), in no particular order. */
  readonly listConversation: (conversationId: string) => Promise<Record<string, unknown>[]>;
  /** The same, and whether the conversation was erased (for readers that must tell "erased" from "none"). */
  readonly readConversation: (conversationId: string) => Promise<ConversationRead>;
  /** Leaves a tombstone, then deletes every item of the conversation; resolves with how many it deleted. */
  readonly erase: (conversationId: string) => Promise<{ readonly deleted: number }>;
}

/** A conversation as read: its live items, or none and `erased` once it was erased. */
export interface ConversationRead {
  readonly erased: boolean;
  readonly items: Record<string, unknown>[];
}

/** Options of {@link conversationTable}. */
export interface ConversationTableOptions {
  readonly client: DynamoDBDocumentClient;
  readonly tableName: string;
  /** Days an item (and a tombstone) is kept: sets the `expiresAt` TTL attribute. */
  readonly retentionDays: number;
  readonly now?: () => Date;
}

/**
 * The sort key of a conversation's tombstone. Content keys are hex digests, so it never meets an event;
 * it sits in the conversation's own partition, so the read that lists a conversation also finds it.
 */
export const TOMBSTONE_KEY = '#erased';

const BATCH_SIZE = 25;
const BATCH_ATTEMPTS = 5;

/**
 * The adapter of a table keyed by conversation and content key. Every item gets the TTL attribute, reads
 * hide what has expired or was erased, and `erase` writes the tombstone before it deletes, so an event
 * stored in between is never shown and is swept by a repeated erasure or by its TTL.
 *
 * @example
 * ```ts
 * const table = conversationTable({ client: documentClient(), tableName, retentionDays: 90 });
 * await table.putOnce({ conversationId, eventKey, topic }); // 'stored' | 'duplicate' | 'erased'
 * ```
 */
export const conversationTable = ({
  client,
  tableName,
  retentionDays,
  now = () => new Date(),
}: ConversationTableOptions): ConversationTable => {
  const isErased = async (conversationId: string): Promise<boolean> => {
    const { Item } = await client.send(
      new GetCommand({ TableName: tableName, Key: { conversationId, eventKey: TOMBSTONE_KEY }, ConsistentRead: true }),
    );
    return Item !== undefined && !isExpired(Item, now());
  };

  const putOnce = async (item: ConversationItem): Promise<StoreOutcome> => {
    if (await isErased(item.conversationId)) return 'erased';
    const at = now();
    try {
      await client.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...item, [EXPIRES_AT]: expiresAtFor(at, retentionDays) },
          // An expired copy still waiting for DynamoDB's sweep does not count as stored.
          ConditionExpression: 'attribute_not_exists(eventKey) OR expiresAt <= :now',
          ExpressionAttributeValues: { ':now': Math.floor(at.getTime() / 1000) },
        }),
      );
      return 'stored';
    } catch (error) {
      if (isConditionFailure(error)) return 'duplicate';
      throw error;
    }
  };

  const readConversation = async (conversationId: string): Promise<ConversationRead> => {
    // Strongly consistent: a reader right after a write (the sentiment deriver) sees it.
    const items = await queryAll(client, {
      TableName: tableName,
      ConsistentRead: true,
      KeyConditionExpression: 'conversationId = :conversationId',
      ExpressionAttributeValues: { ':conversationId': conversationId },
    });
    const at = now();
    const live = items.filter((item) => !isExpired(item, at));
    if (live.some((item) => item.eventKey === TOMBSTONE_KEY)) return { erased: true, items: [] };
    return { erased: false, items: live };
  };

  const erase = async (conversationId: string) => {
    const at = now();
    await client.send(
      new PutCommand({
        TableName: tableName,
        Item: {
          conversationId,
          eventKey: TOMBSTONE_KEY,
          erasedAt: at.toISOString(),
          [EXPIRES_AT]: expiresAtFor(at, retentionDays),
        },
      }),
    );
    const keys = await queryAll(client, {
      TableName: tableName,
      ConsistentRead: true,
      KeyConditionExpression: 'conversationId = :conversationId',
      ExpressionAttributeValues: { ':conversationId': conversationId },
      ProjectionExpression: 'conversationId, eventKey',
    });
    const doomed = keys.filter((key) => key.eventKey !== TOMBSTONE_KEY);
    for (let start = 0; start < doomed.length; start += BATCH_SIZE) {
      await deleteBatch(client, tableName, doomed.slice(start, start + BATCH_SIZE));
    }
    return { deleted: doomed.length };
  };

  const listConversation = async (conversationId: string) => (await readConversation(conversationId)).items;

  return { putOnce, listConversation, readConversation, erase };
};

const queryAll = async (client: DynamoDBDocumentClient, input: QueryCommandInput) => {
  const items: Record<string, unknown>[] = [];
  for await (const page of paginateQuery({ client }, input)) items.push(...(page.Items ?? []));
  return items;
};

/** One BatchWriteItem of deletes, resending what DynamoDB left unprocessed; throws if some never went. */
const deleteBatch = async (client: DynamoDBDocumentClient, tableName: string, keys: Record<string, unknown>[]) => {
  let requests = keys.map((Key) => ({ DeleteRequest: { Key } }));
  for (let attempt = 1; requests.length > 0; attempt += 1) {
    if (attempt > BATCH_ATTEMPTS) throw new Error(`erasure: ${requests.length} deletes left unprocessed`);
    const { UnprocessedItems } = await client.send(new BatchWriteCommand({ RequestItems: { [tableName]: requests } }));
    requests = (UnprocessedItems?.[tableName] ?? []) as typeof requests;
    // DynamoDB leaves items unprocessed when it throttles: back off before resending them.
    if (requests.length > 0) await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
  }
};
