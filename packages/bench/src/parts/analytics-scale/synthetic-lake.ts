import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { LAKE_TABLE, PARTITION_COLUMN } from '@genesys-events/lake/schema';
import { PARQUET_FORMAT } from '@genesys-events/local-lake/duckdb';
import { CONVERSATION_SPACING_MS, SYNTHETIC_START, syntheticEventsSql } from './synthetic-events';

/** Bump when the generator or the files' format changes: lakes written by an older one are not reused. */
const GENERATOR_VERSION = 2;

/** A synthetic lake on disk. */
export interface SyntheticLake {
  readonly conversations: number;
  /** The lake folder (`<dir>/events/event_date=.../*.parquet`), as the local lake lays it out. */
  readonly dir: string;
  readonly bytes: number;
  /** How long writing it took, or `null` when a lake written by an earlier run was reused. */
  readonly writtenMs: number | null;
  /** `[first day, the day after the last)`: every conversation of the lake starts in it. */
  readonly window: { readonly from: string; readonly to: string };
}

/**
 * A synthetic lake of `conversations` conversations under `cacheDir`, written with DuckDB in the local lake's
 * format (`PARQUET_FORMAT`, partitioned by event date) unless an earlier run left it there: a million
 * conversations take minutes to write. Written aside and renamed, so an interrupted run never leaves half a
 * lake to reuse, and by a process of its own, so the gigabytes the writing DuckDB takes are not the
 * measuring process's.
 *
 * @example
 * ```ts
 * const lake = await syntheticLake(join(paths.cache, 'lakes'), 100_000);
 * ```
 */
export const syntheticLake = async (cacheDir: string, conversations: number): Promise<SyntheticLake> => {
  const dir = join(cacheDir, `${conversations}-v${GENERATOR_VERSION}`);
  let writtenMs: number | null = null;
  if (!existsSync(dir)) {
    const staging = `${dir}.${process.pid}.tmp`;
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(join(staging, LAKE_TABLE), { recursive: true });
    const started = performance.now();
    await writeLakeInChild(cacheDir, staging, conversations);
    writtenMs = performance.now() - started;
    renameSync(staging, dir);
  }
  return { conversations, dir, bytes: folderBytes(dir), writtenMs, window: windowOf(conversations) };
};

// The writer: plain ESM importing DuckDB (resolved from the repository root), the COPY given in a file.
const WRITER = `import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
await connection.run('SET preserve_insertion_order = false');
await connection.run(readFileSync(process.argv[2], 'utf8'));
connection.closeSync();
instance.closeSync();
`;

const writeLakeInChild = async (cacheDir: string, dir: string, conversations: number): Promise<void> => {
  const writer = join(cacheDir, 'write-lake.mjs');
  const copy = join(dir, 'write-lake.sql');
  writeFileSync(writer, WRITER);
  const target = join(dir, LAKE_TABLE).replaceAll("'", "''");
  // Rows may be written in any order: partitioning does the grouping.
  writeFileSync(
    copy,
    `COPY (${syntheticEventsSql(conversations)}) TO '${target}' (${PARQUET_FORMAT}, PARTITION_BY (${PARTITION_COLUMN}), FILENAME_PATTERN 'part-{i}', OVERWRITE_OR_IGNORE)`,
  );
  await promisify(execFile)(process.execPath, [writer, copy], { cwd: cacheDir, maxBuffer: 1024 * 1024 });
  rmSync(copy);
};

const DAY_MS = 86_400_000;

const windowOf = (conversations: number) => {
  const start = Date.parse(SYNTHETIC_START);
  // The last conversation starts here; its events end within minutes, well inside the day after.
  const lastStart = start + (conversations - 1) * CONVERSATION_SPACING_MS;
  const days = Math.floor((lastStart - start) / DAY_MS) + 1;
  return { from: SYNTHETIC_START, to: new Date(start + days * DAY_MS).toISOString() };
};

const folderBytes = (path: string): number => {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, name) => sum + folderBytes(join(path, name)), 0);
};
