import { type Env, requiredSetting, wholeNumberSetting } from '@genesys-events/consumer-kit/config';

/** Settings every ingest route needs, read and validated once at cold start. */
export interface IngestConfig {
  /** The app bus events are published to. */
  readonly appBusName: string;
}

/** Settings of the routes that deduplicate deliveries (seed and Open Messaging), read once at cold start. */
export interface DeliveriesConfig {
  /** DynamoDB table that remembers delivery ids (seed `X-Genesys-Delivery-Id`, Open Messaging message ids). */
  readonly tableName: string;
  /** How long a delivery id is remembered, in seconds. */
  readonly ttlSeconds: number;
}

/** A comma-separated secret list, given directly or as the name of an SSM SecureString parameter. */
export type SecretSource =
  | { readonly kind: 'value'; readonly value: string }
  | { readonly kind: 'ssm'; readonly parameterName: string };

/**
 * Reads the settings every route shares; a missing value fails with its name.
 *
 * @example
 * ```ts
 * const config = readIngestConfig(process.env);
 * ```
 */
export const readIngestConfig = (env: Env): IngestConfig => ({ appBusName: requiredSetting(env, 'APP_BUS_NAME') });

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

/**
 * Where a route's secret list comes from: `NAME` holds the list itself (local), `NAME_PARAMETER` names
 * the SSM SecureString that holds it (cloud, and it wins when both are set).
 *
 * @example
 * ```ts
 * secretSource(process.env, 'OPEN_MESSAGING_SECRETS'); // { kind: 'value', value: 'a,b' }
 * ```
 */
export const secretSource = (env: Env, name: string): SecretSource => {
  const parameterName = env[`${name}_PARAMETER`];
  if (parameterName) return { kind: 'ssm', parameterName };
  const value = env[name];
  if (value) return { kind: 'value', value };
  throw new Error(`missing configuration: set ${name} (local) or ${name}_PARAMETER (an SSM parameter name)`);
};
