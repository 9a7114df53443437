import type { LakeRow } from '@genesys-events/lake/row';
import { LAKE_COLUMNS } from '@genesys-events/lake/schema';

/** A lake row as Firehose writes it into the Iceberg table: JSON whose keys are the table's columns. */
export type IcebergRecord = Readonly<Record<string, string | number | null>>;

/**
 * The Iceberg record of a lake row: every column of the schema, timestamps in microseconds since the epoch
 * (what Firehose requires for Iceberg's `timestamp`), whole milliseconds as numbers.
 *
 * @example
 * ```ts
 * icebergRecordOf(row).event_time; // 3833172000000000
 * ```
 */
export const icebergRecordOf = (row: LakeRow): IcebergRecord =>
  Object.fromEntries(
    LAKE_COLUMNS.map(({ name, type }) => {
      const value = row[name as keyof LakeRow] ?? null;
      if (value === null || type !== 'timestamp') return [name, value];
      return [name, Date.parse(String(value)) * 1000];
    }),
  );
