import * as z from 'zod/mini';

/** The `source` of events that reached the app bus through our webhooks (never `aws.*`, which is reserved). */
export const APP_BUS_SOURCE = 'genesys-events.webhooks';

/** How an event arrived. */
export type Transport =
  | 'genesys-form'
  | 'genesys-header'
  | 'open-messaging'
  | 'eventbridge-api'
  | 'eventbridge-partner';

/**
 * The one field the gateway adds to a Genesys notification: how and when the event arrived.
 *
 * @example
 * ```ts
 * const gateway: GatewayInfo = { transport: 'genesys-header', scheme: 'seed-header', receivedAt: new Date().toISOString() };
 * ```
 */
export const gatewayInfoSchema = z.looseObject({
  transport: z.string(),
  scheme: z.string(),
  receivedAt: z.string(),
  deliveryId: z.optional(z.string()),
  originalSource: z.optional(z.string()),
});
export type GatewayInfo = z.infer<typeof gatewayInfoSchema>;

/**
 * The `detail` of every event on the app bus: a Genesys notification plus `gateway`.
 * Events forwarded from the Genesys partner bus have no `gateway` field.
 *
 * @example
 * ```ts
 * const detail = appBusDetailSchema.parse(event.detail);
 * ```
 */
export const appBusDetailSchema = z.looseObject({
  topicName: z.string().check(z.minLength(1)),
  version: z.optional(z.string()),
  eventBody: z.record(z.string(), z.unknown()),
  metadata: z.optional(z.looseObject({ CorrelationId: z.optional(z.string()) })),
  timestamp: z.optional(z.string()),
  gateway: z.optional(gatewayInfoSchema),
});
export type AppBusDetail = z.infer<typeof appBusDetailSchema>;

/** An event ready for EventBridge PutEvents onto the app bus. */
export interface AppBusEvent {
  readonly source: string;
  /** The topic pattern (`v2.detail.events.conversation.{id}.customer.end`) or the seed event type. */
  readonly detailType: string;
  readonly detail: AppBusDetail;
}

/**
 * An app-bus event as an EventBridge rule target (a consumer Lambda) receives it; `detail` is validated
 * with {@link appBusDetailSchema} before use.
 *
 * @example
 * ```ts
 * export const lambdaHandler = async (event: AppBusEnvelope) => appBusDetailSchema.parse(event.detail);
 * ```
 */
export interface AppBusEnvelope {
  readonly id?: string;
  readonly 'detail-type': string;
  readonly source: string;
  readonly time?: string;
  readonly detail: unknown;
}
