import type { MiddlewareObj } from '@middy/core';
import { createError } from '@middy/util';
import { headerValue, mediaType } from '../http/headers';
import { httpMethodOf, textBodyOf, type WebhookHttpEvent } from './http-event';
import { jsonErrorBody } from './json-error';

/** Options of {@link guardWebhookRequest}. */
export interface GuardWebhookRequestOptions {
  /** Accepted methods; others get 405 with an `Allow` header. Default `['POST']`. */
  readonly methods?: readonly string[];
  /** Largest accepted body in bytes, after base64 decoding. Default 256 KiB, the EventBridge entry limit. */
  readonly maxBodyBytes?: number;
  /** Accepted media types (parameters such as `charset` are ignored); others get 415. */
  readonly mediaTypes: readonly string[];
}

/** 256 KiB: the largest entry EventBridge PutEvents accepts. */
export const EVENTBRIDGE_ENTRY_LIMIT_BYTES = 256 * 1024;

/**
 * Rejects requests a webhook route can never accept before any work is done on them:
 * wrong method (405), body too large (413), unsupported content type (415).
 *
 * @example
 * ```ts
 * middy(lambdaHandler).use(guardWebhookRequest({ mediaTypes: ['application/json'] }));
 * ```
 */
export const guardWebhookRequest = (opts: GuardWebhookRequestOptions): MiddlewareObj<WebhookHttpEvent> => {
  const options = { methods: ['POST'], maxBodyBytes: EVENTBRIDGE_ENTRY_LIMIT_BYTES, ...opts };
  const accepted = new Set(options.mediaTypes.map((type) => type.toLowerCase()));

  const guardWebhookRequestBefore = ({ event }: { event: WebhookHttpEvent }) => {
    const method = httpMethodOf(event);
    if (!options.methods.includes(method)) {
      const error = createError(405, jsonErrorBody('method_not_allowed', `use ${options.methods.join(', ')}`), {
        cause: { reason: 'method_not_allowed', method },
      });
      // createError keeps only cause and expose; http-error-handler copies `headers` into the answer.
      throw Object.assign(error, { headers: { Allow: options.methods.join(', ') } });
    }
    const body = textBodyOf(event) ?? '';
    const byteLength = Buffer.byteLength(body, event.isBase64Encoded ? 'base64' : 'utf8');
    if (byteLength > options.maxBodyBytes) {
      throw createError(413, jsonErrorBody('payload_too_large', `the body exceeds ${options.maxBodyBytes} bytes`), {
        cause: { reason: 'payload_too_large', byteLength },
      });
    }
    const type = mediaType(headerValue(event.headers, 'content-type'));
    if (type === undefined || !accepted.has(type)) {
      throw createError(415, jsonErrorBody('unsupported_media_type', `send ${[...accepted].join(' or ')}`), {
        cause: { reason: 'unsupported_media_type', mediaType: type ?? '(none)' },
      });
    }
  };

  return { before: guardWebhookRequestBefore };
};
