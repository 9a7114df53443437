/**
 * Analytics at scale: synthetic lakes of 10k, 100k and 1M conversations (about 30 events each), the summary
 * of `GET /analytics/summary` over each on the local engine (DuckDB over the Parquet files, as the local
 * lake answers it), and what it read: rows and the compressed bytes of the columns it reads.
 */
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { LAKE_COLUMNS } from '@genesys-events/lake/schema';
import { DEFAULT_MARGIN_DAYS, dayOf, summaryFromRows, summarySql } from '@genesys-events/lake/summary';
import { lakeFiles, openLakeReader, type TabularResult } from '@genesys-events/local-lake/duckdb';
import { median } from '../../measure';
import type { BenchPaths } from '../../paths';
import type { BenchSettings } from '../../settings';
import { syntheticLake } from './synthetic-lake';

/** One lake size's figures. */
export interface ScaleFigures {
  readonly conversations: number;
  readonly rows: number;
  readonly lakeBytes: number;
  /** Writing the lake, ms; `null` when an earlier run's lake was reused. */
  readonly writtenMs: number | null;
  /** The median summary time of `repeats` runs after one warm-up, ms. */
  readonly summaryMs: number;
  readonly summaryRunsMs: readonly number[];
  /**
   * The median CPU time of those runs (user + system, every DuckDB thread), ms: less moved than the time by
   * other processes on a shared machine, though not untouched (they share caches and memory bandwidth).
   */
  readonly summaryCpuMs: number;
  readonly summaryRunsCpuMs: readonly number[];
  /** The one-minute load average when the timed runs began: how busy the machine was. */
  readonly loadAverage: number;
  /** What the summary read: the rows of the partitions it scans, and the compressed bytes of its columns. */
  readonly scannedRows: number;
  readonly scannedBytes: number;
  /** The summary's own count, which must be every conversation of the lake. */
  readonly countedConversations: number;
}

/**
 * Runs the part (in a child process of its own).
 *
 * @example
 * ```ts
 * const figures = await runAnalyticsScalePart(settings, paths); // one entry per size
 * ```
 */
export const runAnalyticsScalePart = async (settings: BenchSettings, paths: BenchPaths): Promise<ScaleFigures[]> => {
  const results: ScaleFigures[] = [];
  for (const conversations of settings.analyticsScale.sizes) {
    const lake = await syntheticLake(join(paths.cache, 'lakes'), conversations);
    const reader = await openLakeReader(lakeFiles(lake.dir));
    try {
      // Nothing is past retention in a synthetic lake: the cutoff lies before it.
      const sql = summarySql(lake.window, { notBefore: '2091-01-01T00:00:00.000Z' });
      const run = async () => {
        const started = performance.now();
        const cpuBefore = process.cpuUsage();
        const result = await reader.query(sql);
        const cpu = process.cpuUsage(cpuBefore);
        return { ms: performance.now() - started, cpuMs: (cpu.user + cpu.system) / 1000, result };
      };
      const warm = await run();
      const loadAverage = loadavg()[0] ?? 0;
      const runs: { ms: number; cpuMs: number }[] = [];
      for (let index = 0; index < settings.analyticsScale.repeats; index += 1) runs.push(await run());
      const summary = summaryFromRows(lake.window, rowsOf(warm.result));
      results.push({
        conversations,
        rows: await scalar(reader, 'SELECT count(*) FROM events'),
        lakeBytes: lake.bytes,
        writtenMs: lake.writtenMs,
        summaryMs: median(runs.map((timed) => timed.ms)),
        summaryRunsMs: runs.map((timed) => timed.ms),
        summaryCpuMs: median(runs.map((timed) => timed.cpuMs)),
        summaryRunsCpuMs: runs.map((timed) => timed.cpuMs),
        loadAverage,
        ...(await scanned(reader, lake, sql)),
        countedConversations: summary.conversations,
      });
    } finally {
      reader.close();
    }
  }
  return results;
};

const rowsOf = ({ columns, rows }: TabularResult) =>
  rows.map((values) => Object.fromEntries(columns.map((column, index) => [column.name, values[index] ?? null])));

const scalar = async (reader: Awaited<ReturnType<typeof openLakeReader>>, sql: string): Promise<number> =>
  Number((await reader.query(sql)).rows[0]?.[0] ?? 0);

/** The rows of the partitions the summary reads, and the compressed bytes of the columns it names there. */
const scanned = async (
  reader: Awaited<ReturnType<typeof openLakeReader>>,
  lake: { dir: string; window: { from: string; to: string } },
  sql: string,
) => {
  const first = dayOf(lake.window.from, -DEFAULT_MARGIN_DAYS);
  const last = dayOf(lake.window.to, DEFAULT_MARGIN_DAYS);
  const read = LAKE_COLUMNS.map((column) => column.name).filter((name) => new RegExp(`\\b${name}\\b`).test(sql));
  const files = lakeFiles(lake.dir).glob.replaceAll("'", "''");
  return {
    scannedRows: await scalar(reader, `SELECT count(*) FROM events WHERE event_date BETWEEN '${first}' AND '${last}'`),
    scannedBytes: await scalar(
      reader,
      `SELECT coalesce(sum(total_compressed_size), 0) FROM parquet_metadata('${files}') WHERE path_in_schema IN (${read.map((name) => `'${name}'`).join(', ')})`,
    ),
  };
};
