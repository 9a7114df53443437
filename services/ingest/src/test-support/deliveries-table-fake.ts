/**
 * The deliveries table in memory, behind aws-sdk-client-mock: it keeps what the adapter writes and applies
 * the adapter's conditions as DynamoDB would (a claim fails on a live record and returns it, completing and
 * releasing need the claim's token), so handler tests run real redeliveries rather than scripted answers.
 */
import {
  type AttributeValue,
  ConditionalCheckFailedException,
  DeleteItemCommand,
  type DeleteItemCommandInput,
  type DynamoDBClientResolvedConfig,
  GetItemCommand,
  type GetItemCommandInput,
  PutItemCommand,
  type PutItemCommandInput,
  type ServiceInputTypes,
  type ServiceOutputTypes,
  UpdateItemCommand,
  type UpdateItemCommandInput,
} from '@aws-sdk/client-dynamodb';
import type { AwsStub } from 'aws-sdk-client-mock';

type Item = Record<string, AttributeValue>;
type Values = Record<string, AttributeValue> | undefined;

/** The items the fake holds, by `id`. */
export type FakeTable = Map<string, Item>;

/**
 * Answers PutItem, UpdateItem, DeleteItem and GetItem from a map. Returns the map, to inspect or seed.
 *
 * @example
 * ```ts
 * const dynamo = mockClient(DynamoDBClient);
 * const table = fakeDeliveriesTable(dynamo);
 * ```
 */
export const fakeDeliveriesTable = (
  dynamo: AwsStub<ServiceInputTypes, ServiceOutputTypes, DynamoDBClientResolvedConfig>,
): FakeTable => {
  const items: FakeTable = new Map();
  dynamo.on(PutItemCommand).callsFake((input: PutItemCommandInput) => {
    const id = idOf(input.Item);
    const existing = items.get(id);
    if (existing && !claimable(existing, input.ExpressionAttributeValues)) throw conditionFailed(existing);
    items.set(id, { ...input.Item });
    return {};
  });
  dynamo.on(UpdateItemCommand).callsFake((input: UpdateItemCommandInput) => {
    const id = idOf(input.Key);
    const existing = items.get(id);
    if (!existing || !ownedBy(existing, input.ExpressionAttributeValues)) throw conditionFailed();
    items.set(id, applyUpdate(existing, input));
    return {};
  });
  dynamo.on(DeleteItemCommand).callsFake((input: DeleteItemCommandInput) => {
    const id = idOf(input.Key);
    const existing = items.get(id);
    if (!existing || !ownedBy(existing, input.ExpressionAttributeValues)) throw conditionFailed();
    items.delete(id);
    return {};
  });
  dynamo.on(GetItemCommand).callsFake((input: GetItemCommandInput) => {
    const item = items.get(idOf(input.Key));
    return item ? { Item: { ...item } } : {};
  });
  return items;
};

const idOf = (key: Item | undefined): string => key?.id?.S ?? '';

const number = (value: AttributeValue | undefined): number => Number(value?.N ?? Number.NaN);

/** `attribute_not_exists(id) OR expiration < :nowSeconds OR (#status = :inProgress AND lockedUntil < :now)`. */
const claimable = (existing: Item, values: Values): boolean =>
  number(existing.expiration) < number(values?.[':nowSeconds']) ||
  (existing.status?.S === 'IN_PROGRESS' && number(existing.lockedUntil) < number(values?.[':now']));

const ownedBy = (existing: Item, values: Values): boolean => existing.token?.S === values?.[':token']?.S;

/** Applies `SET a = :x, #b = :y REMOVE c, d`, the only update forms the adapter writes. */
const applyUpdate = (existing: Item, input: UpdateItemCommandInput): Item => {
  const names = input.ExpressionAttributeNames ?? {};
  const nameOf = (token: string) => names[token] ?? token;
  const updated = { ...existing };
  const [, set = '', remove = ''] = /^SET (.*?)(?: REMOVE (.*))?$/.exec(input.UpdateExpression ?? '') ?? [];
  for (const assignment of set.split(',')) {
    const [name = '', placeholder = ''] = assignment.split('=').map((part) => part.trim());
    const value = input.ExpressionAttributeValues?.[placeholder];
    if (value) updated[nameOf(name)] = value;
  }
  for (const name of remove.split(',').map((part) => part.trim())) {
    if (name) delete updated[nameOf(name)];
  }
  return updated;
};

const conditionFailed = (item?: Item) =>
  new ConditionalCheckFailedException({
    message: 'The conditional request failed',
    $metadata: { httpStatusCode: 400 },
    ...(item ? { Item: { ...item } } : {}),
  });
