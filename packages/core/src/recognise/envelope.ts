import * as z from 'zod/mini';

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
  topicName: z.string().check(z.minLength(1)),
  version: z.optional(z.string()),
  eventBody: jsonObject,
  metadata: z.optional(z.looseObject({ CorrelationId: z.optional(z.string()) })),
  timestamp: z.optional(z.string()),
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
  version: z.optional(z.string()),
  id: z.optional(z.string()),
  'detail-type': z.string().check(z.minLength(1)),
  source: z.string().check(z.minLength(1)),
  account: z.optional(z.string()),
  time: z.optional(z.string()),
  region: z.optional(z.string()),
  resources: z.optional(z.array(z.string())),
  detail: jsonObject,
});
export type EventBridgeEnvelope = z.infer<typeof eventBridgeEnvelopeSchema>;
