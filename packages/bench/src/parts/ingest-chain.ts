/**
 * The chain against each route's required work, per request, measured in pairs (`measure-paired.ts`) after
 * the throughput tasks: each slice makes about as many calls as its side serves in `sliceMs`, judged from
 * the throughput just measured, so that both sides of a pair take about the same time.
 */
import type { Measured } from '../measure';
import { measurePaired, type PairedFigures } from '../measure-paired';
import { INGEST_PATHS, type IngestPath, schemeOf } from './ingest-paths';
import { chainCases, type IngestSetup } from './ingest-setup';

/** How many pairs per path, and how long each slice should take. */
export interface ChainPairSettings {
  readonly pairs: number;
  readonly sliceMs: number;
}

/** Fewer calls than this and a slice would measure the clock more than the calls. */
const MIN_CALLS = 20;

/**
 * Measures every path's chain against its required work.
 *
 * @example
 * ```ts
 * const pairs = await measureChainPairs(setup, measured, { pairs: 15, sliceMs: 100 });
 * pairs.seedForm.wallRatio; // our cost per request over the required work's
 * ```
 */
export const measureChainPairs = async (
  setup: IngestSetup,
  measured: Readonly<Record<string, Measured>>,
  settings: ChainPairSettings,
): Promise<Record<IngestPath, PairedFigures>> => {
  const cases = chainCases(setup);
  const callsIn = (task: string) => {
    const opsPerSec = measured[task]?.opsPerSec;
    if (!opsPerSec) throw new Error(`bench: task ${task} was not measured`);
    return Math.max(MIN_CALLS, Math.round((opsPerSec * settings.sliceMs) / 1000));
  };
  const results = {} as Record<IngestPath, PairedFigures>;
  for (const path of INGEST_PATHS) {
    results[path] = await measurePaired(cases[path].ours, cases[path].requiredWork, {
      pairs: settings.pairs,
      oursCalls: callsIn(`ours:${path}`),
      referenceCalls: callsIn(`requiredWork:${schemeOf(path)}`),
    });
  }
  return results;
};
