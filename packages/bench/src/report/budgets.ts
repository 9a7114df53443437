/**
 * The budgets of the issue, checked against one run's results.
 */
import { isEventConsumer } from '../consumer-functions';
import { atLeast, atMost, type BudgetCheck } from './budget-check';
import { ingestBudgets } from './ingest-budgets';
import type { BenchResults } from './results';

export type { BudgetCheck } from './budget-check';

/**
 * Every budget: ingest's (see `ingest-budgets.ts`), cold start per function, the largest bundle, DynamoDB
 * writes per new event per consumer, the local system's start and its sustained rate (100 events/s; 200 is
 * the stretch, information), and the summary over a million conversations on the local engine.
 *
 * @example
 * ```ts
 * checkBudgets(results).filter((budget) => !budget.pass);
 * ```
 */
export const checkBudgets = (results: BenchResults): BudgetCheck[] => [
  ...ingestBudgets(results.ingest),
  ...results.functions.map((fn) =>
    atMost({ name: `coldInitRatio ${fn.name}`, part: 'cold-start', figure: results.coldStart?.[fn.name]?.ratio }, 1.3),
  ),
  atMost({ name: 'maxBundleBytes', part: 'build', figure: maxBundleBytes(results) }, 65_536),
  ...results.functions.filter(isEventConsumer).map((fn) =>
    atMost(
      {
        name: `DynamoDB writes per new event ${fn.name}`,
        part: 'consumers',
        figure: results.consumers?.[fn.name]?.dynamoWritesPerNewEvent,
      },
      1,
    ),
  ),
  atMost({ name: 'local ready ms', part: 'local-loop', figure: results.localLoop?.readyMs }, 10_000),
  atLeast(
    {
      name: 'local sustained events/s',
      part: 'local-throughput',
      figure: results.localThroughput?.sustainedRate,
      // A short run ramps to a few events per second only: it checks the harness, not the machine.
      ...(results.short ? { enforced: false, note: 'short ramp: information' } : {}),
    },
    100,
  ),
  atLeast(
    {
      name: 'local sustained events/s, stretch',
      part: 'local-throughput',
      figure: results.localThroughput?.sustainedRate,
      enforced: false,
      note: 'stretch: information',
    },
    200,
  ),
  // Only when the million-conversation lake was measured (full runs): the short run times the smallest.
  ...(results.analyticsScale ?? [])
    .filter((figures) => figures.conversations === 1_000_000)
    .map((figures) =>
      atMost(
        { name: 'analytics summary ms, 1M conversations', part: 'analytics-scale', figure: figures.summaryMs },
        5_000,
      ),
    ),
];

/**
 * The size of the largest function bundle.
 *
 * @example
 * ```ts
 * maxBundleBytes(results); // 190123
 * ```
 */
export const maxBundleBytes = (results: BenchResults): number | undefined =>
  results.functions.length === 0 ? undefined : Math.max(...results.functions.map((fn) => fn.bytes));
