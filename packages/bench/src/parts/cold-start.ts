/**
 * Cold start: fresh Node processes (with production's `--enable-source-maps`) that import a function's
 * bundle and serve its first event against the local AWS stub, alternated with its bare reference. The
 * figure is the median time from before the import to the first answer; Node's own start-up, the same for
 * both, is reported beside it.
 */
import { fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BuiltFunction } from '../build-functions';
import { startAwsStub } from '../cold-start/aws-stub-server';
import { buildBareHandler } from '../cold-start/bare-handler';
import { firstEventOf } from '../cold-start/first-event';
import { childEnvironment, ingestEnvironment, lambdaEnvironment } from '../environment';
import { median } from '../measure';
import type { BenchPaths } from '../paths';
import type { BenchSettings } from '../settings';

/** One function's cold start against its bare reference. */
export interface ColdStartFigures {
  /** Median import + first event, ms. */
  readonly oursMs: number;
  readonly bareMs: number;
  /** oursMs / bareMs. */
  readonly ratio: number;
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
      const ours: Start[] = [];
      const bares: Start[] = [];
      for (let i = 0; i < settings.coldStarts; i += 1) {
        ours.push(await start(fn.bundle, 'the function'));
        bares.push(await start(bare, 'the bare handler'));
      }
      const oursMs = median(ours.map((run) => run.initMs));
      const bareMs = median(bares.map((run) => run.initMs));
      figures[fn.name] = {
        oursMs,
        bareMs,
        ratio: oursMs / bareMs,
        oursImportMs: median(ours.map((run) => run.importMs)),
        bareImportMs: median(bares.map((run) => run.importMs)),
        oursProcessMs: median(ours.map((run) => run.processMs)),
        bareProcessMs: median(bares.map((run) => run.processMs)),
        awsCalls,
      };
    }
  } finally {
    await stub.close();
  }
  return figures;
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
