/**
 * The budgets of the issue, checked against one run's results.
 */
import { isMeasuredConsumer } from '../parts/consumers';
import type { BenchPart } from '../settings';
import type { BenchResults } from './results';

/** One budget and how this run did against it. */
export interface BudgetCheck {
  readonly name: string;
  /** The part that measures it; the bundle sizes come from the build, which always runs. */
  readonly part: BenchPart | 'build';
  /** `undefined` when the part that measures it failed. */
  readonly figure: number | undefined;
  readonly limit: string;
  readonly pass: boolean;
}

type Measurement = Pick<BudgetCheck, 'name' | 'part' | 'figure'>;

const atLeast = ({ name, part, figure }: Measurement, limit: number): BudgetCheck => ({
  name,
  part,
  figure,
  limit: `>= ${limit}`,
  pass: figure !== undefined && figure >= limit,
});

const atMost = ({ name, part, figure }: Measurement, limit: number): BudgetCheck => ({
  name,
  part,
  figure,
  limit: `<= ${limit}`,
  pass: figure !== undefined && figure <= limit,
});

/**
 * Every budget: ingest against the naive handler and the floor (seed form), cold start per function,
 * the largest bundle, DynamoDB writes per new event per consumer, the local system's start, and the summary
 * over a million conversations on the local engine.
 *
 * @example
 * ```ts
 * checkBudgets(results).filter((budget) => !budget.pass);
 * ```
 */
export const checkBudgets = (results: BenchResults): BudgetCheck[] => [
  atLeast({ name: 'ingestVsNaive (seed form)', part: 'ingest', figure: results.ingest?.ingestVsNaive }, 0.8),
  atMost({ name: 'ingestVsFloorCost (seed form)', part: 'ingest', figure: results.ingest?.ingestVsFloorCost }, 4),
  ...results.functions.map((fn) =>
    atMost({ name: `coldInitRatio ${fn.name}`, part: 'cold-start', figure: results.coldStart?.[fn.name]?.ratio }, 1.3),
  ),
  atMost({ name: 'maxBundleBytes', part: 'build', figure: maxBundleBytes(results) }, 65_536),
  ...results.functions.filter(isMeasuredConsumer).map((fn) =>
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
