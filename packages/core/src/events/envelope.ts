import { z } from 'zod';

const jsonObject = z.record(z.string(), z.unknown());

/**
 * A Genesys notification: what the notification service sends and what an EventBridge event carries as
 * `detail`. `topicName` is the concrete topic, with ids.
 *
 * @example
 * ```ts
 * genesysNotificationSchema.parse({ topicName: 'v2.detail.events.conversation.<id>.customer.end', eventBody: {} });
 * ```
 */
export const genesysNotificationSchema = z.looseObject({
  topicName: z.string().min(1),
  version: z.string().optional(),
  eventBody: jsonObject,
  metadata: z.looseObject({ CorrelationId: z.string().optional() }).optional(),
  timestamp: z.string().optional(),
});
export type GenesysNotification = z.infer<typeof genesysNotificationSchema>;

/**
 * An Amazon EventBridge event as a rule target or an API destination receives it.
 *
 * @example
 * ```ts
 * eventBridgeEnvelopeSchema.parse({ 'detail-type': 'call.analysis.completed', source: 'genesys.cloud', detail: {} });
 * ```
 */
export const eventBridgeEnvelopeSchema = z.looseObject({
  version: z.string().optional(),
  id: z.string().optional(),
  'detail-type': z.string().min(1),
  source: z.string().min(1),
  account: z.string().optional(),
  time: z.string().optional(),
  region: z.string().optional(),
  resources: z.array(z.string()).optional(),
  detail: jsonObject,
});
export type EventBridgeEnvelope = z.infer<typeof eventBridgeEnvelopeSchema>;
