import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { signOpenMessaging, signSeedForm, signSeedHeader } from '@genesys-events/core';
import { describe, expect, it } from '@jest/globals';
import { conversationDetail, openMessage } from './fixtures/genesys-envelopes';
import { seedConversationEvent } from './http-client';
import { recordSentSecrets } from './leak-watch';
import { baseUrl, DEV_EVENTBRIDGE_API_KEYS, DEV_OPEN_MESSAGING_SECRETS, DEV_SECRETS } from './local-system';
import { scanTable, TABLES } from './stores';

// A burst through the real local stack, like the ones that used to tip it into a spiral of cold workers:
// mixed transports at 60 events/s for 4 s, every 20th request a redelivery, sent open loop. Whatever the
// machine, every answer must be 200 or 503 with Retry-After (retried after it, as Genesys retries), nothing
// may be parked, and every conversation must hold exactly its event.

const RATE = 60;
const SECONDS = 4;
const RUN = `burst-${Date.now()}`;
const deadLetterDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '.local-data', 'dead-letters');

interface Prepared {
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** The `index`-th new request: its transport rotates over the four. */
const prepare = (index: number, conversationId: string): Prepared => {
  const seed = JSON.stringify(seedConversationEvent('conversation:created', conversationId));
  const secret = DEV_SECRETS.current;
  switch (index % 4) {
    case 0:
      return { path: '/webhooks/genesys', ...signSeedForm({ webhook: seed, secret }) };
    case 1:
      return {
        path: '/webhooks/genesys',
        ...signSeedHeader({ body: seed, secret, deliveryId: `d-${conversationId}` }),
      };
    case 2: {
      const body = JSON.stringify(openMessage(conversationId));
      return {
        path: '/webhooks/open-messaging',
        ...signOpenMessaging({ body, secret: DEV_OPEN_MESSAGING_SECRETS.current }),
      };
    }
    default: {
      const headers = { 'content-type': 'application/json', 'x-api-key': DEV_EVENTBRIDGE_API_KEYS.current };
      return {
        path: '/webhooks/eventbridge',
        headers,
        body: JSON.stringify(conversationDetail(conversationId, 'customer.start', 1)),
      };
    }
  }
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Answer {
  readonly status: number;
  readonly retryAfter: string | null;
}

/** Posts, and after a 503 posts again once its Retry-After has passed (five retries at most). */
const deliver = async ({ path, headers, body }: Prepared): Promise<Answer[]> => {
  const answers: Answer[] = [];
  for (let attempt = 0; attempt <= 5; attempt += 1) {
    const init = { method: 'POST', headers, body };
    recordSentSecrets(init);
    const response = await fetch(`${baseUrl}${path}`, init);
    await response.arrayBuffer();
    const answer = { status: response.status, retryAfter: response.headers.get('retry-after') };
    answers.push(answer);
    if (answer.status !== 503) break;
    await sleep(Number(answer.retryAfter ?? 1) * 1000);
  }
  return answers;
};

const deadLettersMentioning = (marker: string): string[] => {
  let files: string[] = [];
  try {
    files = readdirSync(deadLetterDir).filter((name) => name.endsWith('.ndjson'));
  } catch {
    return [];
  }
  return files.flatMap((name) =>
    readFileSync(join(deadLetterDir, name), 'utf8')
      .split('\n')
      .filter((line) => line.includes(marker)),
  );
};

const storedPerConversation = async (): Promise<Map<string, number>> => {
  const counts = new Map<string, number>();
  for (const item of await scanTable(TABLES.conversationEvents)) {
    const id = String(item.conversationId);
    if (id.startsWith(RUN)) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
};

describe('a burst of mixed webhooks through the real local stack', () => {
  it('answers 200 or 503 with Retry-After, parks nothing and stores every event exactly once', async () => {
    const ids = Array.from({ length: RATE * SECONDS }, (_, index) => `${RUN}-${index}`);
    const requests = ids.map((id, index) => prepare(index, id));
    const started = Date.now();
    const deliveries: Promise<Answer[]>[] = [];
    for (let index = 0; index < requests.length; index += 1) {
      await sleep(started + (index * 1000) / RATE - Date.now());
      // Every 20th request is followed by its redelivery, as Genesys resends one it saw no answer to.
      const redelivery = index % 20 === 19 ? [requests[index - 10] as Prepared] : [];
      for (const prepared of [requests[index] as Prepared, ...redelivery]) deliveries.push(deliver(prepared));
    }
    const answers = (await Promise.all(deliveries)).flat();

    let stored = await storedPerConversation();
    for (let round = 0; round < 60 && ids.some((id) => stored.get(id) !== 1); round += 1) {
      await sleep(500);
      stored = await storedPerConversation();
    }
    const statuses = answers.map((answer) => answer.status);
    console.log(
      `burst: ${requests.length} events at ${RATE}/s, ${answers.length} answers: ` +
        `${statuses.filter((s) => s === 200).length} x 200, ${statuses.filter((s) => s === 503).length} x 503`,
    );
    expect({
      outsideTheContract: answers.filter((a) => a.status !== 200 && !(a.status === 503 && a.retryAfter)),
      notStoredOnce: ids.filter((id) => stored.get(id) !== 1).map((id) => `${id}: ${stored.get(id) ?? 0}`),
      parked: deadLettersMentioning(RUN),
    }).toEqual({ outsideTheContract: [], notStoredOnce: [], parked: [] });
  }, 120_000);
});
