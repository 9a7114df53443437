import {
  isAllowedPartnerSource,
  MalformedPayloadError,
  type RecognisedEvent,
  rawBodyBytes,
  SourceNotAllowedError,
} from '@genesys-events/core';
import { verifyApiKeyHeader, type WebhookHttpEvent } from '@genesys-events/core/middleware';
import type { WebhookRoute } from '../http/webhook-pipeline';
import { recognisePayload } from '../receive/recognise-payload';
import type { SecretList } from '../secrets/secret-list';

/** Options of {@link eventBridgeRoute}. */
export interface EventBridgeRouteOptions {
  readonly apiKeys: SecretList;
  /** The header the API destination connection sends its key in. */
  readonly apiKeyHeader: string;
  /** Genesys org ids whose events are taken; empty takes every Genesys org. */
  readonly allowedOrgIds: readonly string[];
}

/**
 * `POST /webhooks/eventbridge`: whole Genesys EventBridge envelopes from an EventBridge API destination,
 * authenticated by the connection's API key (there is no Genesys signature on this path). Anything that is
 * not an envelope is 400; an envelope whose `source` is not a Genesys partner source (of an allowed org)
 * is 403. The body is read as the other routes read it: decoded from base64 when API Gateway says it is
 * (`isBase64Encoded`). Redeliveries get new envelope ids and carry no delivery id, so this route never
 * deduplicates: it builds no deliveries table and leaves redeliveries to the consumers' content keys.
 *
 * @example
 * ```ts
 * webhookHandler(eventBridgeRoute({ apiKeys, apiKeyHeader: 'x-api-key', allowedOrgIds: [] }));
 * ```
 */
export const eventBridgeRoute = ({ apiKeys, apiKeyHeader, allowedOrgIds }: EventBridgeRouteOptions): WebhookRoute => ({
  name: 'eventbridge',
  mediaTypes: ['application/json'],
  authenticate: [...apiKeys.middleware, verifyApiKeyHeader({ headerName: apiKeyHeader, keys: apiKeys.read })],
  recognise: [
    recognisePayload<WebhookHttpEvent>({
      payloadOf: envelopeTextOf,
      accept: (recognised) => acceptGenesysEnvelope(recognised, allowedOrgIds),
      deliveryOf: () => ({ transport: 'eventbridge-api', scheme: 'api-key' }),
    }),
  ],
  deduplicate: [],
});

/** The body's text, through core's `rawBodyBytes` like every verified route: base64 decoded when flagged. */
const envelopeTextOf = ({ body, isBase64Encoded }: WebhookHttpEvent): string =>
  rawBodyBytes({ body: typeof body === 'string' ? body : undefined, isBase64Encoded }).toString('utf8');

const acceptGenesysEnvelope = (recognised: RecognisedEvent, orgIds: readonly string[]): void => {
  const envelope = 'envelope' in recognised ? recognised.envelope : undefined;
  if (!envelope) throw new MalformedPayloadError('unrecognised_shape', 'expected an EventBridge envelope');
  if (!isAllowedPartnerSource(envelope.source, { orgIds })) {
    throw new SourceNotAllowedError(
      'source_not_allowed',
      'the envelope source is not an allowed Genesys partner source',
    );
  }
};
