import { createHash, randomUUID } from 'node:crypto';
import {
  type AttributeValue,
  DeleteItemCommand,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { isConditionFailure } from '@genesys-events/consumer-kit/config';
import { DedupeStoreError } from './dedupe-errors';

/** What the first delivery was answered, kept so that redeliveries get the same event id. */
export interface RecordedAnswer {
  readonly eventId?: string | undefined;
  readonly detailType?: string | undefined;
}

/** What a delivery was published as: the ids its record keeps once it is completed. */
export interface PublishedAs {
  readonly eventId: string;
  readonly detailType: string;
}

/**
 * The outcome of claiming a delivery. A record that blocks the claim comes with the content key it was
 * claimed for (`undefined` for a record written before content keys were kept).
 */
export type Claim =
  | { readonly kind: 'claimed'; readonly token: string }
  | { readonly kind: 'completed'; readonly answer: RecordedAnswer; readonly contentKey: string | undefined }
  | { readonly kind: 'in-flight'; readonly contentKey: string | undefined };

/** The deliveries table, one item per delivery key. */
export interface DeliveryRecords {
  /** Records a delivery of this content as in progress unless it is recorded already (one conditional write). */
  readonly claim: (dedupeKey: string, contentKey: string) => Promise<Claim>;
  /** Marks a claimed delivery as published, with the ids it was published as. */
  readonly complete: (dedupeKey: string, token: string, publishedAs: PublishedAs) => Promise<void>;
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
 * it where the store does not support that. The claim keeps the content key it was made for, and the
 * completed record the event id and detail type it was published as. Completing and releasing are
 * conditional on the claim's token, so a request never overwrites or deletes a record another request holds.
 *
 * @example
 * ```ts
 * const records = deliveryRecords({ client, tableName, ttlSeconds: 86_400, lockMs: 10_000 });
 * const claim = await records.claim('seed:delivery-1', contentKey); // { kind: 'claimed', token }
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

  const claim = async (dedupeKey: string, contentKey: string): Promise<Claim> => {
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
            contentKey: { S: contentKey },
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

  const complete = async (dedupeKey: string, token: string, { eventId, detailType }: PublishedAs) => {
    const condition = ownedBy(token);
    await client.send(
      new UpdateItemCommand({
        TableName: tableName,
        Key: key(dedupeKey),
        UpdateExpression: 'SET #status = :completed, eventId = :eventId, detailType = :detailType REMOVE lockedUntil',
        ConditionExpression: condition.ConditionExpression,
        ExpressionAttributeNames: { ...condition.ExpressionAttributeNames, '#status': 'status' },
        ExpressionAttributeValues: {
          ...condition.ExpressionAttributeValues,
          ':completed': { S: COMPLETED },
          ':eventId': { S: eventId },
          ':detailType': { S: detailType },
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
  const contentKey = item?.contentKey?.S;
  if (item?.status?.S !== COMPLETED) return { kind: 'in-flight', contentKey };
  return { kind: 'completed', answer: { eventId: item.eventId?.S, detailType: item.detailType?.S }, contentKey };
};
