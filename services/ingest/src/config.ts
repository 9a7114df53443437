import { requiredSetting } from '@genesys-events/consumer-kit/store';

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

type Env = Readonly<Record<string, string | undefined>>;

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
  ttlSeconds: positiveInteger(env, 'DELIVERY_TTL_SECONDS', 86_400),
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

/**
 * A comma-separated list setting; empty when unset.
 *
 * @example
 * ```ts
 * listSetting({ GENESYS_ORG_IDS: 'a, b' }, 'GENESYS_ORG_IDS'); // ['a', 'b']
 * ```
 */
export const listSetting = (env: Env, name: string): string[] =>
  (env[name] ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);

const positiveInteger = (env: Env, name: string, fallback: number): number => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`invalid configuration: ${name} must be a positive integer`);
  }
  return value;
};
