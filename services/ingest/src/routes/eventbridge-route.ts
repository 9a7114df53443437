import {
  isAllowedPartnerSource,
  MalformedPayloadError,
  type RecognisedEvent,
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
 * is 403. Redeliveries get new envelope ids, so they are left to the consumers' content keys.
 *
 * @example
 * ```ts
 * webhookHandler(config, eventBridgeRoute({ apiKeys, apiKeyHeader: 'x-api-key', allowedOrgIds: [] }));
 * ```
 */
export const eventBridgeRoute = ({ apiKeys, apiKeyHeader, allowedOrgIds }: EventBridgeRouteOptions): WebhookRoute => ({
  name: 'eventbridge',
  mediaTypes: ['application/json'],
  authenticate: [...apiKeys.middleware, verifyApiKeyHeader({ headerName: apiKeyHeader, keys: apiKeys.read })],
  recognise: [
    recognisePayload<WebhookHttpEvent>({
      payloadOf: (event) => (typeof event.body === 'string' ? event.body : ''),
      accept: (recognised) => acceptGenesysEnvelope(recognised, allowedOrgIds),
      deliveryOf: () => ({ transport: 'eventbridge-api', scheme: 'api-key' }),
    }),
  ],
});

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
