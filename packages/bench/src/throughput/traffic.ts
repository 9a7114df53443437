/**
 * Mixed webhook traffic for the local system, signed with the dev secrets of `.env.dev` by core's own
 * helpers: seed form, seed header with a delivery id, Open Messaging and EventBridge API destination
 * envelopes in turn, each naming a conversation of its own, plus a share of redeliveries (the exact same
 * request again, as Genesys resends it).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { signOpenMessaging, signSeedForm, signSeedHeader } from '@genesys-events/core';
import { benchId, openMessageJson, partnerEnvelopeJson, seedEventJson } from '../fixtures/bodies';

/** The transports the traffic mixes, in the order it rotates through them. */
export const TRAFFIC_KINDS = ['seedForm', 'seedHeader', 'openMessaging', 'eventBridgeApi'] as const;
export type TrafficKind = (typeof TRAFFIC_KINDS)[number];

/** One request to post. */
export interface TrafficRequest {
  readonly kind: TrafficKind;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** The conversation the event belongs to; every new request names a new one. */
  readonly conversationId: string;
}

/** What authenticates the requests: the current (first) entry of each list in `.env.dev`. */
export interface DevCredentials {
  readonly genesysSecret: string;
  readonly openMessagingSecret: string;
  readonly apiKey: string;
  readonly apiKeyHeader: string;
}

/**
 * Reads the current dev secrets from the checkout's `.env.dev` (never hard-coded).
 *
 * @example
 * ```ts
 * const credentials = devCredentials(paths.root);
 * ```
 */
export const devCredentials = (root: string): DevCredentials => {
  const values = new Map<string, string>();
  for (const line of readFileSync(join(root, '.env.dev'), 'utf8').split('\n')) {
    const match = /^([A-Z_]+)=(.*)$/.exec(line.trim());
    if (match?.[1]) values.set(match[1], (match[2] ?? '').split(',')[0]?.trim() ?? '');
  }
  const need = (name: string) => {
    const value = values.get(name);
    if (!value) throw new Error(`bench: .env.dev has no ${name}`);
    return value;
  };
  return {
    genesysSecret: need('GENESYS_WEBHOOK_SECRETS'),
    openMessagingSecret: need('OPEN_MESSAGING_SECRETS'),
    apiKey: need('EVENTBRIDGE_API_KEYS'),
    apiKeyHeader: values.get('EVENTBRIDGE_API_KEY_HEADER') || 'x-api-key',
  };
};

/**
 * The `index`-th new request of a run: its transport rotates, its conversation is `benchId(base + index)`.
 *
 * @example
 * ```ts
 * newRequest({ index: 0, base: 1_000_000, credentials }).kind; // 'seedForm'
 * ```
 */
export const newRequest = ({
  index,
  base,
  credentials,
}: {
  index: number;
  base: number;
  credentials: DevCredentials;
}): TrafficRequest => {
  const kind = TRAFFIC_KINDS[index % TRAFFIC_KINDS.length] as TrafficKind;
  const conversationId = benchId(base + index);
  switch (kind) {
    case 'seedForm': {
      const signed = signSeedForm({ webhook: seedEventJson(conversationId), secret: credentials.genesysSecret });
      return { kind, path: '/webhooks/genesys', ...signed, conversationId };
    }
    case 'seedHeader': {
      const body = seedEventJson(conversationId);
      const signed = signSeedHeader({
        body,
        secret: credentials.genesysSecret,
        deliveryId: `delivery-${conversationId}`,
      });
      return { kind, path: '/webhooks/genesys', ...signed, conversationId };
    }
    case 'openMessaging': {
      const signed = signOpenMessaging({
        body: openMessageJson(conversationId),
        secret: credentials.openMessagingSecret,
      });
      return { kind, path: '/webhooks/open-messaging', ...signed, conversationId };
    }
    case 'eventBridgeApi': {
      const headers = { 'content-type': 'application/json', [credentials.apiKeyHeader]: credentials.apiKey };
      return {
        kind,
        path: '/webhooks/eventbridge',
        headers,
        body: partnerEnvelopeJson(conversationId),
        conversationId,
      };
    }
  }
};
