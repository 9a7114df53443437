/**
 * Two calls compared in pairs of short slices, one right after the other, the order swapped every pair, as
 * the cold-start part pairs its starts: a busy moment of another process on this shared 2-core machine
 * then weighs on both sides of one pair's ratio instead of on one side of two medians measured seconds
 * apart. Each slice times a fixed number of calls on events built before it (untimed), by wall clock and by
 * this process's CPU time (user + system, every thread), which a moment without a core does not inflate.
 */
import { percentile } from './measure';

/** A call to measure: how to build a fresh event for it (untimed), and the call. */
export interface CallCase {
  readonly next: () => unknown;
  readonly call: (event: unknown) => Promise<unknown>;
}

/** How many pairs, and how many calls each side makes per slice. */
export interface PairedSettings {
  readonly pairs: number;
  readonly oursCalls: number;
  readonly referenceCalls: number;
}

/** The ratios of ours over the reference, per call: the median pair and the quartiles of the pairs. */
export interface PairedFigures {
  /** Wall time per call, ours ÷ the reference's (= the reference's calls per second ÷ ours). */
  readonly wallRatio: number;
  readonly wallRatioQuartiles: readonly [number, number];
  /** CPU time per call, ours ÷ the reference's. */
  readonly cpuRatio: number;
  readonly cpuRatioQuartiles: readonly [number, number];
  /** The median slices' CPU time per call, in microseconds. */
  readonly oursCpuUs: number;
  readonly referenceCpuUs: number;
  readonly pairs: number;
}

interface Slice {
  readonly wallUs: number;
  readonly cpuUs: number;
}

/** Runs `calls` calls of a case on events built first; answers wall and CPU time per call, in microseconds. */
const slice = async ({ next, call }: CallCase, calls: number): Promise<Slice> => {
  const events = Array.from({ length: calls }, next);
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (const event of events) await call(event);
  const wallUs = (performance.now() - started) * 1000;
  const used = process.cpuUsage(cpu);
  return { wallUs: wallUs / calls, cpuUs: (used.user + used.system) / calls };
};

const quartiles = (values: readonly number[]): readonly [number, number] => [
  percentile(values, 25),
  percentile(values, 75),
];

/**
 * Measures ours against a reference in pairs of slices.
 *
 * @example
 * ```ts
 * const { wallRatio } = await measurePaired(ours, requiredWork, { pairs: 15, oursCalls: 400, referenceCalls: 2000 });
 * ```
 */
export const measurePaired = async (
  ours: CallCase,
  reference: CallCase,
  settings: PairedSettings,
): Promise<PairedFigures> => {
  const wallRatios: number[] = [];
  const cpuRatios: number[] = [];
  const oursCpu: number[] = [];
  const referenceCpu: number[] = [];
  for (let pair = 0; pair < settings.pairs; pair += 1) {
    // The first slice of a pair runs on a warmer (or colder) machine; which side goes first alternates.
    const oursFirst = pair % 2 === 0;
    const first = await slice(oursFirst ? ours : reference, oursFirst ? settings.oursCalls : settings.referenceCalls);
    const second = await slice(oursFirst ? reference : ours, oursFirst ? settings.referenceCalls : settings.oursCalls);
    const [mine, theirs] = oursFirst ? [first, second] : [second, first];
    wallRatios.push(mine.wallUs / theirs.wallUs);
    cpuRatios.push(mine.cpuUs / theirs.cpuUs);
    oursCpu.push(mine.cpuUs);
    referenceCpu.push(theirs.cpuUs);
  }
  return {
    wallRatio: percentile(wallRatios, 50),
    wallRatioQuartiles: quartiles(wallRatios),
    cpuRatio: percentile(cpuRatios, 50),
    cpuRatioQuartiles: quartiles(cpuRatios),
    oursCpuUs: percentile(oursCpu, 50),
    referenceCpuUs: percentile(referenceCpu, 50),
    pairs: settings.pairs,
  };
};
