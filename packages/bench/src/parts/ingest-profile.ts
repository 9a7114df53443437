/**
 * `--profile [path]`: one ingest path's loop under the V8 sampling profiler, started and stopped around
 * the loop alone (not the imports, the set-up or the warm-up), with the requests it served counted, so that
 * the summary can say what each function costs per request.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { type BenchTask, measure } from '../measure';
import type { BenchPaths } from '../paths';
import type { BenchSettings } from '../settings';
import { prepareIngest } from './ingest';
import { schemeOf } from './ingest-paths';
import { expectAnswer, ingestTasks } from './ingest-setup';

/** What the profiled loop left: the profile's file and the requests served while profiling. */
export interface IngestProfile {
  readonly file: string;
  readonly requests: number;
}

const PROFILE_MS = 5_000;
const WARMUP_MS = 1_000;
/** Sampling interval in microseconds, as `--cpu-prof-interval` took it before. */
const SAMPLING_US = 200;

/**
 * Profiles ours on the configured path (in a child process of its own) and writes the `.cpuprofile`.
 *
 * @example
 * ```ts
 * const { file, requests } = await runIngestProfile(settings, paths);
 * ```
 */
export const runIngestProfile = async (settings: BenchSettings, paths: BenchPaths): Promise<IngestProfile> => {
  const path = settings.profilePath;
  const { setup } = await prepareIngest(paths);
  const webhook = path === 'seedHeaderWithDeliveryId' ? setup.withDeliveryId() : undefined;
  expectAnswer(path, await setup.invoke(schemeOf(path), webhook), 'accepted');
  const task = ingestTasks(setup).find((candidate) => candidate.name === `ours:${path}`);
  if (!task) throw new Error(`bench: no ingest task for ${path}`);
  let requests = 0;
  const counted: BenchTask = {
    ...task,
    fn: () => {
      requests += 1;
      return task.fn();
    },
  };
  const once = (timeMs: number) => measure([counted], { ...settings.ingest, rounds: 1, timeMs });
  await once(WARMUP_MS);
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: SAMPLING_US });
  await session.post('Profiler.start');
  requests = 0;
  await once(PROFILE_MS);
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();
  mkdirSync(paths.profiles, { recursive: true });
  const file = join(paths.profiles, `ingest-${path}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  return { file, requests };
};
