import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { LAKE_TABLE, PARTITION_COLUMN } from '@genesys-events/lake/schema';

/**
 * The lake's layout on disk, the cloud table's layout: `<dir>/events/event_date=YYYY-MM-DD/*.parquet`.
 * Files are written under `<dir>/.staging/` and renamed into place, so a reader never sees half a file.
 */
export interface LakeFiles {
  readonly dir: string;
  /** `<dir>/events`: the table's folder. */
  readonly tableDir: string;
  /** The glob DuckDB reads the table through. */
  readonly glob: string;
  /** The folder of one day's partition. */
  readonly partitionDir: (day: string) => string;
  /** A fresh folder for files about to be moved in. */
  readonly stagingDir: () => string;
  /** The Parquet files of one partition, or of every partition. */
  readonly files: (day?: string) => string[];
  /** The partitions present, as days. */
  readonly days: () => string[];
  /** Moves a staged file into a partition under a new unique name; answers its path. */
  readonly moveIn: (staged: string, day: string) => string;
}

const PARTITION_PREFIX = `${PARTITION_COLUMN}=`;

/**
 * The layout of a lake folder (created when missing).
 *
 * @example
 * ```ts
 * const files = lakeFiles('.local-data/lake');
 * files.partitionDir('2091-06-15'); // '.local-data/lake/events/event_date=2091-06-15'
 * ```
 */
export const lakeFiles = (dir: string): LakeFiles => {
  const tableDir = join(dir, LAKE_TABLE);
  const stagingRoot = join(dir, '.staging');
  mkdirSync(tableDir, { recursive: true });
  const partitionDir = (day: string) => join(tableDir, `${PARTITION_PREFIX}${day}`);
  const days = () =>
    readdirSync(tableDir)
      .filter((name) => name.startsWith(PARTITION_PREFIX))
      .map((name) => name.slice(PARTITION_PREFIX.length))
      .sort();
  const filesOf = (day: string) => {
    const folder = partitionDir(day);
    if (!existsSync(folder)) return [];
    return readdirSync(folder)
      .filter((name) => name.endsWith('.parquet'))
      .sort()
      .map((name) => join(folder, name));
  };
  return {
    dir,
    tableDir,
    glob: join(tableDir, `${PARTITION_PREFIX}*`, '*.parquet'),
    partitionDir,
    stagingDir: () => {
      const staging = join(stagingRoot, randomUUID());
      mkdirSync(staging, { recursive: true });
      return staging;
    },
    files: (day) => (day === undefined ? days().flatMap(filesOf) : filesOf(day)),
    days,
    moveIn: (staged, day) => {
      mkdirSync(partitionDir(day), { recursive: true });
      // Time-ordered names keep a partition's files in the order they were written.
      const target = join(
        partitionDir(day),
        `part-${Date.now().toString(36).padStart(9, '0')}-${randomUUID()}.parquet`,
      );
      renameSync(staged, target);
      return target;
    },
  };
};

/**
 * Removes a staging folder and whatever is left in it.
 *
 * @example
 * ```ts
 * const staging = files.stagingDir(); try { ... } finally { removeStaging(staging); }
 * ```
 */
export const removeStaging = (staging: string): void => rmSync(staging, { recursive: true, force: true });
