import { createHash, randomUUID } from 'node:crypto';
import {
  type AttributeValue,
  DeleteItemCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { AWS_CLIENT_SETTINGS, isConditionFailure } from '../aws/client-settings';
import { ClaimStoreError } from './claim-errors';

/**
 * The text fields a completed claim keeps (what the work produced, e.g. the event id it was published as);
 * never one of the record's own attributes.
 */
export type ClaimResult = Readonly<Record<string, string>> & {
  readonly [K in 'id' | 'status' | 'token' | 'contentKey' | 'lockedUntil' | 'expiration']?: never;
};

/**
 * The outcome of a claim. A record that blocks it comes with the content key it was claimed for
 * (`undefined` for a record written without one) and, once completed, the fields it kept.
 */
export type Claim<R extends ClaimResult> =
  | { readonly kind: 'claimed'; readonly token: string }
  | { readonly kind: 'completed'; readonly result: Partial<R>; readonly contentKey: string | undefined }
  | { readonly kind: 'in-flight'; readonly contentKey: string | undefined };

/** A claims table: one item per key of work that must be done once. */
export interface ClaimRecords<R extends ClaimResult> {
  /** Records the work as in progress unless it is recorded already (one conditional write). */
  readonly claim: (key: string, contentKey: string) => Promise<Claim<R>>;
  /** Marks claimed work as done, with what it produced. */
  readonly complete: (key: string, token: string, result: R) => Promise<void>;
  /** Forgets claimed work that was not done, so that a retry does it. */
  readonly release: (key: string, token: string) => Promise<void>;
}

/** Options of {@link claimRecords}. */
export interface ClaimRecordsOptions<R extends ClaimResult> {
  readonly tableName: string;
  /** How long done work is remembered (the table's TTL attribute `expiration`). */
  readonly ttlSeconds: number;
  /** How long an in-progress claim blocks others; past it, a crashed claim is taken over. */
  readonly lockMs: number;
  /** The fields of `R`, read back from a completed record. */
  readonly resultFields: readonly (keyof R & string)[];
  readonly client?: DynamoDBClient;
  readonly now?: () => number;
}

const IN_PROGRESS = 'IN_PROGRESS';
const COMPLETED = 'COMPLETED';

/**
 * Once-only work on a DynamoDB table (partition key `id`, TTL on `expiration`). A claim is one conditional
 * PutItem that succeeds when the key is new, expired (TTL deletion lags by up to days) or held by a claim
 * whose lock has passed; otherwise DynamoDB returns the item it kept (`ReturnValuesOnConditionCheckFailure`),
 * or a consistent GetItem reads it where the store does not support that. Completing and releasing are
 * conditional on the claim's token, so a request never overwrites or deletes a record another one holds.
 * Items are keyed on a SHA-256 of the key: a fixed size and no sender-chosen text.
 *
 * @example
 * ```ts
 * const records = claimRecords({ tableName, ttlSeconds: 86_400, lockMs: 10_000, resultFields: ['eventId'] });
 * const claim = await records.claim('seed:delivery-1', contentKey); // { kind: 'claimed', token }
 * ```
 */
export const claimRecords = <R extends ClaimResult>({
  tableName,
  ttlSeconds,
  lockMs,
  resultFields,
  client = new DynamoDBClient(AWS_CLIENT_SETTINGS),
  now = Date.now,
}: ClaimRecordsOptions<R>): ClaimRecords<R> => {
  const Key = (key: string) => ({ id: { S: claimRecordId(key) } });

  const claim = async (key: string, contentKey: string): Promise<Claim<R>> => {
    const token = randomUUID();
    const at = now();
    const seconds = Math.floor(at / 1000);
    try {
      await client.send(
        new PutItemCommand({
          TableName: tableName,
          Item: {
            ...Key(key),
            status: { S: IN_PROGRESS },
            token: { S: token },
            contentKey: { S: contentKey },
            lockedUntil: { N: String(at + lockMs) },
            expiration: { N: String(seconds + ttlSeconds) },
          },
          ConditionExpression:
            'attribute_not_exists(id) OR expiration < :nowSeconds OR (#status = :inProgress AND lockedUntil < :now)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':nowSeconds': { N: String(seconds) },
            ':now': { N: String(at) },
            ':inProgress': { S: IN_PROGRESS },
          },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return { kind: 'claimed', token };
    } catch (error) {
      if (!isConditionFailure(error)) throw new ClaimStoreError('claim', error);
      return blockingClaim(error.Item ?? (await readRecord(key)), resultFields);
    }
  };

  const readRecord = async (key: string) => {
    try {
      return (await client.send(new GetItemCommand({ TableName: tableName, Key: Key(key), ConsistentRead: true })))
        .Item;
    } catch (error) {
      throw new ClaimStoreError('read', error);
    }
  };

  const complete = async (key: string, token: string, result: R) => {
    // Only the declared fields: a caller's richer value (an outcome with more in it) stores no more.
    const names = resultFields.filter((name) => typeof result[name] === 'string');
    await client.send(
      new UpdateItemCommand({
        TableName: tableName,
        Key: Key(key),
        // Placeholders by position: a field's name never meets the expression's syntax.
        UpdateExpression: `SET #status = :completed${names.map((_, i) => `, #r${i} = :r${i}`).join('')} REMOVE lockedUntil`,
        ConditionExpression: '#token = :token',
        ExpressionAttributeNames: {
          '#token': 'token',
          '#status': 'status',
          ...Object.fromEntries(names.map((name, i) => [`#r${i}`, name])),
        },
        ExpressionAttributeValues: {
          ':token': { S: token },
          ':completed': { S: COMPLETED },
          ...Object.fromEntries(names.map((name, i) => [`:r${i}`, { S: result[name] ?? '' }])),
        },
      }),
    );
  };

  const release = async (key: string, token: string) => {
    await client.send(
      new DeleteItemCommand({
        TableName: tableName,
        Key: Key(key),
        ConditionExpression: '#token = :token',
        ExpressionAttributeNames: { '#token': 'token' },
        ExpressionAttributeValues: { ':token': { S: token } },
      }),
    );
  };

  return { claim, complete, release };
};

/**
 * The item id of a claim key.
 *
 * @example
 * ```ts
 * claimRecordId('seed:delivery-1'); // 'claim#4Yp...' (43 base64url characters after the prefix)
 * ```
 */
export const claimRecordId = (key: string): string => `claim#${createHash('sha256').update(key).digest('base64url')}`;

/** A record that exists and blocks the claim: completed (done already) or still held (in flight). */
const blockingClaim = <R extends ClaimResult>(
  item: Record<string, AttributeValue> | undefined,
  resultFields: readonly (keyof R & string)[],
): Claim<R> => {
  const contentKey = item?.contentKey?.S;
  if (item?.status?.S !== COMPLETED) return { kind: 'in-flight', contentKey };
  const result = Object.fromEntries(resultFields.map((field) => [field, item[field]?.S]));
  return { kind: 'completed', result: result as Partial<R>, contentKey };
};
