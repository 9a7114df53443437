import type { HeaderMap } from '../http/headers';

/**
 * The part of an API Gateway event (REST v1 or HTTP API v2) the webhook middlewares read.
 * Both payload versions are accepted so a route can move between them without code changes.
 */
export interface WebhookHttpEvent {
  body?: unknown;
  isBase64Encoded?: boolean;
  headers?: HeaderMap | null;
  httpMethod?: string;
  requestContext?: { http?: { method?: string }; requestId?: string };
}

/** The method of a v1 or v2 API Gateway event, upper-cased. */
export const httpMethodOf = (event: WebhookHttpEvent): string =>
  (event.requestContext?.http?.method ?? event.httpMethod ?? '').toUpperCase();

/** The body as text as long as no parser has replaced it yet. */
export const textBodyOf = (event: WebhookHttpEvent): string | undefined =>
  typeof event.body === 'string' ? event.body : undefined;

/** Minimal logger the adapters need; Powertools Logger and `console` both fit. */
export interface WarnLogger {
  warn: (message: string, ...extra: Record<string, unknown>[]) => void;
}
