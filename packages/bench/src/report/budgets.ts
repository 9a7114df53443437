/**
 * The budgets of the issue, checked against one run's results.
 */
import type { BenchResults } from './results';

/** One budget and how this run did against it. */
export interface BudgetCheck {
  readonly name: string;
  /** `undefined` when the part that measures it failed. */
  readonly figure: number | undefined;
  readonly limit: string;
  readonly pass: boolean;
}

const atLeast = (name: string, figure: number | undefined, limit: number): BudgetCheck => ({
  name,
  figure,
  limit: `>= ${limit}`,
  pass: figure !== undefined && figure >= limit,
});

const atMost = (name: string, figure: number | undefined, limit: number): BudgetCheck => ({
  name,
  figure,
  limit: `<= ${limit}`,
  pass: figure !== undefined && figure <= limit,
});

/**
 * Every budget: ingest against the naive handler and the floor (seed form), cold start per function,
 * the largest bundle, DynamoDB writes per new event per consumer, and the local system's start.
 *
 * @example
 * ```ts
 * checkBudgets(results).filter((budget) => !budget.pass);
 * ```
 */
export const checkBudgets = (results: BenchResults): BudgetCheck[] => [
  atLeast('ingestVsNaive (seed form)', results.ingest?.ingestVsNaive, 0.8),
  atMost('ingestVsFloorCost (seed form)', results.ingest?.ingestVsFloorCost, 4),
  ...results.functions.map((fn) => atMost(`coldInitRatio ${fn.name}`, results.coldStart?.[fn.name]?.ratio, 1.3)),
  atMost('maxBundleBytes', maxBundleBytes(results), 65_536),
  ...results.functions
    .filter((fn) => fn.trigger.kind === 'eventbridge')
    .map((fn) =>
      atMost(`DynamoDB writes per new event ${fn.name}`, results.consumers?.[fn.name]?.dynamoWritesPerNewEvent, 1),
    ),
  atMost('local ready ms', results.localLoop?.readyMs, 10_000),
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
