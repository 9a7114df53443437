/**
 * What the local system stored, read straight from its DynamoDB (dynalite) with plain JSON requests: how
 * many events a conversation holds. Plain requests, not the SDK, so that checking costs the bench little
 * CPU on the machine it measures (dynalite does not check signatures, only that a request has one).
 */

import { post } from './http-post';

/** The conversation events table of stage `dev`, which every transport of the traffic ends in. */
export const CONVERSATION_EVENTS_TABLE = 'genesys-events-dev-conversation-events';

const AUTHORIZATION =
  'AWS4-HMAC-SHA256 Credential=local/20250101/eu-west-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0';

/**
 * The number of events stored for a conversation.
 *
 * @example
 * ```ts
 * await storedCount('http://127.0.0.1:4567', conversationId); // 1
 * ```
 */
export const storedCount = async (endpoint: string, conversationId: string): Promise<number> => {
  const response = await post(endpoint, {
    timeoutMs: 30_000,
    headers: {
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': 'DynamoDB_20120810.Query',
      'x-amz-date': '20250101T000000Z',
      authorization: AUTHORIZATION,
    },
    body: JSON.stringify({
      TableName: CONVERSATION_EVENTS_TABLE,
      KeyConditionExpression: 'conversationId = :id',
      ExpressionAttributeValues: { ':id': { S: conversationId } },
      Select: 'COUNT',
    }),
  });
  const answer = JSON.parse(response.text) as { Count?: number; message?: string };
  if (response.status !== 200) throw new Error(`bench: dynalite answered ${response.status} ${answer.message ?? ''}`);
  return answer.Count ?? 0;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls until the conversation holds an event; resolves with `performance.now()` at that moment, or
 * `undefined` after `timeoutMs`. The poll interval grows with the wait (a tenth of it, from `everyMs` up
 * to half a second), so a backlog of slow events does not flood dynalite with queries while it is measured.
 *
 * @example
 * ```ts
 * const storedAt = await whenStored(endpoint, conversationId, { everyMs: 20, timeoutMs: 60_000 });
 * ```
 */
export const whenStored = async (
  endpoint: string,
  conversationId: string,
  { everyMs, timeoutMs }: { everyMs: number; timeoutMs: number },
): Promise<number | undefined> => {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    if ((await storedCount(endpoint, conversationId)) > 0) return performance.now();
    await sleep(Math.min(500, Math.max(everyMs, (performance.now() - started) / 10)));
  }
  return undefined;
};

/**
 * Waits until every conversation holds exactly one event (or `timeoutMs` passes), checking the ones not
 * yet complete every `everyMs`; answers the conversations that are still missing and those holding more.
 *
 * @example
 * ```ts
 * const { missing, extra } = await accountFor(endpoint, ids, { everyMs: 250, timeoutMs: 60_000 });
 * ```
 */
export const accountFor = async (
  endpoint: string,
  conversationIds: readonly string[],
  { everyMs, timeoutMs }: { everyMs: number; timeoutMs: number },
): Promise<{ missing: string[]; extra: string[] }> => {
  const deadline = performance.now() + timeoutMs;
  let pending = [...conversationIds];
  const extra: string[] = [];
  while (pending.length > 0) {
    const still: string[] = [];
    for (const id of pending) {
      const count = await storedCount(endpoint, id);
      if (count === 0) still.push(id);
      else if (count > 1) extra.push(id);
    }
    pending = still;
    if (pending.length === 0 || performance.now() > deadline) break;
    await sleep(everyMs);
  }
  return { missing: pending, extra };
};
