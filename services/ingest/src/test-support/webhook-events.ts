/**
 * Test helpers for the webhook routes: API Gateway HTTP API (payload v2) events and realistic seed event
 * bodies. Every builder returns a fresh object.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { type HttpApiEventOptions, httpApiEvent } from './http-api-event';

export const CONVERSATION_ID = 'c41f7e2a-95b3-4d08-8e6c-1a2b3c4d5e6f';

/** A seed `conversation:created` event, as the JSON text a sender signs. */
export const seedConversationJson = (overrides: Record<string, unknown> = {}): string =>
  JSON.stringify({
    eventType: 'conversation:created',
    conversation: { id: CONVERSATION_ID, type: 'call', direction: 'inbound', queue: 'Tier 1 Support' },
    timestamp: '2025-03-14T09:26:53.589Z',
    ...overrides,
  });

export type { HttpApiEventOptions as WebhookEventOptions } from './http-api-event';

/**
 * An HTTP API v2 event for a webhook route (`/webhooks/genesys` unless `path` says otherwise), as AWS sends
 * it: see {@link httpApiEvent}. The body is given as the sender wrote it and encoded when `isBase64Encoded`.
 */
export const webhookEvent = (options: HttpApiEventOptions): APIGatewayProxyEventV2 => httpApiEvent(options);

/** A response as the handler answers it, with the body parsed. */
export interface ParsedResponse {
  readonly statusCode: number | undefined;
  readonly headers: Record<string, unknown>;
  readonly body: string;
  readonly json: Record<string, unknown>;
}

/** Reads a structured Lambda HTTP result; a body that is not JSON parses to `{}`. */
export const parseResponse = (response: unknown): ParsedResponse => {
  const result = (response ?? {}) as { statusCode?: number; headers?: Record<string, unknown>; body?: unknown };
  const body = typeof result.body === 'string' ? result.body : '';
  let json: Record<string, unknown> = {};
  try {
    const value: unknown = JSON.parse(body);
    if (typeof value === 'object' && value !== null) json = value as Record<string, unknown>;
  } catch {
    json = {};
  }
  return { statusCode: result.statusCode, headers: result.headers ?? {}, body, json };
};
