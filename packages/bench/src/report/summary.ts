/**
 * The one JSON object the bench prints as its last line: every figure, flat where the issue names it.
 */
import { cpus } from 'node:os';
import type { IngestResult } from '../parts/ingest';
import { totalRoundTrips } from '../parts/ingest-paths';
import type { LocalThroughputFigures } from '../parts/local-throughput';
import type { StepFigures } from '../throughput/step';
import { type BudgetCheck, maxBundleBytes } from './budgets';
import { chainVsRequiredWork } from './ingest-budgets';
import type { BenchResults } from './results';

const round = (value: number | undefined): number | null =>
  value === undefined || !Number.isFinite(value) ? null : Number(value.toPrecision(4));

const mapValues = <T>(record: Record<string, T> | undefined, pick: (value: T) => number | undefined) =>
  record ? Object.fromEntries(Object.entries(record).map(([key, value]) => [key, round(pick(value))])) : null;

/**
 * The summary object.
 *
 * @example
 * ```ts
 * console.log(JSON.stringify(summarise(results, budgets)));
 * ```
 */
export const summarise = (results: BenchResults, budgets: readonly BudgetCheck[]) => {
  const { ingest, consumers, coldStart, localLoop, localThroughput } = results;
  const enforced = !results.short;
  return {
    mode: results.short ? 'short' : 'full',
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    cpus: cpus().length,
    ingestOpsPerSec: ingest
      ? {
          ...mapValues(ingest.schemes, (figures) => figures.opsPerSec),
          seedHeaderWithDeliveryId: round(ingest.seedHeaderWithDeliveryId.opsPerSec),
        }
      : null,
    floorOpsPerSec: mapValues(ingest?.schemes, (figures) => figures.floorOpsPerSec),
    naiveSeedFormOpsPerSec: round(ingest?.naiveSeedForm.opsPerSec),
    ingestVsNaive: round(ingest?.ingestVsNaive),
    ingestVsFloorCost: round(ingest?.ingestVsFloorCost),
    requiredWorkSeedFormOpsPerSec: round(ingest?.requiredWork.seedForm.opsPerSec),
    ceilingVsNaive: round(ingest?.ceilingVsNaive),
    ceilingVsFloorCost: round(ingest?.ceilingVsFloorCost),
    ...ingestAnswerSummary(ingest),
    ingestCostVsFloor: mapValues(ingest?.schemes, (figures) => figures.costVsFloor),
    ingestLogBytesPerOp: mapValues(ingest?.schemes, (figures) => figures.logBytesPerOp),
    ingestDynamoCallsPerOp: ingest
      ? {
          ...mapValues(ingest.schemes, (figures) => figures.dynamoCallsPerOp),
          seedHeaderWithDeliveryId: round(ingest.seedHeaderWithDeliveryId.dynamoCallsPerOp),
        }
      : null,
    consumerNewEventsPerSec: mapValues(consumers, (figures) => figures.newEvents.opsPerSec),
    consumerDuplicatesPerSec: mapValues(consumers, (figures) => figures.duplicates.opsPerSec),
    consumerDynamoCallsPerNewEvent: mapValues(consumers, (figures) => figures.dynamoCallsPerNewEvent),
    consumerDynamoWritesPerNewEvent: mapValues(consumers, (figures) => figures.dynamoWritesPerNewEvent),
    consumerDynamoCallsPerDuplicate: mapValues(consumers, (figures) => figures.dynamoCallsPerDuplicate),
    consumerDynamoWritesPerDuplicate: mapValues(consumers, (figures) => figures.dynamoWritesPerDuplicate),
    coldInitRatio: mapValues(coldStart, (figures) => figures.ratio),
    coldInitMs: mapValues(coldStart, (figures) => figures.oursMs),
    coldInitBareMs: mapValues(coldStart, (figures) => figures.bareMs),
    coldInitRatioQuartiles: coldStart
      ? Object.fromEntries(
          Object.entries(coldStart).map(([name, figures]) => [name, figures.ratioQuartiles.map(round)]),
        )
      : null,
    coldImportMs: mapValues(coldStart, (figures) => figures.oursImportMs),
    coldImportBareMs: mapValues(coldStart, (figures) => figures.bareImportMs),
    bundleBytes: Object.fromEntries(results.functions.map((fn) => [fn.name, fn.bytes])),
    maxBundleBytes: maxBundleBytes(results) ?? null,
    powertoolsLayerBytes: results.powertoolsLayerBytes,
    localReadyMs: round(localLoop?.readyMs),
    localFirstEventMs: round(localLoop?.firstEventMs),
    localPostToGetP50Ms: round(localLoop?.postToGetP50Ms),
    localPostToGetP95Ms: round(localLoop?.postToGetP95Ms),
    localEvents: localLoop?.events ?? null,
    ...throughputSummary(localThroughput),
    analyticsScale:
      results.analyticsScale?.map((lake) => ({
        conversations: lake.conversations,
        rows: lake.rows,
        lakeBytes: lake.lakeBytes,
        summaryMs: round(lake.summaryMs),
        summaryCpuMs: round(lake.summaryCpuMs),
        loadAverage: lake.loadAverage,
        scannedRows: lake.scannedRows,
        scannedBytes: lake.scannedBytes,
        msPerMillionRowsScanned: round(lake.summaryMs / (lake.scannedRows / 1_000_000)),
      })) ?? null,
    budgets: Object.fromEntries(
      budgets.map((budget) => [
        budget.name,
        { figure: round(budget.figure), limit: budget.limit, pass: budget.pass, enforced: budget.enforced },
      ]),
    ),
    budgetsEnforced: enforced,
    failedBudgets: budgets.filter((budget) => budget.enforced && !budget.pass).map((budget) => budget.name),
    errors: results.errors,
  };
};

/** The new ingest figures: required work and the chain against it per route, round trips, billed duration. */
const ingestAnswerSummary = (ingest: IngestResult | undefined) => {
  const answerPath = ingest?.answerPath;
  return {
    requiredWorkOpsPerSec: mapValues(ingest?.requiredWork, (figures) => figures.opsPerSec),
    minimalWorkOpsPerSec: mapValues(ingest?.minimalWork, (figures) => figures.opsPerSec),
    chainVsMinimalWork: mapValues(ingest?.chainVsMinimalWork, (ratio) => ratio),
    chainVsRequiredWork: mapValues(ingest?.chain, chainVsRequiredWork),
    chainVsRequiredWorkQuartiles: ingest
      ? Object.fromEntries(
          Object.entries(ingest.chain).map(([path, pairs]) => [path, pairs.wallRatioQuartiles.map(round)]),
        )
      : null,
    chainCpuVsRequiredWork: mapValues(ingest?.chain, (pairs) => pairs.cpuRatio),
    chainCpuUsPerRequest: mapValues(ingest?.chain, (pairs) => pairs.oursCpuUs),
    requiredWorkCpuUsPerRequest: mapValues(ingest?.chain, (pairs) => pairs.referenceCpuUs),
    ingestRoundTrips: answerPath
      ? Object.fromEntries(
          Object.entries(answerPath).map(([path, figures]) => [
            path,
            {
              newEvent: { ...figures.newEvent, total: totalRoundTrips(figures.newEvent) },
              redelivery: { ...figures.redelivery, total: totalRoundTrips(figures.redelivery) },
            },
          ]),
        )
      : null,
    ingestBilledMs: mapValues(answerPath, (figures) => figures.billedMs),
    ingestAnswerMs: answerPath
      ? Object.fromEntries(
          Object.entries(answerPath).map(([path, figures]) => [
            path,
            {
              wallP50: round(figures.wallP50Ms),
              wallP99: round(figures.wallP99Ms),
              awsWaitP50: round(figures.awsWaitP50Ms),
              ownP50: round(figures.ownP50Ms),
              ownP99: round(figures.ownP99Ms),
              meanBilled: round(figures.meanBilledMs),
              wallBilled: figures.wallBilledMs,
              awsDelay: figures.awsDelayMs,
            },
          ]),
        )
      : null,
  };
};

const stepSummary = (step: StepFigures) => ({
  rate: step.rate,
  sent: step.sent,
  statuses: step.statuses,
  noAnswer: step.noAnswer,
  answerP50Ms: round(step.answerP50Ms),
  answerP99Ms: round(step.answerP99Ms),
  answerMaxMs: round(step.answerMaxMs),
  endToEndP50Ms: round(step.endToEndP50Ms),
  endToEndP99Ms: round(step.endToEndP99Ms),
  deadLetters: step.deadLetters,
  lost: step.missing + step.extra,
  cpuMsPerEvent: round(step.cpuMsPerEvent),
  cpuMsPerEventByPart: step.cpuMsPerEventByPart
    ? Object.fromEntries(Object.entries(step.cpuMsPerEventByPart).map(([part, ms]) => [part, round(ms)]))
    : null,
  peakRssBytes: step.peakRssBytes ?? null,
  benchCores: round(step.benchCores),
  otherCores: round(step.otherCores),
});

/** The local throughput figures, flat where the issue names them. */
const throughputSummary = (figures: LocalThroughputFigures | undefined) => {
  const sustained = figures?.steps.find((step) => step.held && step.rate === figures.sustainedRate);
  return {
    localSustainedEventsPerSec: figures?.sustainedRate ?? null,
    localEndToEndP50Ms: round(sustained?.endToEndP50Ms),
    localEndToEndP99Ms: round(sustained?.endToEndP99Ms),
    localCpuMsPerEvent: round(sustained?.cpuMsPerEvent),
    localPeakRssBytes: figures?.peakRssBytes ?? null,
    localThroughputSteps: figures?.steps.map((step) => ({ ...stepSummary(step), held: step.held })) ?? null,
    localOverload: figures?.overload
      ? { ...stepSummary(figures.overload), degradedWithoutLoss: figures.overload.degradedWithoutLoss }
      : null,
    localQuietAfterOverloadMs: round(figures?.quietAfterOverloadMs),
    localRecovery: figures?.recovery ? { ...stepSummary(figures.recovery), held: figures.recovery.held } : null,
  };
};
