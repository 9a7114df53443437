/**
 * The references of each ingest route, measured against its chain in the same run.
 *
 * The required work is the least any handler must do on that route as the service is specified (DESIGN's
 * ingest flow: raw body -> verify -> parse -> validate -> normalise -> dedupe -> PutEvents), and nothing
 * else. It reads the request as its route must (a form parsed by `node:querystring`, the parser the
 * required `@middy/http-urlencode-body-parser` calls; raw bodies as they are) and authenticates the exact
 * bytes (HMAC-SHA256 of the signed text and a constant-time compare, or the API key's SHA-256 compared in
 * constant time). Then it calls core's own steps directly: `recogniseEvent` (JSON parse, nesting limit,
 * schema), `classifyNotification` (a notification's body against the topic catalog: the typed check),
 * `toAppBusEvent` (normalisation, with the gateway facts), the content key when the delivery is
 * deduplicated (a delivery id, or an Open Messaging message id), and serialises the PutEvents detail. No
 * framework, logging, metrics, error mapping or SDK command: the chain's budget measures those.
 *
 * The minimal work stops after authentication at `JSON.parse` and `JSON.stringify`: no validation or
 * normalisation, which the service cannot skip. Ours against it is printed as information.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { parse as parseQuery } from 'node:querystring';
import {
  classifyNotification,
  DEFAULT_API_KEY_HEADER,
  eventContentKey,
  type GatewayInfo,
  OPEN_MESSAGING_SIGNATURE_HEADER,
  recogniseEvent,
  SEED_HEADERS,
  toAppBusEvent,
} from '@genesys-events/core';
import type { Scheme } from '../fixtures/webhooks';
import { floorCheck } from './references';

/** The part of an HTTP API event a reference reads (header names arrive lower-cased, as in payload 2.0). */
export interface ReferenceEvent {
  readonly body?: string;
  readonly headers?: Readonly<Record<string, string | undefined>>;
}

/** A reference handler's answer. */
export interface ReferenceAnswer {
  readonly statusCode: number;
  readonly body: string;
}

/** A reference handler for one route. */
export type RequiredWork = (event: ReferenceEvent) => Promise<ReferenceAnswer>;

/** Which reference: the work as the service is specified, or the minimal work (information). */
export type ReferenceKind = 'required' | 'minimal';

const ACCEPTED: ReferenceAnswer = { statusCode: 200, body: '{"status":"accepted"}' };
const refused = (statusCode: number): ReferenceAnswer => ({ statusCode, body: '' });

/** What a route knows of a delivery once it is authenticated: its transport, scheme and delivery id. */
interface Delivery {
  readonly transport: string;
  readonly scheme: string;
  readonly deliveryId?: string | undefined;
}

/** The work after authentication, on the authenticated text. */
type AfterAuthentication = (text: string, delivery: Delivery) => ReferenceAnswer;

/**
 * Minimal: parses the text and serialises a bus detail of it (the API destination's envelope publishes its
 * `detail`). The answer depends on the detail so that the engine cannot drop the serialisation as dead code.
 */
const minimal: AfterAuthentication = (text, { transport }) => {
  const parsed = JSON.parse(text) as Record<string, unknown>;
  const detail = JSON.stringify({ eventBody: transport === 'eventbridge-api' ? parsed.detail : parsed });
  return detail.length > 0 ? ACCEPTED : refused(500);
};

/**
 * As specified: core's recognition (parse, nesting limit, schema), a notification's body checked against
 * the topic catalog, normalisation with the gateway facts, the content key when the delivery is
 * deduplicated (computed once, from the normalised detail), and the PutEvents detail serialised.
 */
const specified: AfterAuthentication = (text, { transport, scheme, deliveryId }) => {
  const recognised = recogniseEvent(text);
  const catalogued = recognised.kind === 'notification' ? classifyNotification(recognised.notification).kind : '';
  const gateway: GatewayInfo = {
    transport,
    scheme,
    receivedAt: new Date().toISOString(),
    ...(deliveryId ? { deliveryId } : {}),
  };
  const { detail } = toAppBusEvent(recognised, gateway);
  // As ingest: a delivery id, or an Open Messaging message's own dedupe key, asks for deduplication.
  const deduplicated =
    deliveryId !== undefined || (recognised.kind === 'open-messaging' && recognised.dedupeKey !== undefined);
  const key = deduplicated ? eventContentKey(detail) : '';
  return JSON.stringify(detail).length + key.length + catalogued.length > 0 ? ACCEPTED : refused(500);
};

/** Seed form: the `webhook` field is the signed text, its hex HMAC is the `signature` field. */
const seedForm =
  (secret: string, then: AfterAuthentication): RequiredWork =>
  async ({ body }) => {
    const { webhook, signature } = parseQuery(body ?? '');
    if (typeof webhook !== 'string' || typeof signature !== 'string') return refused(400);
    if (!floorCheck(secret, webhook, Buffer.from(signature, 'hex'))) return refused(401);
    return then(webhook, { transport: 'genesys-form', scheme: 'seed-form' });
  };

/** Seed header: the body is the signed text, its hex HMAC a header; a delivery id header asks for dedupe. */
const seedHeader =
  (secret: string, then: AfterAuthentication): RequiredWork =>
  async ({ body, headers }) => {
    const claimed = fromHex(headers?.[SEED_HEADERS.bodySignature] ?? '');
    if (!body || !floorCheck(secret, body, claimed)) return refused(401);
    const deliveryId = headers?.[SEED_HEADERS.deliveryId];
    return then(body, { transport: 'genesys-header', scheme: 'seed-header', deliveryId });
  };

/** Open Messaging: the body is the signed text, its base64 HMAC the `sha256=` header. */
const openMessaging =
  (secret: string, then: AfterAuthentication): RequiredWork =>
  async ({ body, headers }) => {
    const claimed = fromPrefixedBase64(headers?.[OPEN_MESSAGING_SIGNATURE_HEADER] ?? '');
    if (!body || !claimed || !floorCheck(secret, body, claimed)) return refused(401);
    return then(body, { transport: 'open-messaging', scheme: 'open-messaging' });
  };

const OPEN_MESSAGING_PREFIX = 'sha256=';
const fromHex = (value: string) => Buffer.from(value, 'hex');
const fromPrefixedBase64 = (value: string) =>
  value.startsWith(OPEN_MESSAGING_PREFIX)
    ? Buffer.from(value.slice(OPEN_MESSAGING_PREFIX.length), 'base64')
    : undefined;

const sha256 = (text: string) => createHash('sha256').update(text).digest();

/**
 * API destination: the key header compared in constant time. Keys of any length are compared through their
 * SHA-256 (a plain compare would leak the length); the configured key's digest is computed once, up front.
 */
const apiKey = (key: string, then: AfterAuthentication): RequiredWork => {
  const expected = sha256(key);
  return async ({ body, headers }) => {
    const received = headers?.[DEFAULT_API_KEY_HEADER];
    if (!body || !received || !timingSafeEqual(sha256(received), expected)) return refused(401);
    return then(body, { transport: 'eventbridge-api', scheme: 'api-key' });
  };
};

/**
 * A route's reference, authenticating with the given secret (or API key).
 *
 * @example
 * ```ts
 * const reference = referenceHandler('openMessaging', secret, 'required');
 * await reference({ body, headers }); // { statusCode: 200, body: '{"status":"accepted"}' }
 * ```
 */
export const referenceHandler = (scheme: Scheme, secret: string, kind: ReferenceKind): RequiredWork => {
  const then = kind === 'required' ? specified : minimal;
  switch (scheme) {
    case 'seedForm':
      return seedForm(secret, then);
    case 'seedHeader':
      return seedHeader(secret, then);
    case 'openMessaging':
      return openMessaging(secret, then);
    case 'eventBridgeApi':
      return apiKey(secret, then);
  }
};
