import { resolve } from 'node:path';

/** The local lake server's settings, read once at start. */
export interface LakeServerConfig {
  /** The lake folder (`LOCAL_LAKE_DIR`, default `.local-data/lake`). */
  readonly dir: string;
  /** Port of the local Athena endpoint (`LOCAL_LAKE_PORT`, default 4590; 0 picks a free one). */
  readonly port: number;
  /** The local bus's MQTT broker (`LOCAL_LAKE_BUS_URL`, default `mqtt://127.0.0.1:4011`). */
  readonly busUrl: string;
  /** The app bus's name: only its events land in the lake (`LOCAL_LAKE_BUS_NAME`). */
  readonly busName: string;
  /** How long rows wait before they are written (`LOCAL_LAKE_FLUSH_MS`, default 1000, as Firehose buffers). */
  readonly flushMs: number;
  /** Days rows are kept after they were received (`RETENTION_DAYS`, default 90). */
  readonly retentionDays: number;
  readonly region: string;
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Reads and checks the settings; a bad value fails with its name.
 *
 * @example
 * ```ts
 * const config = readLakeServerConfig(process.env, process.cwd());
 * ```
 */
export const readLakeServerConfig = (env: Env, cwd: string): LakeServerConfig => ({
  dir: resolve(cwd, env.LOCAL_LAKE_DIR || '.local-data/lake'),
  port: integer(env, 'LOCAL_LAKE_PORT', 4590, { min: 0, max: 65_535 }),
  busUrl: env.LOCAL_LAKE_BUS_URL || 'mqtt://127.0.0.1:4011',
  busName: env.LOCAL_LAKE_BUS_NAME || 'genesys-events-dev',
  flushMs: integer(env, 'LOCAL_LAKE_FLUSH_MS', 1000, { min: 10, max: 60_000 }),
  retentionDays: integer(env, 'RETENTION_DAYS', 90, { min: 1, max: 3650 }),
  region: env.AWS_REGION || 'eu-west-1',
});

const integer = (env: Env, name: string, fallback: number, { min, max }: { min: number; max: number }): number => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}`);
  }
  return value;
};
