import { type AccessTokenSettings, readAccessTokenSettings } from '@genesys-events/core/auth';

/** analytics settings, read and validated once at cold start. */
export interface AnalyticsConfig {
  /** DynamoDB table holding one item per unique event analytics consumed. */
  readonly tableName: string;
  /** The app bus the deriver publishes its `call.analysis.completed` events to. */
  readonly appBusName: string;
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Reads the table name every function needs; a missing value fails with its name.
 *
 * @example
 * ```ts
 * const { tableName } = readTableConfig(process.env);
 * ```
 */
export const readTableConfig = (env: Env): Pick<AnalyticsConfig, 'tableName'> => ({
  tableName: required(env, 'ANALYTICS_TABLE_NAME'),
});

/**
 * Reads the sentiment deriver's configuration (table and app bus); a missing value fails with its name.
 *
 * @example
 * ```ts
 * const config = readDeriverConfig(process.env);
 * ```
 */
export const readDeriverConfig = (env: Env): AnalyticsConfig => ({
  ...readTableConfig(env),
  appBusName: required(env, 'APP_BUS_NAME'),
});

/**
 * Reads a query route's configuration: the table, and the OIDC issuer whose access tokens it takes
 * (`OIDC_ISSUER_URL`, `OIDC_AUDIENCE`, optional `OIDC_SCOPE_PREFIX`); a missing value fails with its name.
 *
 * @example
 * ```ts
 * const { tableName, auth } = readQueryConfig(process.env);
 * ```
 */
export const readQueryConfig = (
  env: Env,
): Pick<AnalyticsConfig, 'tableName'> & { readonly auth: AccessTokenSettings } => ({
  ...readTableConfig(env),
  auth: readAccessTokenSettings(env),
});

const required = (env: Env, name: string): string => {
  const value = env[name]?.trim();
  if (!value) throw new Error(`missing configuration: ${name}`);
  return value;
};
