/**
 * The human-readable report: one table per part, then the budgets.
 */
import { renderAnalyticsScale } from './analytics-scale-table';
import type { BudgetCheck } from './budgets';
import { renderIngest } from './ingest-table';
import type { BenchResults } from './results';
import { renderThroughput } from './throughput-table';

/**
 * Formats a number for a table cell.
 *
 * @example
 * ```ts
 * cell(12345.6); // '12,346'
 * cell(1.2345); // '1.23'
 * ```
 */
export const cell = (value: number | undefined): string => {
  if (value === undefined || Number.isNaN(value)) return 'n/a';
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return value.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
};

/**
 * Aligns rows under headers: text left, numbers right.
 *
 * @example
 * ```ts
 * renderTable(['function', 'bytes'], [['genesysWebhook', '190,123']]);
 * ```
 */
export const renderTable = (headers: readonly string[], rows: readonly (readonly string[])[]): string => {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => row[column]?.length ?? 0)),
  );
  const numeric = headers.map((_, column) => rows.every((row) => /^[\d,.x%n/a -]*$/.test(row[column] ?? '')));
  const line = (row: readonly string[]) =>
    row
      .map((text, column) =>
        column > 0 && numeric[column] ? text.padStart(widths[column] ?? 0) : text.padEnd(widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
};

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** `pass` or `FAIL`; a budget that is not enforced says `met` or `missed`, and why it is information. */
const budgetResult = (budget: BudgetCheck): string => {
  if (budget.enforced) return budget.pass ? 'pass' : 'FAIL';
  return `${budget.pass ? 'met' : 'missed'} (${budget.note ?? 'information'})`;
};

/**
 * The whole report, as printed before the JSON line.
 *
 * @example
 * ```ts
 * console.log(renderReport(results, checkBudgets(results)));
 * ```
 */
export const renderReport = (results: BenchResults, budgets: readonly BudgetCheck[]): string => {
  const sections: string[] = [];
  const { ingest, consumers, coldStart, localLoop } = results;
  if (ingest) sections.push(...renderIngest(ingest), '');
  if (consumers) {
    const rows = Object.entries(consumers).map(([name, figures]) => [
      name,
      cell(figures.newEvents.opsPerSec),
      cell(figures.duplicates.opsPerSec),
      cell(figures.dynamoCallsPerNewEvent),
      cell(figures.dynamoWritesPerNewEvent),
      cell(figures.dynamoCallsPerDuplicate),
      cell(figures.dynamoWritesPerDuplicate),
    ]);
    sections.push(
      'Consumers (in-process, real handlers, dynalite on 127.0.0.1 in the same process)',
      renderTable(
        ['function', 'new ev/s', 'dup ev/s', 'DDB calls/new', 'writes/new', 'DDB calls/dup', 'writes/dup'],
        rows,
      ),
      '',
    );
  }
  const rows = results.functions.map((fn) => {
    const cold = coldStart?.[fn.name];
    const parts = fn.inputs
      .slice(0, 3)
      .map((input) => `${input.module} ${kb(input.bytes)}`)
      .join(', ');
    return [
      fn.name,
      cell(fn.bytes),
      cell(cold?.oursMs),
      cell(cold?.bareMs),
      cold ? `${cell(cold.ratio)}x` : 'n/a',
      cold ? `${cell(cold.ratioQuartiles[0])}-${cell(cold.ratioQuartiles[1])}` : 'n/a',
      cell(cold?.oursImportMs),
      cell(cold?.bareImportMs),
      parts,
    ];
  });
  sections.push(
    'Bundles and cold start (minified ESM, SDK excluded; fresh processes, medians: import + first event, ms;',
    'ratio: median of paired starts, pair ratios: their quartiles). Every function also loads the',
    `Powertools layer: ${results.powertoolsLayerBytes} bytes of ES modules, not counted in "bytes".`,
    renderTable(
      ['function', 'bytes', 'init ms', 'bare ms', 'ratio', 'pair ratios', 'import ms', 'bare import', 'largest parts'],
      rows,
    ),
    '',
  );
  if (localLoop) {
    sections.push(
      'Local loop (serverless offline on free 127.0.0.1 ports)',
      renderTable(
        ['ready ms', 'first event ms', 'POST->GET p50 ms', 'POST->GET p95 ms', 'events'],
        [
          [
            cell(localLoop.readyMs),
            cell(localLoop.firstEventMs),
            cell(localLoop.postToGetP50Ms),
            cell(localLoop.postToGetP95Ms),
            String(localLoop.events),
          ],
        ],
      ),
      '',
    );
  }
  if (results.localThroughput) sections.push(renderThroughput(results.localThroughput), '');
  if (results.analyticsScale) sections.push(...renderAnalyticsScale(results.analyticsScale, renderTable));
  const enforced = !results.short;
  sections.push(
    `Budgets${enforced ? '' : ' (short mode: reported, not enforced; counts are too small to mean anything)'}`,
    renderTable(
      ['budget', 'figure', 'limit', 'result'],
      budgets.map((budget) => [budget.name, cell(budget.figure), budget.limit, budgetResult(budget)]),
    ),
  );
  for (const [part, message] of Object.entries(results.errors)) sections.push('', `PART FAILED: ${part}: ${message}`);
  return sections.join('\n');
};
