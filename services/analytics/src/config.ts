import { type Env, readRetentionDays, requiredSetting, wholeNumberSetting } from '@genesys-events/consumer-kit/store';

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

/** The summary's settings: where it queries the lake and how long a request waits for the answer. */
export interface SummaryConfig {
  /** The lake's Athena workgroup (its own result location and per-query scan limit). */
  readonly workGroup: string;
  /** The Glue database holding the `events` table. */
  readonly database: string;
  /** How long a request waits for the query before answering 202 with its id (`SUMMARY_WAIT_MS`, default 5000). */
  readonly waitMs: number;
  /** Days read before and after the window (`SUMMARY_MARGIN_DAYS`, default 2). */
  readonly marginDays: number;
  readonly retentionDays: number;
}

/**
 * Reads the summary's settings; a missing or bad value fails with its name.
 *
 * @example
 * ```ts
 * const engine = athenaSummaryEngine(new AthenaClient(AWS_CLIENT_SETTINGS), readSummaryConfig(process.env));
 * ```
 */
export const readSummaryConfig = (env: Env): SummaryConfig => ({
  workGroup: requiredSetting(env, 'LAKE_WORKGROUP'),
  database: requiredSetting(env, 'LAKE_DATABASE'),
  // Below the function's 8 s timeout, with room to start the query and answer.
  waitMs: wholeNumberSetting(env, 'SUMMARY_WAIT_MS', { fallback: 5000, min: 0, max: 6000 }),
  marginDays: wholeNumberSetting(env, 'SUMMARY_MARGIN_DAYS', { fallback: 2, min: 0, max: 31 }),
  retentionDays: readRetentionDays(env),
});
