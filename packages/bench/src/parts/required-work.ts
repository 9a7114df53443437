/**
 * The required-work reference of each ingest route: the least any handler must do on that path as the
 * service is specified, and nothing else. The chain's budget is a multiple of it, measured in the same run.
 *
 * Each reference reads the request as its route must (a form parsed by `node:querystring`, the parser the
 * required `@middy/http-urlencode-body-parser` calls; raw bodies as they are), authenticates the exact bytes
 * (HMAC-SHA256 of the signed text and a constant-time compare, or the API key's SHA-256 compared in
 * constant time), parses the event with `JSON.parse` and serialises the PutEvents detail. No framework,
 * validation, normalisation, deduplication, logging, metrics or publishing.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { parse as parseQuery } from 'node:querystring';
import { DEFAULT_API_KEY_HEADER, OPEN_MESSAGING_SIGNATURE_HEADER, SEED_HEADERS } from '@genesys-events/core';
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

/** A required-work reference for one route. */
export type RequiredWork = (event: ReferenceEvent) => Promise<ReferenceAnswer>;

const ACCEPTED: ReferenceAnswer = { statusCode: 200, body: '{"status":"accepted"}' };
const refused = (statusCode: number): ReferenceAnswer => ({ statusCode, body: '' });

/**
 * Parses the authenticated text and serialises the bus detail. The answer depends on the detail so that
 * the engine cannot drop the serialisation as dead code.
 */
const publishable = (text: string, eventBodyOf: (parsed: Record<string, unknown>) => unknown): ReferenceAnswer => {
  const detail = JSON.stringify({ eventBody: eventBodyOf(JSON.parse(text) as Record<string, unknown>) });
  return detail.length > 0 ? ACCEPTED : refused(500);
};

const whole = (parsed: unknown) => parsed;

/** Seed form: the `webhook` field is the signed text, its hex HMAC is the `signature` field. */
const seedForm =
  (secret: string): RequiredWork =>
  async ({ body }) => {
    const { webhook, signature } = parseQuery(body ?? '');
    if (typeof webhook !== 'string' || typeof signature !== 'string') return refused(400);
    if (!floorCheck(secret, webhook, Buffer.from(signature, 'hex'))) return refused(401);
    return publishable(webhook, whole);
  };

/** Raw-body schemes: the body is the signed text, the MAC comes in a header in the scheme's encoding. */
const rawBody =
  (secret: string, header: string, decode: (value: string) => Buffer | undefined): RequiredWork =>
  async ({ body, headers }) => {
    const claimed = decode(headers?.[header] ?? '');
    if (!body || !claimed || !floorCheck(secret, body, claimed)) return refused(401);
    return publishable(body, whole);
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
 * The envelope's `detail` is what goes on the bus.
 */
const apiKey = (key: string): RequiredWork => {
  const expected = sha256(key);
  return async ({ body, headers }) => {
    const received = headers?.[DEFAULT_API_KEY_HEADER];
    if (!body || !received || !timingSafeEqual(sha256(received), expected)) return refused(401);
    return publishable(body, (envelope) => envelope.detail);
  };
};

/**
 * The required-work reference of a route, authenticating with the given secret (or API key).
 *
 * @example
 * ```ts
 * const reference = requiredWorkHandler('openMessaging', secret);
 * await reference({ body, headers }); // { statusCode: 200, body: '{"status":"accepted"}' }
 * ```
 */
export const requiredWorkHandler = (scheme: Scheme, secret: string): RequiredWork => {
  switch (scheme) {
    case 'seedForm':
      return seedForm(secret);
    case 'seedHeader':
      return rawBody(secret, SEED_HEADERS.bodySignature, fromHex);
    case 'openMessaging':
      return rawBody(secret, OPEN_MESSAGING_SIGNATURE_HEADER, fromPrefixedBase64);
    case 'eventBridgeApi':
      return apiKey(secret);
  }
};
