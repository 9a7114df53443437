import {
  MalformedPayloadError,
  parsePartnerSource,
  signOpenMessaging,
  signSeedForm,
  signSeedHeader,
} from '@genesys-events/core';
import { CliError } from '../cli/errors';
import type { Settings } from '../config/settings';

/**
 * How an event reaches the local system: which route, and how it is authenticated there.
 *
 * @example
 * ```ts
 * TRANSPORTS.includes('genesys-form'); // true
 * ```
 */
export const TRANSPORTS = ['eventbridge', 'genesys-header', 'genesys-form', 'open-messaging'] as const;

/**
 * One of {@link TRANSPORTS}.
 *
 * @example
 * ```ts
 * const transport: Transport = 'open-messaging';
 * ```
 */
export type Transport = (typeof TRANSPORTS)[number];

/**
 * The route of each transport.
 *
 * @example
 * ```ts
 * ROUTE_OF['genesys-form']; // '/webhooks/genesys'
 * ```
 */
export const ROUTE_OF: Readonly<Record<Transport, string>> = {
  eventbridge: '/webhooks/eventbridge',
  'genesys-header': '/webhooks/genesys',
  'genesys-form': '/webhooks/genesys',
  'open-messaging': '/webhooks/open-messaging',
};

/**
 * A request ready to post: the route, the exact body and its headers.
 *
 * @example
 * ```ts
 * const request: PreparedRequest = prepareRequest({ transport: 'eventbridge', body, settings });
 * ```
 */
export interface PreparedRequest {
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/**
 * What authenticates a request; each falls back to the first entry of the configured list.
 *
 * @example
 * ```ts
 * prepareRequest({ transport: 'eventbridge', body, settings, credentials: { apiKey: 'other-key' } });
 * ```
 */
export interface Credentials {
  readonly secret?: string | undefined;
  readonly apiKey?: string | undefined;
}

/**
 * Checks a `--transport` value.
 *
 * @example
 * ```ts
 * parseTransport('genesys-form'); // 'genesys-form'
 * ```
 */
export const parseTransport = (value: string): Transport => {
  if ((TRANSPORTS as readonly string[]).includes(value)) return value as Transport;
  throw new CliError(`unknown transport "${value}": use one of ${TRANSPORTS.join(', ')}`, { exitCode: 2 });
};

/**
 * Signs or authenticates a body for a transport with core's signing helpers, the way Genesys (or an
 * EventBridge API destination) would send it.
 *
 * @example
 * ```ts
 * const request = prepareRequest({ transport: 'genesys-header', body, settings, deliveryId: randomUUID() });
 * ```
 */
export const prepareRequest = ({
  transport,
  body,
  settings,
  credentials = {},
  deliveryId,
}: {
  transport: Transport;
  body: string;
  settings: Settings;
  credentials?: Credentials;
  deliveryId?: string | undefined;
}): PreparedRequest => {
  const path = ROUTE_OF[transport];
  if (transport === 'eventbridge') {
    const key = credentials.apiKey ?? first(settings.apiKeys, 'EVENTBRIDGE_API_KEYS', '--api-key');
    return { path, body, headers: { 'content-type': 'application/json', [settings.apiKeyHeader]: key } };
  }
  if (transport === 'open-messaging') {
    const secret = credentials.secret ?? first(settings.openMessagingSecrets, 'OPEN_MESSAGING_SECRETS', '--secret');
    return { path, ...signOpenMessaging({ body, secret }) };
  }
  const secret = credentials.secret ?? first(settings.genesysSecrets, 'GENESYS_WEBHOOK_SECRETS', '--secret');
  const delivery = deliveryId === undefined ? {} : { 'x-genesys-delivery-id': deliveryId };
  if (transport === 'genesys-form') {
    const signed = signSeedForm({ webhook: body, secret });
    return { path, body: signed.body, headers: { ...signed.headers, ...delivery } };
  }
  return { path, ...signSeedHeader({ body, secret, ...(deliveryId === undefined ? {} : { deliveryId }) }) };
};

const first = (list: readonly string[], variable: string, flag: string): string => {
  const [current] = list;
  if (current === undefined) throw new CliError(`nothing to authenticate with: set ${variable} or pass ${flag}`);
  return current;
};

/**
 * The transport a body's shape calls for: a Genesys partner EventBridge envelope goes to the API destination
 * route, an Open Messaging message to its signed route, and everything else (seed events, bare notifications,
 * other envelopes, even shapes nobody knows) to the seed route, whose answer then says what is wrong.
 *
 * @example
 * ```ts
 * transportForShape(recognise(text)); // 'eventbridge'
 * ```
 */
export const transportForShape = (value: unknown): Transport => {
  if (!isRecord(value)) return 'genesys-header';
  if ('detail-type' in value || 'detail' in value) {
    // A Genesys partner source as core (and so the route) defines it: the whole name, not a prefix.
    const { source } = value;
    return typeof source === 'string' && parsePartnerSource(source) ? 'eventbridge' : 'genesys-header';
  }
  // Same precedence as core's recogniseEvent: notification and seed keys win over a message's.
  if ('topicName' in value || 'eventBody' in value || 'eventType' in value) return 'genesys-header';
  return 'channel' in value && 'id' in value ? 'open-messaging' : 'genesys-header';
};

/**
 * Parses a body's JSON for routing; invalid JSON cannot be routed and is refused with core's reason.
 *
 * @example
 * ```ts
 * transportForBody('{"eventType":"conversation:created","conversation":{"id":"c-1"}}'); // 'genesys-header'
 * ```
 */
export const transportForBody = (text: string): Transport => {
  try {
    return transportForShape(JSON.parse(text));
  } catch {
    throw new MalformedPayloadError('invalid_json', 'the body is not valid JSON');
  }
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
