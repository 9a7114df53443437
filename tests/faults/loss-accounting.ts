import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DynamoDBClient, paginateScan } from '@aws-sdk/client-dynamodb';
import { FAULT_PORTS, faultBaseUrl, faultIssuer } from './fault-system';
import { withConcurrency } from './genesys-sender';

/** The conversation events table of the local system (stage `dev`). */
const EVENTS_TABLE = 'genesys-events-dev-conversation-events';

/** A stored event as `GET /conversations/{id}` serves it. */
export interface ServedEvent {
  readonly topic: string;
  readonly detailType: string;
  readonly transport: string;
  readonly body: Record<string, unknown>;
}

/** A line of a local dead-letter file. */
export interface DeadLetter {
  readonly file: string;
  readonly functionKey: string;
  readonly event: { readonly detail?: { readonly eventBody?: Record<string, unknown> } };
  readonly error: string;
  readonly failedAt: string;
  readonly text: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let readerToken: Promise<string> | undefined;

/** A `conversations:read` token from the fault system's local issuer, got once. */
const authorization = async (): Promise<string> => {
  readerToken ??= fetch(`${faultIssuer}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials&scope=conversations%3Aread',
  })
    .then((response) => response.json() as Promise<{ access_token: string }>)
    .then((body) => body.access_token)
    .catch((error: unknown) => {
      readerToken = undefined;
      throw error;
    });
  return `Bearer ${await readerToken}`;
};

/** `GET /conversations/{id}` with a token: its events, or `undefined` for a 404 or any failed read. */
export const readConversation = async (conversationId: string): Promise<ServedEvent[] | undefined> => {
  try {
    const response = await fetch(`${faultBaseUrl}/conversations/${conversationId}`, {
      headers: { authorization: await authorization() },
      signal: AbortSignal.timeout(15_000),
    });
    const answer = (await response.json()) as { events?: ServedEvent[] };
    return response.status === 200 && Array.isArray(answer.events) ? answer.events : undefined;
  } catch {
    return undefined;
  }
};

/**
 * Polls `GET /conversations/{id}` (a bounded number of rounds, within `timeoutMs`) until every conversation
 * serves at least one event. Resolves with the ids still not visible at the end.
 */
export const waitUntilVisible = async (conversationIds: readonly string[], timeoutMs: number): Promise<string[]> => {
  const deadline = Date.now() + timeoutMs;
  let pending = [...conversationIds];
  for (let round = 0; round < 1_000 && pending.length > 0 && Date.now() < deadline; round += 1) {
    const seen = await withConcurrency(pending, 8, async (id) => ((await readConversation(id))?.length ?? 0) > 0);
    pending = pending.filter((_, index) => !seen[index]);
    if (pending.length > 0) await sleep(500);
  }
  return pending;
};

/** Reads a conversation, retrying reads that a DynamoDB fault made fail (bounded). */
export const readConversationSurely = async (conversationId: string): Promise<ServedEvent[] | undefined> => {
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const events = await readConversation(conversationId);
    if (events !== undefined) return events;
    await sleep(200);
  }
  return undefined;
};

// Straight to dynalite, not through the fault proxy: the accounting itself must not be faulted.
const dynamodb = new DynamoDBClient({
  endpoint: `http://127.0.0.1:${FAULT_PORTS.dynamodb}`,
  region: 'eu-west-1',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
});

/** How many items the conversation events table holds per conversation id. */
export const storedPerConversation = async (): Promise<Map<string, number>> => {
  const counts = new Map<string, number>();
  for await (const page of paginateScan({ client: dynamodb }, { TableName: EVENTS_TABLE })) {
    for (const item of page.Items ?? []) {
      const id = item.conversationId?.S ?? '(none)';
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
  }
  return counts;
};

const total = (counts: Map<string, number>) => [...counts.values()].reduce((sum, count) => sum + count, 0);

/**
 * Waits until the local bus has delivered everything it was going to (its retries included): the item
 * count of the events table stays the same for `quietMs`, within `maxMs`.
 */
export const waitForStoresToSettle = async ({ quietMs = 5_000, maxMs = 60_000 } = {}): Promise<void> => {
  const started = Date.now();
  let last = total(await storedPerConversation());
  let stableSince = Date.now();
  while (Date.now() - started < maxMs) {
    await sleep(500);
    const now = total(await storedPerConversation());
    if (now !== last) {
      last = now;
      stableSince = Date.now();
    } else if (Date.now() - stableSince >= quietMs) {
      return;
    }
  }
};

/** Every line of every `*.ndjson` file in the local dead-letter folder. */
export const readDeadLetters = (directory: string): DeadLetter[] => {
  if (!existsSync(directory)) return [];
  const letters: DeadLetter[] = [];
  for (const file of readdirSync(directory).filter((name) => name.endsWith('.ndjson'))) {
    for (const text of readFileSync(join(directory, file), 'utf8').split('\n')) {
      if (text.trim() === '') continue;
      letters.push({ ...(JSON.parse(text) as Omit<DeadLetter, 'file' | 'text'>), file, text });
    }
  }
  return letters;
};

/** Closes the direct DynamoDB client. */
export const closeAccounting = (): void => dynamodb.destroy();
