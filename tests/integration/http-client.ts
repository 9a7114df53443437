import { randomUUID } from 'node:crypto';
import { recordSentSecrets } from './leak-watch';
import { baseUrl } from './local-system';
import { accessToken, bearer, READ_SCOPES } from './tokens';

/** An answer as the tests look at it. */
export interface Answer {
  readonly status: number;
  readonly json: Record<string, unknown>;
  readonly text: string;
}

/** Sends a request to the local system and reads its answer. */
export const request = async (path: string, init: RequestInit = {}): Promise<Answer> => {
  recordSentSecrets(init);
  const response = await fetch(`${baseUrl}${path}`, init);
  const text = await response.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // not JSON; tests that care assert on text
  }
  return { status: response.status, json, text };
};

/** GETs a read route with a bearer token from the local issuer (every read scope unless told). */
export const read = async (path: string, scope: string = READ_SCOPES): Promise<Answer> =>
  request(path, { headers: bearer(await accessToken(scope)) });

/** Polls GET /conversations/{id} until it answers 200 with at least `minEvents` events. */
export const waitForConversation = async (
  conversationId: string,
  minEvents = 1,
  timeoutMs = 10_000,
): Promise<Answer> => {
  const deadline = Date.now() + timeoutMs;
  let last: Answer = { status: 0, json: {}, text: '' };
  while (Date.now() < deadline) {
    last = await read(`/conversations/${conversationId}`);
    const events = last.json.events;
    if (last.status === 200 && Array.isArray(events) && events.length >= minEvents) return last;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return last;
};

/** Waits long enough for the local bus to have delivered anything it was going to deliver. */
export const settle = (ms = 1500): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A seed conversation event with a fresh conversation id. */
export const seedConversationEvent = (
  eventType: 'conversation:created' | 'conversation:updated',
  conversationId = randomUUID(),
) => ({
  eventType,
  conversation: { id: conversationId, type: 'call' },
  timestamp: new Date().toISOString(),
});
