/**
 * Items kept in memory and answered as DynamoDB answers the item commands, so that a stubbed client sees a
 * redelivery the way it would in AWS: a conditional write that meets an item it may not overwrite fails
 * with `ConditionalCheckFailedException` and, when asked (`ReturnValuesOnConditionCheckFailure: ALL_OLD`),
 * the item it kept. dynalite would not do here: it does not return that item, so a client would make a
 * read AWS never needs, and the round trips counted would be the local store's, not the code's.
 *
 * Conditions are judged on existence only: a conditional PutItem fails when the item exists, a conditional
 * UpdateItem or DeleteItem when it does not. For what the bench sends (no item expires, no lock lapses, a
 * request completes only its own claim) that is what AWS answers; anything else the memory does not
 * understand fails loudly instead of answering wrongly.
 */
import { type AttributeValue, ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';

type Item = Record<string, AttributeValue>;

/** The part of a DynamoDB item command the memory reads. */
interface ItemInput {
  readonly TableName?: string;
  readonly Item?: Item;
  readonly Key?: Item;
  readonly ConditionExpression?: string;
  readonly UpdateExpression?: string;
  readonly ExpressionAttributeNames?: Record<string, string>;
  readonly ExpressionAttributeValues?: Item;
  readonly ReturnValuesOnConditionCheckFailure?: string;
}

/** A command as the SDK client's `send` receives it. */
export interface SentCommand {
  readonly constructor: { readonly name: string };
  readonly input?: unknown;
}

/** Answers one DynamoDB command from memory (or throws what DynamoDB would answer). */
export type DynamoMemory = (command: SentCommand) => Record<string, unknown>;

/**
 * The key attribute names of each table in CloudFormation `Resources` (`AWS::DynamoDB::Table`).
 *
 * @example
 * ```ts
 * keySchemasOf(serviceResources(root)).get('genesys-events-bench-deliveries'); // ['id']
 * ```
 */
export const keySchemasOf = (resources: Record<string, unknown>): Map<string, readonly string[]> => {
  const schemas = new Map<string, readonly string[]>();
  for (const resource of Object.values(resources) as { Type?: string; Properties?: Record<string, unknown> }[]) {
    const { TableName, KeySchema } = resource.Properties ?? {};
    if (resource.Type !== 'AWS::DynamoDB::Table' || typeof TableName !== 'string') continue;
    schemas.set(
      TableName,
      (KeySchema as { AttributeName: string }[]).map((key) => key.AttributeName),
    );
  }
  return schemas;
};

/**
 * An empty memory over the tables of the given key schemas: PutItem, UpdateItem (`SET a = :v` and
 * `REMOVE a` clauses), GetItem and DeleteItem.
 *
 * @example
 * ```ts
 * const memory = dynamoMemory(keySchemasOf(serviceResources(root)));
 * memory(new PutItemCommand({ TableName, Item })); // { $metadata: { httpStatusCode: 200 } }
 * ```
 */
export const dynamoMemory = (keySchemas: ReadonlyMap<string, readonly string[]>): DynamoMemory => {
  const tables = new Map<string, Map<string, Item>>();
  const locate = (input: ItemInput, item: Item | undefined) => {
    const keyNames = keySchemas.get(input.TableName ?? '');
    if (!keyNames || !item) throw new Error(`bench: the DynamoDB memory has no table ${input.TableName}`);
    const items = tables.get(input.TableName ?? '') ?? new Map<string, Item>();
    tables.set(input.TableName ?? '', items);
    return { items, key: JSON.stringify(keyNames.map((name) => item[name])) };
  };
  const ok = (extra: Record<string, unknown> = {}) => ({ $metadata: { httpStatusCode: 200 }, ...extra });

  return (command) => {
    const input = (command.input ?? {}) as ItemInput;
    switch (command.constructor.name) {
      case 'PutItemCommand': {
        const { items, key } = locate(input, input.Item);
        const kept = items.get(key);
        if (kept && input.ConditionExpression) throw conditionFailed(input, kept);
        items.set(key, { ...input.Item });
        return ok();
      }
      case 'UpdateItemCommand': {
        const { items, key } = locate(input, input.Key);
        const kept = items.get(key);
        if (!kept && input.ConditionExpression) throw conditionFailed(input, undefined);
        items.set(key, applyUpdate({ ...input.Key, ...kept }, input));
        return ok();
      }
      case 'GetItemCommand': {
        const { items, key } = locate(input, input.Key);
        const kept = items.get(key);
        return ok(kept ? { Item: { ...kept } } : {});
      }
      case 'DeleteItemCommand': {
        const { items, key } = locate(input, input.Key);
        if (!items.has(key) && input.ConditionExpression) throw conditionFailed(input, undefined);
        items.delete(key);
        return ok();
      }
      default:
        throw new Error(`bench: the DynamoDB memory does not answer ${command.constructor.name}`);
    }
  };
};

const conditionFailed = (input: ItemInput, kept: Item | undefined) =>
  new ConditionalCheckFailedException({
    message: 'The conditional request failed',
    $metadata: { httpStatusCode: 400 },
    ...(kept && input.ReturnValuesOnConditionCheckFailure === 'ALL_OLD' ? { Item: { ...kept } } : {}),
  });

/** Applies `SET name = :value, ...` and `REMOVE name, ...`; nested paths and functions are not understood. */
const applyUpdate = (item: Item, input: ItemInput): Item => {
  const names = input.ExpressionAttributeNames ?? {};
  const values = input.ExpressionAttributeValues ?? {};
  const nameOf = (path: string) => {
    const name = path.startsWith('#') ? names[path] : path;
    if (!name || !/^[\w-]+$/.test(name)) throw new Error(`bench: the DynamoDB memory does not understand ${path}`);
    return name;
  };
  const clauses = (input.UpdateExpression ?? '').split(/\b(SET|REMOVE)\b/i).slice(1);
  for (let index = 0; index < clauses.length; index += 2) {
    const keyword = clauses[index]?.toUpperCase();
    for (const part of (clauses[index + 1] ?? '').split(',')) {
      if (keyword === 'REMOVE') {
        delete item[nameOf(part.trim())];
        continue;
      }
      const [path = '', value = ''] = part.split('=').map((side) => side.trim());
      const assigned = values[value];
      if (!assigned) throw new Error(`bench: the DynamoDB memory does not understand SET ${part.trim()}`);
      item[nameOf(path)] = assigned;
    }
  }
  return item;
};
