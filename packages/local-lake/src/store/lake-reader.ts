import { DuckDBInstance, StatementType } from '@duckdb/node-api';
import { DUCKDB_TYPES, LAKE_COLUMNS, LAKE_TABLE, PARTITION_COLUMN } from '@genesys-events/lake/schema';
import type { LakeFiles } from './lake-files';

/** What a query answered: typed columns and the rows as text (null for SQL NULL), as Athena answers. */
export interface TabularResult {
  readonly columns: readonly { readonly name: string; readonly type: string }[];
  readonly rows: readonly (string | null)[][];
}

/** SQL the reader refuses: anything but one SELECT (or EXPLAIN). */
export class ReadOnlyQueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReadOnlyQueryError';
  }
}

/** A DuckDB that can read the lake's folder and nothing else, with the view `events` over it. */
export interface LakeReader {
  readonly query: (sql: string) => Promise<TabularResult>;
  readonly close: () => void;
}

const ALLOWED = new Set([StatementType.SELECT, StatementType.EXPLAIN]);

/**
 * Opens a reader of the lake. The view `events` has the schema's columns in order (the partition column
 * comes from the folder names); an empty lake is an empty view. The DuckDB may read files under the lake
 * folder only, its configuration is locked, and only a single SELECT or EXPLAIN runs: ad-hoc SQL cannot
 * write, attach or read anything else.
 *
 * @example
 * ```ts
 * const reader = await openLakeReader(lakeFiles('.local-data/lake'));
 * (await reader.query('SELECT count(*) AS n FROM events')).rows; // [['42']]
 * ```
 */
export const openLakeReader = async (files: LakeFiles): Promise<LakeReader> => {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run(`SET allowed_directories = ['${files.tableDir}/']`);
  await connection.run('SET enable_external_access = false');
  await connection.run('SET lock_configuration = true');
  let filesPresent: boolean | undefined;
  const refreshView = async () => {
    const present = files.files().length > 0;
    if (present === filesPresent) return;
    await connection.run(`CREATE OR REPLACE VIEW ${LAKE_TABLE} AS ${present ? parquetView(files) : emptyView()}`);
    filesPresent = present;
  };
  return {
    query: async (sql) => {
      await refreshView();
      const prepared = await preparedReadOnly(connection, sql);
      const reader = await prepared.runAndReadAll();
      return {
        columns: reader
          .columnNames()
          .map((name, index) => ({ name, type: reader.columnTypes()[index]?.toString() ?? '' })),
        rows: reader.getRowsJson().map((row) => row.map((value) => textOf(value))),
      };
    },
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
};

const preparedReadOnly = async (connection: Awaited<ReturnType<DuckDBInstance['connect']>>, sql: string) => {
  const statements = await connection.extractStatements(sql);
  if (statements.count !== 1) throw new ReadOnlyQueryError('give exactly one SQL statement');
  const prepared = await statements.prepare(0);
  if (!ALLOWED.has(prepared.statementType)) throw new ReadOnlyQueryError('only SELECT (or EXPLAIN) runs on the lake');
  return prepared;
};

const columnList = LAKE_COLUMNS.map((column) => column.name).join(', ');

// Files hold every column but the partition's, which the folder names give (as text: YYYY-MM-DD).
const parquetView = (files: LakeFiles): string =>
  `SELECT ${columnList} FROM read_parquet('${files.glob}', hive_partitioning = true, hive_types = {'${PARTITION_COLUMN}': VARCHAR})`;

const emptyView = (): string =>
  `SELECT ${LAKE_COLUMNS.map((column) => `CAST(NULL AS ${DUCKDB_TYPES[column.type]}) AS ${column.name}`).join(', ')} WHERE false`;

const textOf = (value: unknown): string | null => {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
};
