import { MalformedPayloadError, type SignatureScheme } from '@genesys-events/core';
import type { VerifiedWebhookEvent } from '@genesys-events/core/middleware';

/** The seed route's event after verification and, for forms, `@middy/http-urlencode-body-parser`. */
export type SeedWebhookEvent = VerifiedWebhookEvent<{
  body?: unknown;
  headers?: Record<string, string | undefined> | null;
  requestContext?: { http?: { method?: string }; timeEpoch?: number; requestId?: string };
}>;

/**
 * The JSON text to process. For form bodies it is the parsed `webhook` field, which must be exactly the
 * string whose signature was verified: a second parser reading a different value would let unsigned
 * content through.
 *
 * @example
 * ```ts
 * const payload = seedPayloadOf(event); // '{"eventType":"conversation:created",...}'
 * ```
 */
export const seedPayloadOf = (event: SeedWebhookEvent): string => {
  const { verification } = event;
  if (verification.scheme === 'seed-header') return verification.payload;
  const webhook = (event.body as Record<string, unknown> | undefined)?.webhook;
  if (webhook !== verification.payload) {
    throw new MalformedPayloadError('invalid_event', 'form field "webhook" is ambiguous');
  }
  return webhook;
};

/** Form bodies use the form scheme; every other accepted type is the raw-body header scheme. */
export const seedSchemeOf = (contentType: string | undefined): SignatureScheme =>
  contentType === 'application/x-www-form-urlencoded' ? 'seed-form' : 'seed-header';
