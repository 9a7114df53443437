/**
 * One budget checked against one figure: the shape every budget of the report has.
 */
import type { BenchPart } from '../settings';

/** One budget and how this run did against it. */
export interface BudgetCheck {
  readonly name: string;
  /** The part that measures it; the bundle sizes come from the build, which always runs. */
  readonly part: BenchPart | 'build';
  /** `undefined` when the part that measures it failed. */
  readonly figure: number | undefined;
  readonly limit: string;
  readonly pass: boolean;
  /** Whether a miss fails a full run; the others are printed as information, with why in `note`. */
  readonly enforced: boolean;
  readonly note?: string;
}

/** A figure to check: enforced unless said otherwise. */
export type Measurement = Pick<BudgetCheck, 'name' | 'part' | 'figure'> & { enforced?: boolean; note?: string };

/**
 * A budget the figure must reach; a missing figure (its part failed) misses it.
 *
 * @example
 * ```ts
 * atLeast({ name: 'local sustained events/s', part: 'local-throughput', figure: 125 }, 100).pass; // true
 * ```
 */
export const atLeast = ({ enforced = true, ...measurement }: Measurement, limit: number): BudgetCheck => ({
  ...measurement,
  enforced,
  limit: `>= ${limit}`,
  pass: measurement.figure !== undefined && measurement.figure >= limit,
});

/**
 * A budget the figure must not pass; a missing figure (its part failed) misses it.
 *
 * @example
 * ```ts
 * atMost({ name: 'maxBundleBytes', part: 'build', figure: 65_574 }, 65_536).pass; // false
 * ```
 */
export const atMost = ({ enforced = true, ...measurement }: Measurement, limit: number): BudgetCheck => ({
  ...measurement,
  enforced,
  limit: `<= ${limit}`,
  pass: measurement.figure !== undefined && measurement.figure <= limit,
});
