import { createHash, randomUUID } from 'node:crypto';
import {
  type AttributeValue,
  ConditionalCheckFailedException,
  DeleteItemCommand,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { DedupeStoreError } from './dedupe-errors';

/** What the first delivery was answered, kept so that redeliveries get the same event id. */
export interface RecordedAnswer {
  readonly eventId?: string;
  readonly detailType?: string;
}

/** The outcome of claiming a delivery. */
export type Claim =
  | { readonly kind: 'claimed'; readonly token: string }
  | { readonly kind: 'completed'; readonly answer: RecordedAnswer }
  | { readonly kind: 'in-flight' };

/** The deliveries table, one item per delivery key. */
export interface DeliveryRecords {
  /** Records a delivery as in progress unless it is recorded already (one conditional write). */
  readonly claim: (dedupeKey: string) => Promise<Claim>;
  /** Marks a claimed delivery as published, with its answer. */
  readonly complete: (dedupeKey: string, token: string, answer: RecordedAnswer) => Promise<void>;
  /** Forgets a claimed delivery that was not published, so that the sender's retry goes through. */
  readonly release: (dedupeKey: string, token: string) => Promise<void>;
}

/** Options of {@link deliveryRecords}. */
export interface DeliveryRecordsOptions {
  readonly client: DynamoDBClient;
  readonly tableName: string;
  /** How long a completed delivery is remembered (the table's TTL attribute `expiration`). */
  readonly ttlSeconds: number;
  /** How long an in-progress claim blocks redeliveries; past it a crashed claim is taken over. */
  readonly lockMs: number;
  readonly now?: () => number;
}

const IN_PROGRESS = 'IN_PROGRESS';
const COMPLETED = 'COMPLETED';

/**
 * The deliveries table adapter. Items are keyed on a SHA-256 of the route's dedupe key, so that keys have
 * a fixed size and no sender-chosen text. A claim is one conditional PutItem that succeeds when the key is
 * new, expired (TTL deletion lags by up to days) or held by a claim whose lock has passed; otherwise
 * DynamoDB returns the item it kept (`ReturnValuesOnConditionCheckFailure`), or a consistent GetItem reads
 * it where the store does not support that. Completing and releasing are conditional on the claim's token,
 * so a request never overwrites or deletes a record another request holds.
 *
 * @example
 * ```ts
 * const records = deliveryRecords({ client, tableName, ttlSeconds: 86_400, lockMs: 10_000 });
 * const claim = await records.claim('seed:delivery-1'); // { kind: 'claimed', token }
 * ```
 */
export const deliveryRecords = ({
  client,
  tableName,
  ttlSeconds,
  lockMs,
  now = Date.now,
}: DeliveryRecordsOptions): DeliveryRecords => {
  const key = (dedupeKey: string) => ({ id: { S: recordId(dedupeKey) } });

  const claim = async (dedupeKey: string): Promise<Claim> => {
    const token = randomUUID();
    const at = now();
    try {
      await client.send(
        new PutItemCommand({
          TableName: tableName,
          Item: {
            ...key(dedupeKey),
            status: { S: IN_PROGRESS },
            token: { S: token },
            lockedUntil: { N: String(at + lockMs) },
            expiration: { N: String(Math.floor(at / 1000) + ttlSeconds) },
          },
          ConditionExpression:
            'attribute_not_exists(id) OR expiration < :nowSeconds OR (#status = :inProgress AND lockedUntil < :now)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':nowSeconds': { N: String(Math.floor(at / 1000)) },
            ':now': { N: String(at) },
            ':inProgress': { S: IN_PROGRESS },
          },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return { kind: 'claimed', token };
    } catch (error) {
      if (!isConditionFailure(error)) throw new DedupeStoreError('claim', error);
      return claimOf(error.Item ?? (await readRecord(dedupeKey)));
    }
  };

  const readRecord = async (dedupeKey: string) => {
    try {
      const found = await client.send(
        new GetItemCommand({ TableName: tableName, Key: key(dedupeKey), ConsistentRead: true }),
      );
      return found.Item;
    } catch (error) {
      throw new DedupeStoreError('read', error);
    }
  };

  const ownedBy = (token: string) => ({
    ConditionExpression: '#token = :token',
    ExpressionAttributeNames: { '#token': 'token' },
    ExpressionAttributeValues: { ':token': { S: token } },
  });

  const complete = async (dedupeKey: string, token: string, answer: RecordedAnswer) => {
    const condition = ownedBy(token);
    await client.send(
      new UpdateItemCommand({
        TableName: tableName,
        Key: key(dedupeKey),
        UpdateExpression: 'SET #status = :completed, answer = :answer REMOVE lockedUntil',
        ConditionExpression: condition.ConditionExpression,
        ExpressionAttributeNames: { ...condition.ExpressionAttributeNames, '#status': 'status' },
        ExpressionAttributeValues: {
          ...condition.ExpressionAttributeValues,
          ':completed': { S: COMPLETED },
          ':answer': { S: JSON.stringify(answer) },
        },
      }),
    );
  };

  const release = async (dedupeKey: string, token: string) => {
    await client.send(new DeleteItemCommand({ TableName: tableName, Key: key(dedupeKey), ...ownedBy(token) }));
  };

  return { claim, complete, release };
};

/**
 * The item id of a dedupe key.
 *
 * @example
 * ```ts
 * recordId('seed:delivery-1'); // 'delivery#4Yp...' (43 base64url characters after the prefix)
 * ```
 */
export const recordId = (dedupeKey: string): string =>
  `delivery#${createHash('sha256').update(dedupeKey).digest('base64url')}`;

/** A record that exists and blocks the claim: completed (a redelivery) or still held (in flight). */
const claimOf = (item: Record<string, AttributeValue> | undefined): Claim => {
  if (item?.status?.S !== COMPLETED) return { kind: 'in-flight' };
  return { kind: 'completed', answer: parseRecordedAnswer(item.answer?.S) };
};

/**
 * The event id and detail type of an answer's JSON text. Text that cannot be read gives an empty answer:
 * a completed record still marks a published delivery, answered without its ids.
 *
 * @example
 * ```ts
 * parseRecordedAnswer('{"status":"accepted","eventId":"e"}'); // { eventId: 'e' }
 * ```
 */
export const parseRecordedAnswer = (text: string | undefined): RecordedAnswer => {
  try {
    const parsed: unknown = JSON.parse(text ?? '{}');
    if (typeof parsed !== 'object' || parsed === null) return {};
    const { eventId, detailType } = parsed as Record<string, unknown>;
    return {
      ...(typeof eventId === 'string' ? { eventId } : {}),
      ...(typeof detailType === 'string' ? { detailType } : {}),
    };
  } catch {
    return {};
  }
};

const isConditionFailure = (error: unknown): error is ConditionalCheckFailedException =>
  error instanceof ConditionalCheckFailedException ||
  (error as { name?: unknown } | null)?.name === 'ConditionalCheckFailedException';
