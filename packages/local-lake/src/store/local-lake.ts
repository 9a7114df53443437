import type { LakeRow } from '@genesys-events/lake/row';
import { lakeFiles } from './lake-files';
import { compactPartition, eraseConversation, expireRows } from './lake-maintenance';
import { type LakeReader, openLakeReader, type TabularResult } from './lake-reader';
import { openWriterDb, writeRows } from './lake-writer';

/** The local lake: a folder of Parquet files, written, maintained and queried through DuckDB. */
export interface LocalLake {
  readonly dir: string;
  /** Appends rows as new files (one per day) and compacts a day that has grown many files. */
  readonly write: (rows: readonly LakeRow[]) => Promise<number>;
  /** Runs one read-only SQL statement over `events`. */
  readonly query: (sql: string) => Promise<TabularResult>;
  /** Removes a conversation's rows; answers how many went. */
  readonly erase: (conversationId: string) => Promise<number>;
  /** Removes the rows received before `cutoff` (ISO); answers how many went. */
  readonly expire: (cutoff: string) => Promise<number>;
  readonly close: () => Promise<void>;
}

/**
 * Opens the lake in a folder. Every operation runs one at a time, so a query never sees a file set that a
 * write, an erasure or a compaction is in the middle of changing.
 *
 * @example
 * ```ts
 * const lake = await openLocalLake({ dir: '.local-data/lake' });
 * await lake.write(rows);
 * (await lake.query('SELECT count(*) AS n FROM events')).rows; // [['42']]
 * ```
 */
export const openLocalLake = async ({ dir }: { dir: string }): Promise<LocalLake> => {
  const files = lakeFiles(dir);
  const writer = await openWriterDb();
  const reader: LakeReader = await openLakeReader(files);
  let queue: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };
  return {
    dir,
    write: (rows) =>
      exclusive(async () => {
        await writeRows(writer, files, rows);
        for (const day of new Set(rows.map((row) => row.event_date))) await compactPartition(writer, files, day);
        return rows.length;
      }),
    query: (sql) => exclusive(() => reader.query(sql)),
    erase: (conversationId) => exclusive(() => eraseConversation(writer, files, conversationId)),
    expire: (cutoff) => exclusive(() => expireRows(writer, files, cutoff)),
    close: () =>
      exclusive(async () => {
        reader.close();
        writer.close();
      }),
  };
};
