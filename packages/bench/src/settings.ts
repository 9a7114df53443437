import type { MeasureSettings } from './measure';
import type { AnswerPathSettings } from './parts/ingest-answer-path';
import type { ChainPairSettings } from './parts/ingest-chain';
import { INGEST_PATHS, type IngestPath } from './parts/ingest-paths';
import type { RampSettings } from './throughput/ramp';

/** The parts of a full run, in the order they run. */
export const BENCH_PARTS = [
  'ingest',
  'consumers',
  'cold-start',
  'local-loop',
  'local-throughput',
  'analytics-scale',
] as const;
export type BenchPart = (typeof BENCH_PARTS)[number];

/** What one run of the bench does, from its command line and environment. */
export interface BenchSettings {
  /** `--short` or `BENCH_SHORT=1`: tiny counts, checks the harness works; budgets are reported, not enforced. */
  readonly short: boolean;
  /** `--profile [path]`: only one ingest path's loop (the seed form unless named), profiled and summarised. */
  readonly profile: boolean;
  readonly profilePath: IngestPath;
  /** `--only cold-start,ingest`: the parts to run (all when absent); the others' budgets are not checked. */
  readonly parts: readonly BenchPart[];
  readonly ingest: MeasureSettings;
  /** Pairs of slices of the chain and its required work, per path (`chainVsRequiredWork`). */
  readonly ingestPairs: ChainPairSettings;
  /** New requests per ingest path against the delayed AWS stub (round trips, billed duration). */
  readonly ingestAnswerPath: AnswerPathSettings;
  readonly consumers: MeasureSettings;
  /** Fresh processes per function (and as many for its bare reference). */
  readonly coldStarts: number;
  /** Webhooks posted to the local system for the POST -> GET latency. */
  readonly localEvents: number;
  /** The local throughput ramp (`BENCH_RATES=100 BENCH_STEP_SECONDS=30` holds one rate for 30 s). */
  readonly throughput: RampSettings;
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
  const profilePath = profilePathOf(argv);
  const parts = partsOf(argv);
  const settings: BenchSettings = short
    ? {
        short,
        profile,
        profilePath,
        parts,
        ingest: { rounds: 1, timeMs: 20, warmupMs: 5, iterations: 5 },
        ingestPairs: { pairs: 2, sliceMs: 5 },
        ingestAnswerPath: { requests: 10, warmup: 2 },
        consumers: { rounds: 1, timeMs: 20, warmupMs: 5, iterations: 5 },
        coldStarts: 1,
        localEvents: 5,
        // One short, slow step: it checks the harness, not the machine.
        throughput: rampOf(env, { rates: [10], stepSeconds: 2, warmupSeconds: 1, overloadSeconds: 0 }),
        // The smallest lake only: the large ones take minutes to write the first time.
        analyticsScale: { sizes: [10_000], repeats: 1 },
      }
    : {
        short,
        profile,
        profilePath,
        parts,
        ingest: { rounds: 3, timeMs: 700, warmupMs: 150, iterations: 64 },
        // 15 pairs of 100 ms slices per path, as the cold-start part pairs 15 starts: about 15 s in all.
        ingestPairs: { pairs: 15, sliceMs: 100 },
        // 200 sequential requests per path: a p99 that is not the single worst one, in about 25 s in all.
        ingestAnswerPath: { requests: 200, warmup: 20 },
        consumers: { rounds: 3, timeMs: 500, warmupMs: 100, iterations: 64 },
        coldStarts: 15,
        localEvents: 100,
        throughput: rampOf(env, {
          rates: [50, 75, 100, 125, 150, 200, 250, 300],
          stepSeconds: 10,
          warmupSeconds: 5,
          overloadSeconds: 15,
        }),
        analyticsScale: { sizes: [10_000, 100_000, 1_000_000], repeats: 3 },
      };
  return settings;
};

/** The ramp's defaults, overridden by `BENCH_RATES` (comma-separated), `BENCH_STEP_SECONDS`, `BENCH_OVERLOAD_SECONDS`. */
const rampOf = (env: Readonly<Record<string, string | undefined>>, defaults: RampSettings): RampSettings => {
  const rates = (env.BENCH_RATES ?? '')
    .split(',')
    .map(Number)
    .filter((rate) => rate > 0);
  const seconds = (name: string, fallback: number) => {
    const value = Number(env[name]);
    return env[name] !== undefined && env[name] !== '' && value >= 0 ? value : fallback;
  };
  return {
    rates: rates.length > 0 ? rates : defaults.rates,
    stepSeconds: seconds('BENCH_STEP_SECONDS', defaults.stepSeconds) || defaults.stepSeconds,
    warmupSeconds: defaults.warmupSeconds,
    overloadSeconds: seconds('BENCH_OVERLOAD_SECONDS', defaults.overloadSeconds),
  };
};

/** The path after `--profile`, if one is named there. */
const profilePathOf = (argv: readonly string[]): IngestPath => {
  const named = argv[argv.indexOf('--profile') + 1] ?? '';
  if (argv.includes('--profile') && named !== '' && !named.startsWith('--')) {
    const path = INGEST_PATHS.find((candidate) => candidate === named);
    if (!path) throw new Error(`bench: --profile takes one of ${INGEST_PATHS.join(', ')}`);
    return path;
  }
  return 'seedForm';
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
export const settingsFlags = (settings: BenchSettings): string[] => [
  ...(settings.short ? ['--short'] : []),
  ...(settings.profile ? ['--profile', settings.profilePath] : []),
];
