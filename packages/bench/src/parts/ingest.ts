/**
 * Ingest, in-process: the real handler of each webhook function (its production bundle), the whole Middy
 * chain, Powertools logging and metrics at INFO into this process's stdout (which the parent points at
 * /dev/null). Throughput with PutEvents and DynamoDB stubbed at the SDK client, measured in the same run as
 * the floor, the naive handler and each route's required work, on the same 2 KB bodies; then the answer
 * path against an AWS stub that answers after 10 ms (round trips, billed duration).
 */
import { readBuiltFunctions } from '../build-functions';
import { ingestEnvironment, lambdaEnvironment } from '../environment';
import { SCHEMES, type Scheme } from '../fixtures/webhooks';
import { type Measured, measure } from '../measure';
import type { PairedFigures } from '../measure-paired';
import type { BenchPaths } from '../paths';
import { countOutput, stubDynamo, stubPutEvents } from '../sdk-stubs';
import { serviceResources } from '../serverless-files';
import type { BenchSettings } from '../settings';
import { type AnswerPathFigures, measureAnswerPaths } from './ingest-answer-path';
import { measureChainPairs } from './ingest-chain';
import type { IngestPath } from './ingest-paths';
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
  /** The route's required work alone, and its minimal work (see `required-work.ts`). */
  readonly requiredWorkOpsPerSec: number;
  readonly minimalWorkOpsPerSec: number;
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
  /** Each route's required work alone, and its minimal work. */
  readonly requiredWork: Record<Scheme, Measured>;
  readonly minimalWork: Record<Scheme, Measured>;
  /** Our cost per request over the minimal work's, per scheme (separate throughput tasks: information). */
  readonly chainVsMinimalWork: Record<Scheme, number>;
  /** Each path's chain against its route's required work, per request, in pairs (`chainVsRequiredWork`). */
  readonly chain: Record<IngestPath, PairedFigures>;
  /** The best `ingestVsNaive` and `ingestVsFloorCost` any handler keeping the required parser can reach (the seed form's minimal work). */
  readonly ceilingVsNaive: number;
  readonly ceilingVsFloorCost: number;
  /** Each path against the AWS stub that answers after 10 ms: round trips and billed duration. */
  readonly answerPath: Record<IngestPath, AnswerPathFigures>;
}

const SAMPLE = 20;

/**
 * The environment, the SDK stubs and the webhook functions, in that order (handlers read both on import).
 *
 * @example
 * ```ts
 * const { setup } = await prepareIngest(paths);
 * await setup.invoke('seedForm');
 * ```
 */
export const prepareIngest = async (paths: BenchPaths) => {
  const output = countOutput();
  Object.assign(process.env, lambdaEnvironment(), ingestEnvironment());
  const putEvents = stubPutEvents();
  const dynamo = stubDynamo();
  const setup = await ingestSetup(readBuiltFunctions(paths));
  return { output, putEvents, dynamo, setup };
};

/**
 * Each path once for its answer, then a sample for what a request writes and calls besides PutEvents; and
 * every reference once for its answer, so that a reference that refuses its request cannot look fast.
 */
const requestCosts = async ({ output, putEvents, dynamo, setup }: Awaited<ReturnType<typeof prepareIngest>>) => {
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
  const references = [
    { name: 'naive', handler: setup.naive, scheme: 'seedForm' as Scheme },
    ...SCHEMES.map((scheme) => ({ name: `required work ${scheme}`, handler: setup.requiredWork[scheme], scheme })),
    ...SCHEMES.map((scheme) => ({ name: `minimal work ${scheme}`, handler: setup.minimalWork[scheme], scheme })),
  ];
  for (const { name, handler, scheme } of references) {
    const { body, headers } = setup.webhooks[scheme].request;
    const answer = await handler({ ...(body === undefined ? {} : { body }), ...(headers ? { headers } : {}) });
    if (answer.statusCode !== 200) throw new Error(`bench: the ${name} reference answered ${answer.statusCode}`);
  }
  return { costs, deliveryCost };
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
  const prepared = await prepareIngest(paths);
  const { costs, deliveryCost } = await requestCosts(prepared);
  const measured = await measure(ingestTasks(prepared.setup), settings.ingest);
  const figure = (name: string): Measured => {
    const found = measured[name];
    if (!found) throw new Error(`bench: task ${name} was not measured`);
    return found;
  };
  const schemes = Object.fromEntries(
    SCHEMES.map((scheme) => {
      const ours = figure(`ours:${scheme}`);
      const floor = figure(`floor:${scheme}`);
      const required = figure(`requiredWork:${scheme}`);
      const minimal = figure(`minimalWork:${scheme}`);
      const figures: SchemeFigures = {
        ...ours,
        ...costs[scheme],
        floorOpsPerSec: floor.opsPerSec,
        costVsFloor: floor.opsPerSec / ours.opsPerSec,
        requiredWorkOpsPerSec: required.opsPerSec,
        minimalWorkOpsPerSec: minimal.opsPerSec,
      };
      return [scheme, figures];
    }),
  ) as Record<Scheme, SchemeFigures>;
  const withDeliveryId = figure('ours:seedHeaderWithDeliveryId');
  const naiveSeedForm = figure('naive:seedForm');
  const perScheme = (task: string) =>
    Object.fromEntries(SCHEMES.map((scheme) => [scheme, figure(`${task}:${scheme}`)])) as Record<Scheme, Measured>;
  const requiredWork = perScheme('requiredWork');
  const minimalWork = perScheme('minimalWork');
  const chain = await measureChainPairs(prepared.setup, measured, settings.ingestPairs);
  // Last: it replaces the SDK stubs with the delayed one.
  const answerPath = await measureAnswerPaths(
    prepared.setup.handlers,
    serviceResources(paths.root),
    settings.ingestAnswerPath,
  );
  return {
    schemes,
    seedHeaderWithDeliveryId: { ...withDeliveryId, ...deliveryCost },
    naiveSeedForm,
    ingestVsNaive: schemes.seedForm.opsPerSec / naiveSeedForm.opsPerSec,
    ingestVsFloorCost: schemes.seedForm.costVsFloor,
    requiredWork,
    minimalWork,
    chainVsMinimalWork: Object.fromEntries(
      SCHEMES.map((scheme) => [scheme, minimalWork[scheme].opsPerSec / schemes[scheme].opsPerSec]),
    ) as Record<Scheme, number>,
    chain,
    ceilingVsNaive: minimalWork.seedForm.opsPerSec / naiveSeedForm.opsPerSec,
    ceilingVsFloorCost: schemes.seedForm.floorOpsPerSec / minimalWork.seedForm.opsPerSec,
    answerPath,
  };
};
