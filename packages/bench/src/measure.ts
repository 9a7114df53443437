/**
 * tinybench, run in rounds: each round runs every task in a rotated order, and a task's figure is its
 * median round, so one noisy moment on a shared 2-core machine does not decide a result.
 */
import { Bench } from 'tinybench';

/** A task to measure. `beforeEach` runs before every call and is not timed. */
export interface BenchTask {
  readonly name: string;
  readonly fn: () => unknown;
  /** Whether `fn` returns a promise to await. Said, not detected: tinybench detects it by calling `fn`. */
  readonly async: boolean;
  readonly beforeEach?: () => void;
}

/** How long to measure. */
export interface MeasureSettings {
  readonly rounds: number;
  /** Time per task per round, in milliseconds. */
  readonly timeMs: number;
  /** Warm-up time per task per round, in milliseconds. */
  readonly warmupMs: number;
  /** Minimum calls per task per round. */
  readonly iterations: number;
}

/** One task's figures. */
export interface Measured {
  readonly opsPerSec: number;
  /** Mean time per call, in microseconds. */
  readonly meanUs: number;
  readonly p99Us: number;
  /** Calls timed in the median round. */
  readonly samples: number;
}

/**
 * Measures every task and answers its median round.
 *
 * @example
 * ```ts
 * const { floor } = await measure([{ name: 'floor', fn: () => hmac(body) }], settings);
 * floor.opsPerSec;
 * ```
 */
export const measure = async (
  tasks: readonly BenchTask[],
  settings: MeasureSettings,
): Promise<Record<string, Measured>> => {
  const rounds = new Map<string, Measured[]>(tasks.map((task) => [task.name, []]));
  for (let round = 0; round < settings.rounds; round += 1) {
    const bench = new Bench({
      time: settings.timeMs,
      warmupTime: settings.warmupMs,
      iterations: settings.iterations,
      warmupIterations: Math.min(16, settings.iterations),
      throws: true,
    });
    for (const task of rotate(tasks, round)) {
      bench.add(task.name, task.fn, { async: task.async, ...(task.beforeEach ? { beforeEach: task.beforeEach } : {}) });
    }
    await bench.run();
    for (const task of bench.tasks) rounds.get(task.name)?.push(figuresOf(task));
  }
  return Object.fromEntries([...rounds].map(([name, measured]) => [name, medianRound(measured)]));
};

const rotate = <T>(items: readonly T[], by: number): T[] => {
  const shift = items.length === 0 ? 0 : by % items.length;
  return [...items.slice(shift), ...items.slice(0, shift)];
};

const figuresOf = (task: Bench['tasks'][number]): Measured => {
  const { result } = task;
  if (result.state === 'errored') throw result.error;
  if (result.state !== 'completed') throw new Error(`bench: task ${task.name} ended ${result.state}`);
  return {
    opsPerSec: 1000 / result.period,
    meanUs: result.period * 1000,
    p99Us: result.latency.p99 * 1000,
    samples: result.latency.samplesCount,
  };
};

const medianRound = (measured: Measured[]): Measured => {
  const sorted = [...measured].sort((a, b) => a.opsPerSec - b.opsPerSec);
  const middle = sorted[Math.floor((sorted.length - 1) / 2)];
  if (!middle) throw new Error('bench: a task was never measured');
  return middle;
};

/**
 * The median of numbers.
 *
 * @example
 * ```ts
 * median([3, 1, 2]); // 2
 * ```
 */
export const median = (values: readonly number[]): number => percentile(values, 50);

/**
 * A percentile (nearest rank) of numbers.
 *
 * @example
 * ```ts
 * percentile([1, 2, 3, 4], 95); // 4
 * ```
 */
export const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1] ?? Number.NaN;
};
