import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { TOMBSTONE_KEY } from '@genesys-events/consumer-kit/store';

const BATCH_KEYS = 100;
const MAX_ROUNDS = 5;

/**
 * The conversations among `ids` that were erased: those with the consumer kit's tombstone in the lake's
 * erasures table (written by the lake's erasure, kept for the retention period). One BatchGetItem per 100
 * ids; keys DynamoDB leaves unprocessed are asked again, and still unprocessed after a few rounds, fail.
 *
 * @example
 * ```ts
 * await erasedAmong(client, 'genesys-events-prod-lake-erasures', ['c-1', 'c-2']); // Set { 'c-2' }
 * ```
 */
export const erasedAmong = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  ids: readonly string[],
): Promise<Set<string>> => {
  const erased = new Set<string>();
  const unique = [...new Set(ids)];
  for (let start = 0; start < unique.length; start += BATCH_KEYS) {
    let keys: Record<string, unknown>[] = unique
      .slice(start, start + BATCH_KEYS)
      .map((conversationId) => ({ conversationId, eventKey: TOMBSTONE_KEY }));
    for (let round = 0; keys.length > 0; round += 1) {
      if (round === MAX_ROUNDS) throw new Error(`tombstones of ${keys.length} conversations stayed unprocessed`);
      const answer = await client.send(
        new BatchGetCommand({ RequestItems: { [tableName]: { Keys: keys, ProjectionExpression: 'conversationId' } } }),
      );
      for (const item of answer.Responses?.[tableName] ?? []) erased.add(String(item.conversationId));
      keys = answer.UnprocessedKeys?.[tableName]?.Keys ?? [];
    }
  }
  return erased;
};
