/**
 * Cold start: fresh Node processes (with production's `--enable-source-maps`) that import a function's
 * bundle and serve its first event against the local AWS stub, each paired with a start of its bare
 * reference right before or after it (the order alternates). A start's time runs from before the import to
 * the first answer; Node's own start-up, the same for both, is reported beside it. The ratio is the median
 * of the pairs' ratios: a pair shares the machine's load of its moment, so a busy spell on a shared machine
 * moves both sides of a pair instead of one side of the medians.
 */
import { fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BuiltFunction } from '../build-functions';
import { startAwsStub } from '../cold-start/aws-stub-server';
import { buildBareHandler } from '../cold-start/bare-handler';
import { firstEventOf } from '../cold-start/first-event';
import { childEnvironment, ingestEnvironment, lambdaEnvironment } from '../environment';
import { median, percentile } from '../measure';
import type { BenchPaths } from '../paths';
import type { BenchSettings } from '../settings';

/** One function's cold start against its bare reference. */
export interface ColdStartFigures {
  /** Median import + first event, ms. */
  readonly oursMs: number;
  readonly bareMs: number;
  /** Median of the pairs' ratios, ours / bare. */
  readonly ratio: number;
  /** The pairs' ratios at the 25th and 75th percentile: how much the machine moved the figure. */
  readonly ratioQuartiles: readonly [number, number];
  /** Median of the import alone, ms. */
  readonly oursImportMs: number;
  readonly bareImportMs: number;
  /** Median time from process start to the first answer (Node's start-up included), ms. */
  readonly oursProcessMs: number;
  readonly bareProcessMs: number;
  /** The AWS calls of the first event. */
  readonly awsCalls: readonly string[];
}

interface Start {
  readonly importMs: number;
  readonly firstEventMs: number;
  readonly initMs: number;
  readonly processMs: number;
  readonly statusCode?: number;
  readonly error?: string;
}

/**
 * Runs the cold-start part.
 *
 * @example
 * ```ts
 * const figures = await runColdStartPart(settings, paths, functions);
 * figures.genesysWebhook.ratio;
 * ```
 */
export const runColdStartPart = async (
  settings: BenchSettings,
  paths: BenchPaths,
  functions: readonly BuiltFunction[],
): Promise<Record<string, ColdStartFigures>> => {
  const stub = await startAwsStub();
  const eventsDir = join(paths.cache, 'events');
  mkdirSync(eventsDir, { recursive: true });
  const figures: Record<string, ColdStartFigures> = {};
  try {
    for (const fn of functions) {
      const { event, accept } = firstEventOf(fn);
      const eventFile = join(eventsDir, `${fn.name}.json`);
      writeFileSync(eventFile, JSON.stringify(event));
      const env = childEnvironment({
        ...lambdaEnvironment(),
        ...ingestEnvironment(),
        ...fn.environment,
        AWS_ENDPOINT_URL_EVENTBRIDGE: stub.endpoint,
        AWS_ENDPOINT_URL_DYNAMODB: stub.endpoint,
        AWS_ENDPOINT_URL_SSM: stub.endpoint,
        AWS_ENDPOINT_URL_ATHENA: stub.endpoint,
      });
      const start = async (bundle: string, what: string) => {
        const result = await startOnce(paths, bundle, eventFile, fn.exportName, env);
        if (result.error || !accept(result.statusCode)) {
          throw new Error(`bench: ${what} of ${fn.name} failed its first event: ${result.statusCode ?? result.error}`);
        }
        return result;
      };
      // A first, uncounted start of each warms the file cache and shows which AWS calls the event makes.
      stub.takeOperations();
      await start(fn.bundle, 'the function');
      const awsCalls = stub.takeOperations();
      const bare = await buildBareHandler(paths, fn, awsCalls);
      await start(bare, 'the bare handler');
      const pairs: { ours: Start; bare: Start }[] = [];
      for (let i = 0; i < settings.coldStarts; i += 1) {
        const bareFirst = i % 2 === 1;
        const first = await start(bareFirst ? bare : fn.bundle, bareFirst ? 'the bare handler' : 'the function');
        const second = await start(bareFirst ? fn.bundle : bare, bareFirst ? 'the function' : 'the bare handler');
        pairs.push(bareFirst ? { ours: second, bare: first } : { ours: first, bare: second });
      }
      figures[fn.name] = { ...pairFigures(pairs), awsCalls };
    }
  } finally {
    await stub.close();
  }
  return figures;
};

const pairFigures = (pairs: readonly { ours: Start; bare: Start }[]): Omit<ColdStartFigures, 'awsCalls'> => {
  const ratios = pairs.map((pair) => pair.ours.initMs / pair.bare.initMs);
  const medianOf = (side: 'ours' | 'bare', figure: keyof Start) =>
    median(pairs.map((pair) => Number(pair[side][figure])));
  return {
    oursMs: medianOf('ours', 'initMs'),
    bareMs: medianOf('bare', 'initMs'),
    ratio: median(ratios),
    ratioQuartiles: [percentile(ratios, 25), percentile(ratios, 75)],
    oursImportMs: medianOf('ours', 'importMs'),
    bareImportMs: medianOf('bare', 'importMs'),
    oursProcessMs: medianOf('ours', 'processMs'),
    bareProcessMs: medianOf('bare', 'processMs'),
  };
};

const startOnce = (
  paths: BenchPaths,
  bundle: string,
  eventFile: string,
  exportName: string,
  env: Record<string, string>,
): Promise<Start> =>
  new Promise((resolve, reject) => {
    const child = fork(join(paths.cache, 'cold-start-child.mjs'), [bundle, eventFile, exportName], {
      env,
      execArgv: ['--enable-source-maps'],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let stderr = '';
    let result: Start | undefined;
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-2000);
    });
    child.on('message', (message) => {
      result = message as Start;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (result && code === 0) resolve(result);
      else reject(new Error(`bench: cold start of ${bundle} exited with ${code}\n${stderr}`));
    });
  });
