import type { ScaleFigures } from '../parts/analytics-scale/scale-part';

const number = (value: number) => Math.round(value).toLocaleString('en-GB');
const megabytes = (bytes: number) => (bytes / 1_048_576).toLocaleString('en-GB', { maximumFractionDigits: 1 });

/**
 * The analytics-scale section of the report: per lake, its size, the summary's median time and CPU time,
 * the machine's load, what it read, and its time per million rows read (which stays flat when time grows
 * with the data scanned).
 *
 * @example
 * ```ts
 * renderAnalyticsScale(results.analyticsScale, renderTable);
 * ```
 */
export const renderAnalyticsScale = (
  figures: readonly ScaleFigures[],
  renderTable: (headers: readonly string[], rows: readonly (readonly string[])[]) => string,
): string[] => [
  'Analytics at scale (synthetic lakes, ~30 events a conversation; GET /analytics/summary SQL on DuckDB over the',
  'Parquet files, as the local lake answers it; median of the timed runs after a warm-up; CPU: user + system of',
  'every DuckDB thread; load: 1-minute load average as the timed runs began; scanned: rows of the partitions',
  'read and compressed bytes of the columns read, what Athena would bill at $5 per TB)',
  renderTable(
    [
      'conversations',
      'rows',
      'lake MB',
      'written s',
      'summary ms',
      'runs ms',
      'CPU ms',
      'load',
      'scanned rows',
      'scanned MB',
      'ms/M rows',
      'counted',
    ],
    figures.map((lake) => [
      number(lake.conversations),
      number(lake.rows),
      megabytes(lake.lakeBytes),
      lake.writtenMs === null ? 'cached' : (lake.writtenMs / 1000).toFixed(1),
      number(lake.summaryMs),
      lake.summaryRunsMs.map(number).join('/'),
      number(lake.summaryCpuMs),
      lake.loadAverage.toFixed(2),
      number(lake.scannedRows),
      megabytes(lake.scannedBytes),
      number(lake.summaryMs / (lake.scannedRows / 1_000_000)),
      number(lake.countedConversations),
    ]),
  ),
  '',
];
