/**
 * Ingest throughput, in-process: the real handler of each webhook function (its production bundle), the
 * whole Middy chain, Powertools logging and metrics at INFO into this process's stdout (which the parent
 * points at /dev/null), PutEvents and DynamoDB stubbed at the SDK client. Measured in the same run as the
 * floor and the naive handler, on the same 2 KB bodies.
 */
import { readBuiltFunctions } from '../build-functions';
import { ingestEnvironment, lambdaEnvironment } from '../environment';
import { SCHEMES, type Scheme } from '../fixtures/webhooks';
import { type Measured, measure } from '../measure';
import type { BenchPaths } from '../paths';
import { countOutput, stubDynamo, stubPutEvents } from '../sdk-stubs';
import type { BenchSettings } from '../settings';
import { expectAnswer, ingestSetup, ingestTasks } from './ingest-setup';

/** What one request costs besides time. */
export interface RequestCost {
  /** Log and metric output per request, in characters, and its lines. */
  readonly logBytesPerOp: number;
  readonly logLinesPerOp: number;
  /** DynamoDB commands per request (Open Messaging always deduplicates, on its message id and time). */
  readonly dynamoCallsPerOp: number;
}

/** One scheme's figures. */
export interface SchemeFigures extends Measured, RequestCost {
  readonly floorOpsPerSec: number;
  /** Cost per request of ours over the floor's. */
  readonly costVsFloor: number;
}

/** What the ingest part answers. */
export interface IngestResult {
  readonly schemes: Record<Scheme, SchemeFigures>;
  readonly seedHeaderWithDeliveryId: Measured & RequestCost;
  readonly naiveSeedForm: Measured;
  /** Throughput of ours over the naive handler's, seed form. */
  readonly ingestVsNaive: number;
  /** Cost per request of ours over the floor's, seed form. */
  readonly ingestVsFloorCost: number;
  /** The seed form path's required work alone (see `requiredWorkSeedFormHandler`). */
  readonly requiredWorkSeedForm: Measured;
  /** The best `ingestVsNaive` and `ingestVsFloorCost` any handler keeping the required parser can reach. */
  readonly ceilingVsNaive: number;
  readonly ceilingVsFloorCost: number;
}

const SAMPLE = 20;

/** The environment, the SDK stubs and the webhook functions, in that order (handlers read both on import). */
const prepare = async (paths: BenchPaths) => {
  const output = countOutput();
  Object.assign(process.env, lambdaEnvironment(), ingestEnvironment());
  const putEvents = stubPutEvents();
  const dynamo = stubDynamo();
  const setup = await ingestSetup(readBuiltFunctions(paths));
  return { output, putEvents, dynamo, setup };
};

/**
 * Runs the ingest part (in a child process of its own).
 *
 * @example
 * ```ts
 * const result = await runIngestPart(settings, paths);
 * ```
 */
export const runIngestPart = async (settings: BenchSettings, paths: BenchPaths): Promise<IngestResult> => {
  const { output, putEvents, dynamo, setup } = await prepare(paths);

  // Each path once for its answer, then a sample for what a request writes and calls besides PutEvents.
  const costOf = async (what: string, call: () => Promise<unknown>): Promise<RequestCost> => {
    expectAnswer(what, await call(), 'accepted');
    const before = { ...output };
    dynamo.reset();
    putEvents.reset();
    for (let i = 0; i < SAMPLE; i += 1) await call();
    if (putEvents.total() !== SAMPLE) throw new Error(`bench: ${what} did not publish once per request`);
    return {
      logBytesPerOp: (output.bytes - before.bytes) / SAMPLE,
      logLinesPerOp: (output.lines - before.lines) / SAMPLE,
      dynamoCallsPerOp: dynamo.total() / SAMPLE,
    };
  };
  const costs = {} as Record<Scheme, RequestCost>;
  for (const scheme of SCHEMES) costs[scheme] = await costOf(scheme, () => setup.invoke(scheme));
  const deliveryCost = await costOf('seed header with delivery ids', () =>
    setup.invoke('seedHeader', setup.withDeliveryId()),
  );
  if (costs.seedForm.dynamoCallsPerOp > 0 || costs.seedHeader.dynamoCallsPerOp > 0) {
    throw new Error('bench: ingest called DynamoDB for a seed request without a delivery id');
  }
  for (const reference of [setup.naive, setup.requiredWork]) {
    const answer = await reference({ body: setup.webhooks.seedForm.request.body ?? '' });
    if (answer.statusCode !== 200) throw new Error(`bench: a reference handler answered ${answer.statusCode}`);
  }

  const tasks = ingestTasks(setup);
  const measured = await measure(tasks, settings.ingest);
  const figure = (name: string): Measured => {
    const found = measured[name];
    if (!found) throw new Error(`bench: task ${name} was not measured`);
    return found;
  };
  const schemes = Object.fromEntries(
    SCHEMES.map((scheme) => {
      const ours = figure(`ours:${scheme}`);
      const floor = figure(`floor:${scheme}`);
      const figures: SchemeFigures = {
        ...ours,
        ...costs[scheme],
        floorOpsPerSec: floor.opsPerSec,
        costVsFloor: floor.opsPerSec / ours.opsPerSec,
      };
      return [scheme, figures];
    }),
  ) as Record<Scheme, SchemeFigures>;
  const naiveSeedForm = figure('naive:seedForm');
  const requiredWorkSeedForm = figure('requiredWork:seedForm');
  return {
    schemes,
    seedHeaderWithDeliveryId: { ...figure('ours:seedHeaderWithDeliveryId'), ...deliveryCost },
    naiveSeedForm,
    ingestVsNaive: schemes.seedForm.opsPerSec / naiveSeedForm.opsPerSec,
    ingestVsFloorCost: schemes.seedForm.costVsFloor,
    requiredWorkSeedForm,
    ceilingVsNaive: requiredWorkSeedForm.opsPerSec / naiveSeedForm.opsPerSec,
    ceilingVsFloorCost: schemes.seedForm.floorOpsPerSec / requiredWorkSeedForm.opsPerSec,
  };
};

/**
 * `--profile`: ours on the seed form alone for 5 s (the parent runs this child under `--cpu-prof`).
 *
 * @example
 * ```ts
 * const { seedForm } = await runIngestProfile(settings, paths);
 * ```
 */
export const runIngestProfile = async (
  settings: BenchSettings,
  paths: BenchPaths,
): Promise<Record<string, Measured>> => {
  const { setup } = await prepare(paths);
  expectAnswer('seed form', await setup.invoke('seedForm'), 'accepted');
  const task = ingestTasks(setup).filter((candidate) => candidate.name === 'ours:seedForm');
  return measure(task, { ...settings.ingest, rounds: 1, timeMs: 5_000 });
};
