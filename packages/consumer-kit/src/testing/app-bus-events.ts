import { randomUUID } from 'node:crypto';
import type { AppBusEnvelope } from '@genesys-events/core';

/** The partner source Genesys's EventBridge integration puts events on (a made-up org). */
export const TEST_PARTNER_SOURCE = 'aws.partner/genesys.com/cloud/4c2f6a1e-8b3d-4e5f-9a7b-1c2d3e4f5a6b/test';

/**
 * An app-bus event as a rule target receives it: a Genesys notification under its detail-type.
 *
 * @example
 * ```ts
 * appBusEnvelope({ detailType: 'call.analysis.completed', topicName: 'call.analysis.completed', eventBody: {} });
 * ```
 */
export const appBusEnvelope = ({
  detailType,
  topicName,
  eventBody,
  source = TEST_PARTNER_SOURCE,
  time = new Date().toISOString(),
}: {
  detailType: string;
  topicName: string;
  eventBody: Record<string, unknown>;
  source?: string;
  time?: string;
}): AppBusEnvelope & { id: string } => ({
  id: randomUUID(),
  'detail-type': detailType,
  source,
  time,
  detail: { topicName, version: '2', eventBody, metadata: { CorrelationId: randomUUID() }, timestamp: time },
});

/**
 * A conversation detail event (`customer.end`, `user.start`, ...) with a body its catalog schema takes;
 * `eventBody` adds or replaces fields.
 *
 * @example
 * ```ts
 * await handler(conversationDetailEvent('customer.end', conversationId, { disconnectType: 'PEER' }), context);
 * ```
 */
export const conversationDetailEvent = (
  suffix: string,
  conversationId: string = randomUUID(),
  eventBody: Record<string, unknown> = {},
): AppBusEnvelope & { id: string } =>
  appBusEnvelope({
    detailType: `v2.detail.events.conversation.{id}.${suffix}`,
    topicName: `v2.detail.events.conversation.${conversationId}.${suffix}`,
    eventBody: {
      eventTime: Date.now(),
      conversationId,
      participantId: randomUUID(),
      sessionId: randomUUID(),
      mediaType: 'VOICE',
      direction: 'INBOUND',
      ...eventBody,
    },
  });
