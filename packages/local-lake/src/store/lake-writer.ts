import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type DuckDBAppender, type DuckDBConnection, DuckDBInstance, DuckDBTimestampValue } from '@duckdb/node-api';
import type { LakeRow } from '@genesys-events/lake/row';
import { DUCKDB_TYPES, LAKE_COLUMNS, PARTITION_COLUMN } from '@genesys-events/lake/schema';
import { type LakeFiles, removeStaging } from './lake-files';

/** The DuckDB that writes the lake's files (the reader is a separate, restricted one). */
export interface WriterDb {
  readonly connection: DuckDBConnection;
  readonly close: () => void;
}

const PENDING = 'pending_rows';

/**
 * How every file of the lake is written (the writer, compaction, erasure and the bench's synthetic lakes).
 * Parquet 2 data pages let DuckDB delta-encode numbers: a file's timestamps, close to one another, shrink
 * to a few bits each instead of eight plain bytes, and `event_time`, which every summary reads for every
 * row, costs about half the CPU to decode. Any Parquet reader (Trino, Spark, pyarrow) reads these pages.
 *
 * @example
 * ```ts
 * await connection.run(`COPY t TO 'x.parquet' (${PARQUET_FORMAT})`);
 * ```
 */
export const PARQUET_FORMAT = 'FORMAT parquet, COMPRESSION zstd, PARQUET_VERSION V2';

/**
 * Opens the writing DuckDB, with a table of rows about to be written.
 *
 * @example
 * ```ts
 * const db = await openWriterDb();
 * await writeRows(db, files, rows);
 * ```
 */
export const openWriterDb = async (): Promise<WriterDb> => {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const columns = LAKE_COLUMNS.map((column) => `${column.name} ${DUCKDB_TYPES[column.type]}`).join(', ');
  await connection.run(`CREATE TABLE ${PENDING} (${columns})`);
  return {
    connection,
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
};

/**
 * Writes rows as new Parquet files, one per day they fall on ({@link PARQUET_FORMAT}, the partition column
 * left to the folder name, as Hive-style readers expect), staged and then moved into place. Answers the
 * files written.
 *
 * @example
 * ```ts
 * await writeRows(db, files, [lakeRowOf(envelope)]); // ['.local-data/lake/events/event_date=2091-06-15/part-...parquet']
 * ```
 */
export const writeRows = async (db: WriterDb, files: LakeFiles, rows: readonly LakeRow[]): Promise<string[]> => {
  if (rows.length === 0) return [];
  const appender = await db.connection.createAppender(PENDING);
  for (const row of rows) appendRow(appender, row);
  appender.closeSync();
  const staging = files.stagingDir();
  try {
    await db.connection.run(
      `COPY ${PENDING} TO ${sqlString(staging)} (${PARQUET_FORMAT}, PARTITION_BY (${PARTITION_COLUMN}))`,
    );
    return stagedFiles(staging).map(({ path, day }) => files.moveIn(path, day));
  } finally {
    await db.connection.run(`DELETE FROM ${PENDING}`);
    removeStaging(staging);
  }
};

/**
 * A SQL string literal (paths): quotes doubled.
 *
 * @example
 * ```ts
 * sqlString("/tmp/it's"); // "'/tmp/it''s'"
 * ```
 */
export const sqlString = (value: string): string => `'${value.replaceAll("'", "''")}'`;

const appendRow = (appender: DuckDBAppender, row: LakeRow): void => {
  for (const { name, type } of LAKE_COLUMNS) {
    const value = row[name as keyof LakeRow];
    if (value === null || value === undefined) appender.appendNull();
    else if (type === 'timestamp')
      appender.appendTimestamp(new DuckDBTimestampValue(BigInt(Date.parse(String(value))) * 1000n));
    else if (type === 'long') appender.appendBigInt(BigInt(value));
    else if (type === 'double') appender.appendDouble(Number(value));
    else appender.appendVarchar(String(value));
  }
  appender.endRow();
};

const stagedFiles = (staging: string): { path: string; day: string }[] =>
  readdirSync(staging)
    .filter((folder) => folder.startsWith(`${PARTITION_COLUMN}=`))
    .flatMap((folder) =>
      readdirSync(join(staging, folder)).map((name) => ({
        path: join(staging, folder, name),
        day: folder.slice(PARTITION_COLUMN.length + 1),
      })),
    );
