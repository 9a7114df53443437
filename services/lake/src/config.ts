import { type Env, readRetentionDays, requiredSetting } from '@genesys-events/consumer-kit/store';

/** Where the lake is: its Athena workgroup and Glue database (and table), read once at cold start. */
export interface LakeTargetConfig {
  readonly workGroup: string;
  readonly database: string;
  readonly table: string;
}

/**
 * The lake's names from the environment (`LAKE_WORKGROUP`, `LAKE_DATABASE`, `LAKE_TABLE`); a missing value
 * fails with its name.
 *
 * @example
 * ```ts
 * const { workGroup, database } = readLakeTarget(process.env);
 * ```
 */
export const readLakeTarget = (env: Env): LakeTargetConfig => ({
  workGroup: requiredSetting(env, 'LAKE_WORKGROUP'),
  database: requiredSetting(env, 'LAKE_DATABASE'),
  table: requiredSetting(env, 'LAKE_TABLE'),
});

/**
 * The erasure tombstones' table (`ERASURES_TABLE_NAME`) and the retention (`RETENTION_DAYS`).
 *
 * @example
 * ```ts
 * const table = conversationTable({ client: documentClient(), ...readErasuresConfig(process.env) });
 * ```
 */
export const readErasuresConfig = (env: Env): { readonly tableName: string; readonly retentionDays: number } => ({
  tableName: requiredSetting(env, 'ERASURES_TABLE_NAME'),
  retentionDays: readRetentionDays(env),
});
