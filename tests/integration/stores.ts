import { DynamoDBClient, paginateListTables } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, paginateQuery, paginateScan } from '@aws-sdk/lib-dynamodb';
import { TEST_PORTS } from './local-system';

/** Every table of the local test system starts with this (the stage is `dev`). */
export const TABLE_PREFIX = 'genesys-events-dev-';

/** The tables the tests know by name; others are found with ListTables. */
export const TABLES = {
  deliveries: `${TABLE_PREFIX}deliveries`,
  conversationEvents: `${TABLE_PREFIX}conversation-events`,
  analytics: `${TABLE_PREFIX}analytics`,
} as const;

/** The test system's dynalite, reached directly (not through the system's HTTP routes). */
export const dynamodbEndpoint = `http://127.0.0.1:${TEST_PORTS.dynamodb}`;

const client = new DynamoDBClient({
  endpoint: dynamodbEndpoint,
  region: 'eu-west-1',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
});
const documents = DynamoDBDocumentClient.from(client, { unmarshallOptions: { wrapNumbers: true } });

/** A table and every item in it, as plain JSON-friendly objects. */
export interface TableContents {
  readonly table: string;
  readonly items: readonly Record<string, unknown>[];
}

/** A marker found in a stored item. */
export interface MarkerHit {
  readonly marker: string;
  readonly table: string;
  readonly item: string;
}

/** The names of every `genesys-events-dev-*` table, sorted. */
export const listSystemTables = async (): Promise<string[]> => {
  const names: string[] = [];
  for await (const page of paginateListTables({ client }, {})) {
    for (const name of page.TableNames ?? []) if (name.startsWith(TABLE_PREFIX)) names.push(name);
  }
  return names.sort();
};

/** Every item of one table (all scan pages). */
export const scanTable = async (table: string): Promise<Record<string, unknown>[]> => {
  const items: Record<string, unknown>[] = [];
  for await (const page of paginateScan({ client: documents }, { TableName: table })) {
    items.push(...(page.Items ?? []));
  }
  return items;
};

/**
 * Deletes every item of a conversation from a store (key `conversationId` + `eventKey`) behind the system's
 * back, as lost data would be: no erasure, no tombstone. Returns how many items went.
 */
export const deleteConversationItems = async (table: string, conversationId: string): Promise<number> => {
  let deleted = 0;
  const pages = paginateQuery(
    { client: documents },
    {
      TableName: table,
      KeyConditionExpression: 'conversationId = :id',
      ExpressionAttributeValues: { ':id': conversationId },
    },
  );
  for await (const page of pages) {
    for (const item of page.Items ?? []) {
      await documents.send(new DeleteCommand({ TableName: table, Key: { conversationId, eventKey: item.eventKey } }));
      deleted += 1;
    }
  }
  return deleted;
};

/** Every item of every `genesys-events-dev-*` table. */
export const scanSystemTables = async (): Promise<TableContents[]> => {
  const tables = await listSystemTables();
  return Promise.all(tables.map(async (table) => ({ table, items: await scanTable(table) })));
};

/** How many items each `genesys-events-dev-*` table holds. */
export const itemCounts = async (): Promise<Record<string, number>> => {
  const contents = await scanSystemTables();
  return Object.fromEntries(contents.map(({ table, items }) => [table, items.length]));
};

/**
 * The JSON text of a stored item, with binary attributes read as UTF-8 and sets as arrays, so that a
 * marker is found wherever and however it was stored.
 */
export const itemText = (item: Record<string, unknown>): string =>
  JSON.stringify(item, (_key, value: unknown) => {
    if (value instanceof Uint8Array) return Buffer.from(value).toString('utf8');
    if (value instanceof Set) return [...value];
    return value;
  });

/** Every stored item, in any `genesys-events-dev-*` table, that contains one of the markers. */
export const findMarkers = async (markers: Iterable<string>): Promise<MarkerHit[]> => {
  const wanted = [...markers];
  const hits: MarkerHit[] = [];
  for (const { table, items } of await scanSystemTables()) {
    for (const item of items) {
      const text = itemText(item);
      for (const marker of wanted) if (text.includes(marker)) hits.push({ marker, table, item: text });
    }
  }
  return hits;
};

/**
 * Waits until the local bus has delivered everything it was going to: polls the item counts of every
 * table until they stay the same for `quietMs` (at least `minMs`, at most `maxMs`).
 */
export const waitForStoresToSettle = async ({ minMs = 2000, quietMs = 1500, maxMs = 15_000 } = {}): Promise<void> => {
  const started = Date.now();
  let last = JSON.stringify(await itemCounts());
  let stableSince = Date.now();
  while (Date.now() - started < maxMs) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    const now = JSON.stringify(await itemCounts());
    if (now !== last) {
      last = now;
      stableSince = Date.now();
    } else if (Date.now() - stableSince >= quietMs && Date.now() - started >= minMs) {
      return;
    }
  }
};
