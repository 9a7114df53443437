import { type Env, requiredSetting, wholeNumberSetting } from '@genesys-events/consumer-kit/config';

/** Settings of the routes that deduplicate deliveries (seed and Open Messaging), read once at cold start. */
export interface DeliveriesConfig {
  /** DynamoDB table that remembers delivery ids (seed `X-Genesys-Delivery-Id`, Open Messaging message ids). */
  readonly tableName: string;
  /** How long a delivery id is remembered, in seconds. */
  readonly ttlSeconds: number;
}

/**
 * Reads the deliveries table settings of a route that deduplicates; a missing value fails with its name.
 *
 * @example
 * ```ts
 * const deliveries = readDeliveriesConfig(process.env); // { tableName, ttlSeconds: 86400 }
 * ```
 */
export const readDeliveriesConfig = (env: Env): DeliveriesConfig => ({
  tableName: requiredSetting(env, 'DELIVERIES_TABLE_NAME'),
  // At most a year: a delivery id is only ever redelivered within Genesys's retry window.
  ttlSeconds: wholeNumberSetting(env, 'DELIVERY_TTL_SECONDS', { fallback: 86_400, min: 1, max: 31_536_000 }),
});
