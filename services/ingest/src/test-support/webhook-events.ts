/**
 * Test helpers for the seed webhook route: API Gateway HTTP API (payload v2) events and realistic seed event
 * bodies. Every builder returns a fresh object.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

export const CONVERSATION_ID = 'c41f7e2a-95b3-4d08-8e6c-1a2b3c4d5e6f';

/** A seed `conversation:created` event, as the JSON text a sender signs. */
export const seedConversationJson = (overrides: Record<string, unknown> = {}): string =>
  JSON.stringify({
    eventType: 'conversation:created',
    conversation: { id: CONVERSATION_ID, type: 'call', direction: 'inbound', queue: 'Tier 1 Support' },
    timestamp: '2025-03-14T09:26:53.589Z',
    ...overrides,
  });

export interface WebhookEventOptions {
  readonly body?: string;
  readonly headers?: Record<string, string>;
  readonly method?: string;
  readonly isBase64Encoded?: boolean;
}

/** An HTTP API v2 event for `POST /webhooks/genesys`; header names are lower-cased as HTTP APIs do. */
export const webhookEvent = ({
  body,
  headers = {},
  method = 'POST',
  isBase64Encoded = false,
}: WebhookEventOptions): APIGatewayProxyEventV2 =>
  ({
    version: '2.0',
    routeKey: 'ANY /webhooks/genesys',
    rawPath: '/webhooks/genesys',
    rawQueryString: '',
    headers: Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value])),
    ...(body === undefined ? {} : { body }),
    isBase64Encoded,
    requestContext: {
      http: { method, path: '/webhooks/genesys' },
      requestId: 'r',
      timeEpoch: Date.now(),
    },
  }) as unknown as APIGatewayProxyEventV2;

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
