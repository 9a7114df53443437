/**
 * The two references ingest is measured against, in the same run on the same bytes.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { parse as parseQuery } from 'node:querystring';

/**
 * The floor: what authenticating a webhook cannot go below, an HMAC-SHA256 of the signed bytes and a
 * constant-time compare with the expected MAC.
 *
 * @example
 * ```ts
 * floorCheck(secret, signedText, expectedMac); // true
 * ```
 */
export const floorCheck = (secret: string, signedText: string, expectedMac: Buffer): boolean => {
  const mac = createHmac('sha256', secret).update(signedText).digest();
  return mac.length === expectedMac.length && timingSafeEqual(mac, expectedMac);
};

/** The part of an HTTP API event the naive handler reads. */
interface NaiveEvent {
  readonly body?: string;
}

/**
 * The seed tutorial's handler ("Processing Genesys Cloud Webhook Payloads in AWS Lambda"), as teams write
 * it from that write-up: parse the form with URLSearchParams, HMAC the `webhook` field, compare with
 * timingSafeEqual, JSON.parse the event, answer 200. No framework, no logging, no publishing.
 *
 * @example
 * ```ts
 * const handler = naiveSeedFormHandler(secret);
 * await handler({ body }); // { statusCode: 200, body: '{"received":true,...}' }
 * ```
 */
export const naiveSeedFormHandler =
  (secret: string) =>
  async (event: NaiveEvent): Promise<{ statusCode: number; body: string }> => {
    const form = new URLSearchParams(event.body ?? '');
    const webhook = form.get('webhook');
    const signature = form.get('signature');
    if (!webhook || !signature)
      return { statusCode: 400, body: JSON.stringify({ error: 'missing webhook or signature' }) };
    const expected = createHmac('sha256', secret).update(webhook).digest();
    const received = Buffer.from(signature, 'hex');
    if (received.length !== expected.length || !timingSafeEqual(expected, received)) {
      return { statusCode: 401, body: JSON.stringify({ error: 'invalid signature' }) };
    }
    const payload = JSON.parse(webhook) as { eventType?: string };
    return { statusCode: 200, body: JSON.stringify({ received: true, eventType: payload.eventType }) };
  };

/**
 * What any handler must do on the seed form path as the service is specified, and nothing else: parse the
 * form with `node:querystring` (what the required `@middy/http-urlencode-body-parser` calls), HMAC the
 * `webhook` field and compare in constant time, parse the event and serialise the PutEvents detail. No
 * framework, validation, normalisation, logging, metrics or publishing. Its throughput is the ceiling of
 * `ingestVsNaive` and `ingestVsFloorCost` for any implementation that keeps the required parser.
 *
 * @example
 * ```ts
 * const handler = requiredWorkSeedFormHandler(secret);
 * await handler({ body }); // { statusCode: 200, body: '{"status":"accepted"}' }
 * ```
 */
export const requiredWorkSeedFormHandler =
  (secret: string) =>
  async (event: NaiveEvent): Promise<{ statusCode: number; body: string }> => {
    const form = parseQuery(event.body ?? '');
    const { webhook, signature } = form;
    if (typeof webhook !== 'string' || typeof signature !== 'string') return { statusCode: 400, body: '' };
    if (!floorCheck(secret, webhook, Buffer.from(signature, 'hex'))) return { statusCode: 401, body: '' };
    const detail = JSON.stringify({ eventBody: JSON.parse(webhook) as unknown });
    return { statusCode: detail.length > 0 ? 200 : 500, body: '{"status":"accepted"}' };
  };
