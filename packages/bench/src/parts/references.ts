/**
 * The floor and the naive handler ingest is measured against, in the same run on the same bytes (the
 * required-work references of each route are in `required-work.ts`).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

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
