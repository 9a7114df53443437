import type { MeasureSettings } from './measure';

/** What one run of the bench does, from its command line and environment. */
export interface BenchSettings {
  /** `--short` or `BENCH_SHORT=1`: tiny counts, checks the harness works; budgets are reported, not enforced. */
  readonly short: boolean;
  /** `--profile`: only the ingest seed form loop, under `--cpu-prof`, summarised. */
  readonly profile: boolean;
  readonly ingest: MeasureSettings;
  readonly consumers: MeasureSettings;
  /** Fresh processes per function (and as many for its bare reference). */
  readonly coldStarts: number;
  /** Webhooks posted to the local system for the POST -> GET latency. */
  readonly localEvents: number;
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
  const settings: BenchSettings = short
    ? {
        short,
        profile,
        ingest: { rounds: 1, timeMs: 20, warmupMs: 5, iterations: 5 },
        consumers: { rounds: 1, timeMs: 20, warmupMs: 5, iterations: 5 },
        coldStarts: 1,
        localEvents: 5,
      }
    : {
        short,
        profile,
        ingest: { rounds: 3, timeMs: 700, warmupMs: 150, iterations: 64 },
        consumers: { rounds: 3, timeMs: 500, warmupMs: 100, iterations: 64 },
        coldStarts: 9,
        localEvents: 100,
      };
  return settings;
};

/** The flags a part's child process is started with, so that it reads the same settings. */
export const settingsFlags = (settings: BenchSettings): string[] => (settings.short ? ['--short'] : []);
