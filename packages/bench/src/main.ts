/**
 * The bench: builds every function as it deploys, runs each part (in-process parts in child processes of
 * their own, whose stdout is /dev/null), prints the report and, as its last line, one JSON object.
 * Exits 1 when a part fails, or (full mode only) when a budget is missed.
 */
import { fork } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildFunctions } from './build-functions';
import { buildPowertoolsLayer } from './build-layer';
import { childEnvironment } from './environment';
import { runAnalyticsScalePart } from './parts/analytics-scale/scale-part';
import { runColdStartPart } from './parts/cold-start';
import { runConsumersPart } from './parts/consumers';
import { runIngestPart } from './parts/ingest';
import { type IngestProfile, runIngestProfile } from './parts/ingest-profile';
import { runLocalLoopPart } from './parts/local-loop';
import { runLocalThroughputPart } from './parts/local-throughput';
import { benchPaths } from './paths';
import { summariseProfile } from './profile';
import { checkBudgets } from './report/budgets';
import type { BenchResults } from './report/results';
import { summarise } from './report/summary';
import { renderReport } from './report/table';
import { BENCH_PARTS, type BenchPart, readSettings, settingsFlags } from './settings';

const settings = readSettings(process.argv.slice(2), process.env);
const paths = benchPaths();
const began = performance.now();
const progress = (message: string) =>
  process.stderr.write(`[bench ${((performance.now() - began) / 1000).toFixed(1)}s] ${message}\n`);

const CHILD_PARTS = {
  ingest: runIngestPart,
  consumers: runConsumersPart,
  'ingest-profile': runIngestProfile,
  'analytics-scale': runAnalyticsScalePart,
} as const;
type ChildPart = keyof typeof CHILD_PARTS;

/** In a part's child process: run it and send the result (or the error) to the parent. */
const runPartHere = async (part: ChildPart): Promise<void> => {
  try {
    const value = await CHILD_PARTS[part](settings, paths);
    process.send?.({ value }, () => process.exit(0));
  } catch (error) {
    process.send?.({ error: (error as Error).stack ?? String(error) }, () => process.exit(1));
  }
};

/** Runs a part in a fresh child process with stdout on /dev/null (where Powertools writes its logs). */
const runPartInChild = <T>(part: ChildPart, execArgv: readonly string[] = []): Promise<T> =>
  new Promise((resolve, reject) => {
    const child = fork(join(paths.cache, 'bench.mjs'), ['--part', part, ...settingsFlags(settings)], {
      env: childEnvironment({}),
      execArgv: ['--enable-source-maps', ...execArgv],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let stderr = '';
    let message: { value?: T; error?: string } = {};
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-3000);
    });
    child.on('message', (received) => {
      message = received as typeof message;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0 && message.value !== undefined) resolve(message.value);
      else reject(new Error(message.error ?? `exited with ${code}\n${stderr}`));
    });
  });

const attempt = async (results: BenchResults, part: string, run: () => Promise<void>): Promise<void> => {
  progress(`${part}...`);
  try {
    await run();
  } catch (error) {
    results.errors[part] = (error as Error).message;
    progress(`${part} FAILED: ${(error as Error).message}`);
  }
};

const runAll = async (): Promise<number> => {
  const only = settings.parts.length < BENCH_PARTS.length ? ` of ${settings.parts.join(', ')}` : '';
  progress(`${settings.short ? 'short' : 'full'} run${only}; building the function bundles and the layer`);
  const functions = await buildFunctions(paths);
  const powertoolsLayerBytes = await buildPowertoolsLayer(paths);
  const results: BenchResults = { short: settings.short, functions, powertoolsLayerBytes, errors: {} };
  const run = (part: BenchPart, measure: () => Promise<void>) =>
    settings.parts.includes(part) ? attempt(results, part, measure) : Promise.resolve();
  await run('ingest', async () => {
    results.ingest = await runPartInChild('ingest');
  });
  await run('consumers', async () => {
    results.consumers = await runPartInChild('consumers');
  });
  await run('cold-start', async () => {
    results.coldStart = await runColdStartPart(settings, paths, functions);
  });
  await run('local-loop', async () => {
    results.localLoop = await runLocalLoopPart(settings, paths);
  });
  await run('local-throughput', async () => {
    results.localThroughput = await runLocalThroughputPart(settings, paths, progress);
  });
  await run('analytics-scale', async () => {
    results.analyticsScale = await runPartInChild('analytics-scale');
  });
  progress('done');
  const budgets = checkBudgets(results).filter(
    (budget) => budget.part === 'build' || settings.parts.includes(budget.part),
  );
  const missed = budgets.filter((budget) => budget.enforced && !budget.pass);
  const lines = [renderReport(results, budgets), ''];
  if (missed.length > 0) {
    lines.push(
      settings.short
        ? `Budgets missed (not enforced in short mode): ${missed.map((budget) => budget.name).join('; ')}`
        : `BUDGETS MISSED: ${missed.map((budget) => budget.name).join('; ')}`,
    );
  }
  lines.push(JSON.stringify(summarise(results, budgets)));
  process.stdout.write(`${lines.join('\n')}\n`);
  const failedParts = Object.keys(results.errors).length > 0;
  return failedParts || (!settings.short && missed.length > 0) ? 1 : 0;
};

/** `--profile [path]`: one ingest path's loop alone under the V8 CPU profiler, then its summary. */
const runProfile = async (): Promise<number> => {
  progress('building the function bundles and the layer');
  await buildFunctions(paths);
  await buildPowertoolsLayer(paths);
  rmSync(paths.profiles, { recursive: true, force: true });
  progress(`profiling the ingest ${settings.profilePath} loop for 5 s`);
  const { file, requests } = await runPartInChild<IngestProfile>('ingest-profile');
  process.stdout.write(`${summariseProfile(file, paths.root, { requests })}\n`);
  return 0;
};

const partIndex = process.argv.indexOf('--part');
if (partIndex >= 0) {
  await runPartHere(process.argv[partIndex + 1] as ChildPart);
} else {
  process.exitCode = settings.profile ? await runProfile() : await runAll();
}
