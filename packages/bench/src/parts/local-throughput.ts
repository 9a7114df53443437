/**
 * Local throughput: the local system as `npm run dev` runs it, under mixed, partly redelivered webhook
 * traffic at rising rates (see ../throughput/ramp.ts), with its own dead-letter folder so that a
 * developer's `.local-data` is neither read nor written.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startLocalSystem, stopLocalSystem } from '../local-system';
import type { BenchPaths } from '../paths';
import type { BenchSettings } from '../settings';
import { type RampFigures, runRamp } from '../throughput/ramp';
import { devCredentials, newRequest } from '../throughput/traffic';

/** The part's figures: the ramp's, and the system's start. */
export type LocalThroughputFigures = RampFigures & {
  readonly readyMs: number;
  /** The highest resident memory of the system's process group over the whole part, bytes. */
  readonly peakRssBytes: number | undefined;
};

/**
 * Runs the local throughput part.
 *
 * @example
 * ```ts
 * const { sustainedRate } = await runLocalThroughputPart(settings, paths, progress);
 * ```
 */
export const runLocalThroughputPart = async (
  settings: BenchSettings,
  paths: BenchPaths,
  progress: (message: string) => void,
): Promise<LocalThroughputFigures> => {
  const credentials = devCredentials(paths.root);
  const deadLetterDir = mkdtempSync(join(paths.cache, 'dead-letters-'));
  const system = await startLocalSystem(paths.root, { LOCAL_DEAD_LETTER_DIR: deadLetterDir });
  let index = 0;
  const next = () => newRequest({ index: index++, base: 1_000_000, credentials });
  try {
    const ramp = await runRamp({ system, settings: settings.throughput, next, deadLetterDir, progress });
    const steps = [...ramp.steps, ...(ramp.overload ? [ramp.overload] : []), ...(ramp.recovery ? [ramp.recovery] : [])];
    const peaks = steps.flatMap((step) => (step.peakRssBytes === undefined ? [] : [step.peakRssBytes]));
    return {
      ...ramp,
      readyMs: system.readyMs,
      peakRssBytes: peaks.length > 0 ? Math.max(...peaks) : undefined,
    };
  } catch (error) {
    throw new Error(`${(error as Error).message}\n--- serverless offline output ---\n${system.output().slice(-3000)}`);
  } finally {
    await stopLocalSystem(system);
    rmSync(deadLetterDir, { recursive: true, force: true });
  }
};
