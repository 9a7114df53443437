import type { MiddlewareObj } from '@middy/core';
import type { WebhookHttpEvent } from './http-event';

/**
 * Lower-cases header names, so that every later step reads `content-type` whichever API carried the
 * request (HTTP APIs lower-case names, REST APIs keep the sender's). It does what
 * `@middy/http-header-normalizer` does with its defaults, in a fraction of the 1.5 KB that package adds to
 * a bundle with a 64 KB budget.
 *
 * @example
 * ```ts
 * middy(handler).use(lowerCaseHeaders()).use(guardWebhookRequest({ mediaTypes }));
 * ```
 */
export const lowerCaseHeaders = (): MiddlewareObj<WebhookHttpEvent> => {
  const lowerCaseHeadersBefore = ({ event }: { event: WebhookHttpEvent }) => {
    // HTTP APIs already send them lower-cased: then there is nothing to copy.
    if (!event.headers || !hasUpperCaseName(event.headers)) return;
    event.headers = Object.fromEntries(
      Object.entries(event.headers).map(([name, value]) => [name.toLowerCase(), value]),
    );
  };
  return { before: lowerCaseHeadersBefore };
};

const UPPER_CASE = /[A-Z]/;

const hasUpperCaseName = (headers: Record<string, unknown>): boolean => {
  for (const name in headers) if (UPPER_CASE.test(name)) return true;
  return false;
};
