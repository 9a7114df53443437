import type { MeasureSettings } from './measure';

/** The parts of a full run, in the order they run. */
export const BENCH_PARTS = ['ingest', 'consumers', 'cold-start', 'local-loop', 'analytics-scale'] as const;
export type BenchPart = (typeof BENCH_PARTS)[number];

/** What one run of the bench does, from its command line and environment. */
export interface BenchSettings {
  /** `--short` or `BENCH_SHORT=1`: tiny counts, checks the harness works; budgets are reported, not enforced. */
  readonly short: boolean;
  /** `--profile`: only the ingest seed form loop, under `--cpu-prof`, summarised. */
  readonly profile: boolean;
  /** `--only cold-start,ingest`: the parts to run (all when absent); the others' budgets are not checked. */
  readonly parts: readonly BenchPart[];
  readonly ingest: MeasureSettings;
  readonly consumers: MeasureSettings;
  /** Fresh processes per function (and as many for its bare reference). */
  readonly coldStarts: number;
  /** Webhooks posted to the local system for the POST -> GET latency. */
  readonly localEvents: number;
  /** Synthetic lakes (conversations each) the summary is timed over, and timed runs per lake. */
  readonly analyticsScale: { readonly sizes: readonly number[]; readonly repeats: number };
}

/**
 * Reads the settings.
 *
 * @example
 * ```ts
 * readSettings(['--short'], {}).short; // true
 * ```
 */
export const readSettings = (argv: readonly string[], env: Readonly<Record<string, string | undefined>>) => {
  const short = argv.includes('--short') || (env.BENCH_SHORT !== undefined && !['', '0'].includes(env.BENCH_SHORT));
  const profile = argv.includes('--profile');
  const parts = partsOf(argv);
  const settings: BenchSettings = short
    ? {
        short,
        profile,
        parts,
        ingest: { rounds: 1, timeMs: 20, warmupMs: 5, iterations: 5 },
        consumers: { rounds: 1, timeMs: 20, warmupMs: 5, iterations: 5 },
        coldStarts: 1,
        localEvents: 5,
        // The smallest lake only: the large ones take minutes to write the first time.
        analyticsScale: { sizes: [10_000], repeats: 1 },
      }
    : {
        short,
        profile,
        parts,
        ingest: { rounds: 3, timeMs: 700, warmupMs: 150, iterations: 64 },
        consumers: { rounds: 3, timeMs: 500, warmupMs: 100, iterations: 64 },
        coldStarts: 15,
        localEvents: 100,
        analyticsScale: { sizes: [10_000, 100_000, 1_000_000], repeats: 3 },
      };
  return settings;
};

const partsOf = (argv: readonly string[]): readonly BenchPart[] => {
  const index = argv.indexOf('--only');
  if (index === -1) return BENCH_PARTS;
  const asked = (argv[index + 1] ?? '').split(',').filter((part) => part.length > 0);
  const unknown = asked.filter((part) => !(BENCH_PARTS as readonly string[]).includes(part));
  if (asked.length === 0 || unknown.length > 0) {
    throw new Error(`bench: --only takes a comma-separated list of ${BENCH_PARTS.join(', ')}`);
  }
  return BENCH_PARTS.filter((part) => asked.includes(part));
};

/** The flags a part's child process is started with, so that it reads the same settings. */
export const settingsFlags = (settings: BenchSettings): string[] => (settings.short ? ['--short'] : []);
