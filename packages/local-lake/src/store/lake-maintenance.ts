import { renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { timestampLiteral } from '@genesys-events/lake/summary';
import { type LakeFiles, removeStaging } from './lake-files';
import { PARQUET_FORMAT, sqlString, type WriterDb } from './lake-writer';

/** How many small files a partition may hold before they are compacted into one. */
export const COMPACT_AT_FILES = 24;

/** Files from this size on count as compacted already: a busy day is not rewritten whole again and again. */
export const COMPACTED_BYTES = 8 * 1024 * 1024;

/**
 * Erases a conversation from the lake: every file holding one of its rows is rewritten without them (a
 * file left empty is removed). Answers how many rows went. The cloud's equivalent is an Athena `DELETE` on
 * the Iceberg table.
 *
 * @example
 * ```ts
 * await eraseConversation(db, files, 'c-1'); // 31
 * ```
 */
export const eraseConversation = (db: WriterDb, files: LakeFiles, conversationId: string): Promise<number> =>
  removeRows(db, files, `conversation_id = ${sqlString(conversationId)}`);

/**
 * Drops every row received before `cutoff` (ISO): retention, as the stores' TTL. Answers how many went.
 *
 * @example
 * ```ts
 * await expireRows(db, files, new Date(Date.now() - 90 * 86_400_000).toISOString());
 * ```
 */
export const expireRows = (db: WriterDb, files: LakeFiles, cutoff: string): Promise<number> =>
  removeRows(db, files, `received_at < ${timestampLiteral(cutoff)}`);

/**
 * Compacts a partition's many small files (one per flush) into one, ordered by conversation and time, so
 * reads open few files; files already large are left as they are. Answers whether it did.
 *
 * @example
 * ```ts
 * await compactPartition(db, files, '2091-06-15'); // true when it had 24 files or more
 * ```
 */
export const compactPartition = async (db: WriterDb, files: LakeFiles, day: string): Promise<boolean> => {
  const parts = files
    .files(day)
    .filter((path) => (statSync(path, { throwIfNoEntry: false })?.size ?? 0) < COMPACTED_BYTES);
  if (parts.length < COMPACT_AT_FILES) return false;
  const staging = files.stagingDir();
  try {
    const staged = join(staging, 'compacted.parquet');
    await db.connection.run(
      `COPY (SELECT * FROM ${readFiles(parts)} ORDER BY conversation_id, event_time) TO ${sqlString(staged)} ${PARQUET}`,
    );
    files.moveIn(staged, day);
    for (const part of parts) rmSync(part, { force: true });
    return true;
  } finally {
    removeStaging(staging);
  }
};

const PARQUET = `(${PARQUET_FORMAT})`;

// Files are read as they are (no Hive columns): what is written back must not gain the partition column.
const readFiles = (paths: readonly string[]): string =>
  `read_parquet([${paths.map(sqlString).join(', ')}], hive_partitioning = false)`;

/** Rewrites every file holding rows that match `condition` without them. */
const removeRows = async (db: WriterDb, files: LakeFiles, condition: string): Promise<number> => {
  const all = files.files();
  if (all.length === 0) return 0;
  const reader = await db.connection.runAndReadAll(
    `SELECT filename, count(*) AS matching FROM read_parquet([${all.map(sqlString).join(', ')}], filename = true, hive_partitioning = false) WHERE ${condition} GROUP BY filename`,
  );
  let removed = 0;
  for (const [filename, matching] of reader.getRowsJson()) {
    await rewriteWithout(db, files, String(filename), condition);
    removed += Number(matching);
  }
  return removed;
};

/** Replaces a file by a copy without the matching rows (atomically: staged, then renamed over it). */
const rewriteWithout = async (db: WriterDb, files: LakeFiles, path: string, condition: string): Promise<void> => {
  const staging = files.stagingDir();
  try {
    const staged = join(staging, basename(path));
    const reader = await db.connection.runAndReadAll(
      `COPY (SELECT * FROM ${readFiles([path])} WHERE NOT coalesce(${condition}, false)) TO ${sqlString(staged)} ${PARQUET}`,
    );
    const kept = Number(reader.getRowsJson()[0]?.[0] ?? 0);
    if (kept === 0) rmSync(path, { force: true });
    else renameSync(staged, join(dirname(path), basename(path)));
  } finally {
    removeStaging(staging);
  }
};
