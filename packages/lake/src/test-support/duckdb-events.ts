import { DuckDBInstance } from '@duckdb/node-api';
import type { AppBusEnvelope } from '@genesys-events/core';
import { type LakeRow, lakeRowOf } from '../row/lake-row';
import { DUCKDB_TYPES, LAKE_COLUMNS } from '../schema/columns';

/** A DuckDB in memory holding a table `events` with the lake's columns, for running the lake's SQL. */
export interface EventsTable {
  readonly query: (sql: string) => Promise<Record<string, string | null>[]>;
  readonly close: () => void;
}

/**
 * Loads the lake rows of `envelopes` into an in-memory DuckDB table `events`. Values are passed as
 * parameters; answers come back as text, as Athena gives them.
 */
export const eventsTable = async (envelopes: readonly AppBusEnvelope[]): Promise<EventsTable> => {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const columns = LAKE_COLUMNS.map((column) => `${column.name} ${DUCKDB_TYPES[column.type]}`).join(', ');
  await connection.run(`CREATE TABLE events (${columns})`);
  const placeholders = LAKE_COLUMNS.map(() => '?').join(', ');
  for (const envelope of envelopes) {
    const row = lakeRowOf(envelope);
    if (!row) throw new Error(`no lake row for ${envelope['detail-type']}`);
    await connection.run(`INSERT INTO events VALUES (${placeholders})`, valuesOf(row));
  }
  return {
    query: async (sql) => {
      const reader = await connection.runAndReadAll(sql);
      return reader
        .getRowObjectsJson()
        .map((row) =>
          Object.fromEntries(Object.entries(row).map(([key, value]) => [key, value === null ? null : String(value)])),
        );
    },
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
};

// Parameters are bound by their JavaScript type: whole milliseconds go in as BIGINT.
const valuesOf = (row: LakeRow): (string | number | bigint | null)[] =>
  LAKE_COLUMNS.map(({ name, type }) => {
    const value = row[name as keyof LakeRow];
    if (value === null || value === undefined) return null;
    if (type === 'long') return BigInt(value);
    return type === 'timestamp' ? String(value).replace('T', ' ').replace('Z', '') : value;
  });
