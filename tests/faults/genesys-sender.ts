import { randomUUID } from 'node:crypto';
import { signOpenMessaging, signSeedHeader } from '@genesys-events/core';
import { conversationDetail, envelope, openMessage } from '../integration/fixtures/genesys-envelopes';
import { faultBaseUrl } from './fault-system';

/**
 * Genesys's retry policy, shortened: it retries a delivery on a timeout (10 s), 429 or 5xx up to 5 times.
 * Genesys waits 5 s between tries (25 s in all); this sender starts at 300 ms and doubles the delay
 * (300, 600, 1200, 2400, 4800 ms: 9.3 s in all) so that the run stays short while the retries still
 * outlast the function's 8 s timeout, the longest a failed try's in-progress delivery record can block
 * its retries (503 "in flight"), as Genesys's 25 s do.
 */
export const RETRY_POLICY = { maxRetries: 5, firstDelayMs: 300, timeoutMs: 10_000 } as const;

/** The committed dev-only secrets of `.env.dev`. */
const SEED_SECRET = 'dev-genesys-webhook-secret';
const OPEN_MESSAGING_SECRET = 'dev-open-messaging-secret';
const EVENTBRIDGE_API_KEY = 'dev-eventbridge-api-key';

/** One event as Genesys delivers it: the same bytes and headers on every try. */
export interface Delivery {
  readonly name: string;
  readonly conversationId: string;
  readonly route: string;
  /** The `transport` the stored event must show. */
  readonly transport: string;
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** What became of one delivery. */
export interface DeliveryResult {
  readonly delivery: Delivery;
  /** One entry per try: the HTTP status, `timeout` or `network`. */
  readonly tries: readonly (number | 'timeout' | 'network')[];
  /** The 200 answer that ended the retries, if one came. */
  readonly acceptance?: { readonly status: string; readonly eventId: string; readonly detailType: string };
  /** Answers other than 200 accepted/duplicate and 503, as `status body` (what the contract does not list). */
  readonly unexpected: readonly string[];
}

const eventBridgeDelivery = (index: number, conversationId: string): Delivery => ({
  name: `eventbridge-${index}`,
  conversationId,
  route: '/webhooks/eventbridge',
  transport: 'eventbridge-api',
  body: JSON.stringify(conversationDetail(conversationId, 'customer.start', Date.now() - index * 1000)),
  headers: { 'content-type': 'application/json', 'x-api-key': EVENTBRIDGE_API_KEY },
});

const seedHeaderDelivery = (index: number, conversationId: string): Delivery => {
  const body = JSON.stringify({
    eventType: 'conversation:created',
    conversation: { id: conversationId, type: 'call' },
    timestamp: new Date(Date.now() - index * 1000).toISOString(),
  });
  const signed = signSeedHeader({ body, secret: SEED_SECRET, deliveryId: `delivery-${randomUUID()}` });
  return {
    name: `seed-header-${index}`,
    conversationId,
    route: '/webhooks/genesys',
    transport: 'genesys-header',
    ...signed,
  };
};

const openMessagingDelivery = (index: number, conversationId: string): Delivery => ({
  name: `open-messaging-${index}`,
  conversationId,
  route: '/webhooks/open-messaging',
  transport: 'open-messaging',
  ...signOpenMessaging({ body: JSON.stringify(openMessage(conversationId)), secret: OPEN_MESSAGING_SECRET }),
});

/** `count` valid deliveries, spread over the three webhook routes, each for a conversation of its own. */
export const validDeliveries = (count: number): Delivery[] => {
  const makers = [eventBridgeDelivery, seedHeaderDelivery, openMessagingDelivery];
  return Array.from({ length: count }, (_, index) =>
    (makers[index % makers.length] ?? eventBridgeDelivery)(index, randomUUID()),
  );
};

/**
 * A delivery no consumer can use: an authentic envelope whose notification names no conversation (the
 * topic keeps the literal `{id}` and the body has no conversation id). `marker` finds it again.
 */
export const poisonDelivery = (marker: string): Delivery => {
  const topic = 'v2.detail.events.conversation.{id}.customer.start';
  const poison = envelope(topic, topic, { eventTime: Date.now(), poisonMarker: marker, mediaType: 'VOICE' });
  return {
    name: marker,
    conversationId: '',
    route: '/webhooks/eventbridge',
    transport: 'eventbridge-api',
    body: JSON.stringify(poison),
    headers: { 'content-type': 'application/json', 'x-api-key': EVENTBRIDGE_API_KEY },
  };
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const retryable = (status: number) => status === 429 || status >= 500;

/** Delivers like Genesys: the same request again after a timeout, 429 or 5xx, at most 5 retries. */
export const deliver = async (delivery: Delivery): Promise<DeliveryResult> => {
  const tries: DeliveryResult['tries'][number][] = [];
  const unexpected: string[] = [];
  for (let attempt = 0; attempt <= RETRY_POLICY.maxRetries; attempt += 1) {
    if (attempt > 0) await sleep(RETRY_POLICY.firstDelayMs * 2 ** (attempt - 1));
    let status: number;
    let text: string;
    try {
      const response = await fetch(`${faultBaseUrl}${delivery.route}`, {
        method: 'POST',
        headers: delivery.headers,
        body: delivery.body,
        signal: AbortSignal.timeout(RETRY_POLICY.timeoutMs),
      });
      status = response.status;
      text = await response.text();
    } catch (error) {
      tries.push((error as Error).name === 'TimeoutError' ? 'timeout' : 'network');
      continue;
    }
    tries.push(status);
    const answer = parse(text);
    if (status === 200 && (answer.status === 'accepted' || answer.status === 'duplicate')) {
      const acceptance = {
        status: answer.status,
        eventId: String(answer.eventId),
        detailType: String(answer.detailType),
      };
      return { delivery, tries, acceptance, unexpected };
    }
    if (status !== 503) unexpected.push(`${status} ${text.slice(0, 160)}`);
    // Offline answers some failures (a thrown handler) with 200 and an error body where AWS answers 5xx: retry.
    if (status !== 200 && !retryable(status)) break;
  }
  return { delivery, tries, unexpected };
};

/** Runs `work` over `items` with at most `limit` in flight, keeping the order of results. */
export const withConcurrency = async <T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> => {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
};

const parse = (text: string): Record<string, unknown> => {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
};
