import { type Env, readRetentionDays, requiredSetting } from '@genesys-events/consumer-kit/store';
import { type AccessTokenSettings, readAccessTokenSettings } from '@genesys-events/core/auth';

/** The table settings every analytics function needs, read and validated once at cold start. */
export interface TableConfig {
  /** DynamoDB table holding one item per unique event analytics consumed. */
  readonly tableName: string;
  /** Days an event is kept (the table's TTL). */
  readonly retentionDays: number;
}

/**
 * Reads the table settings; a missing value fails with its name.
 *
 * @example
 * ```ts
 * const table = analyticsTable({ client: documentClient(), ...readTableConfig(process.env) });
 * ```
 */
export const readTableConfig = (env: Env): TableConfig => ({
  tableName: requiredSetting(env, 'ANALYTICS_TABLE_NAME'),
  retentionDays: readRetentionDays(env),
});

/**
 * Reads the sentiment deriver's configuration (table and the app bus it publishes
 * `call.analysis.completed` to); a missing value fails with its name.
 *
 * @example
 * ```ts
 * const { appBusName, ...tableConfig } = readDeriverConfig(process.env);
 * ```
 */
export const readDeriverConfig = (env: Env): TableConfig & { readonly appBusName: string } => ({
  ...readTableConfig(env),
  appBusName: requiredSetting(env, 'APP_BUS_NAME'),
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
export const readQueryConfig = (env: Env): TableConfig & { readonly auth: AccessTokenSettings } => ({
  ...readTableConfig(env),
  auth: readAccessTokenSettings(env),
});
