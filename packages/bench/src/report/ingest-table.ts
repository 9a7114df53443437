/**
 * The ingest section of the report: throughput against the floor and each route's required work, then the
 * answer path against the AWS stub (round trips by kind, billed duration).
 */
import { SCHEMES } from '../fixtures/webhooks';
import type { Measured } from '../measure';
import type { PairedFigures } from '../measure-paired';
import type { IngestResult, RequestCost } from '../parts/ingest';
import type { AnswerPathFigures } from '../parts/ingest-answer-path';
import {
  INGEST_PATHS,
  type IngestPath,
  neededRoundTrips,
  type RoundTrips,
  totalRoundTrips,
} from '../parts/ingest-paths';
import { billedLimitMs, CHAIN_VS_REQUIRED_WORK_LIMIT, chainVsRequiredWork } from './ingest-budgets';
import { cell, renderTable } from './table';

const PATH_LABELS: Record<IngestPath, string> = {
  seedForm: 'seed form',
  seedHeader: 'seed header',
  openMessaging: 'Open Messaging',
  eventBridgeApi: 'EventBridge API destination',
  seedHeaderWithDeliveryId: 'seed header + delivery id',
};

/** What a throughput row shows besides time: the floor's and the references' figures, when it has them. */
interface Against {
  readonly floorOpsPerSec?: number;
  readonly costVsFloor?: number;
  readonly requiredWorkOpsPerSec?: number;
  readonly minimalWorkOpsPerSec?: number;
}

const opsCell = (value: number | undefined) => (value === undefined ? '' : cell(value));

const times = (value: number | undefined) => (value === undefined ? '' : `${cell(value)}x`);

const throughputRow = (label: string, figures: Measured & Partial<RequestCost> & Against) => [
  label,
  cell(figures.opsPerSec),
  cell(figures.meanUs),
  cell(figures.p99Us),
  opsCell(figures.floorOpsPerSec),
  times(figures.costVsFloor),
  opsCell(figures.requiredWorkOpsPerSec),
  opsCell(figures.minimalWorkOpsPerSec),
  cell(figures.logBytesPerOp ?? 0),
  cell(figures.dynamoCallsPerOp ?? 0),
];

const throughput = (ingest: IngestResult): string[] => {
  const rows = [
    ...INGEST_PATHS.map((path) =>
      path === 'seedHeaderWithDeliveryId'
        ? throughputRow(PATH_LABELS[path], {
            ...ingest.seedHeaderWithDeliveryId,
            minimalWorkOpsPerSec: ingest.minimalWork.seedHeader.opsPerSec,
          })
        : throughputRow(PATH_LABELS[path], ingest.schemes[path]),
    ),
    throughputRow('naive seed form handler', ingest.naiveSeedForm),
  ];
  const headers = ['path', 'ops/s', 'us/op', 'p99 us', 'floor ops/s', 'cost/floor', 'required ops/s', 'minimal ops/s'];
  const minimal = SCHEMES.map((scheme) => `${scheme} ${cell(ingest.chainVsMinimalWork[scheme])}x`).join('   ');
  return [
    'Ingest throughput (in-process, real handlers, SDK stubbed, 2048-byte bodies, INFO logs to /dev/null;',
    "required: the route's required work alone, as specified; minimal: authentication and JSON only)",
    renderTable([...headers, 'log B/op', 'DDB/op'], rows),
    `ingestVsNaive (seed form) ${cell(ingest.ingestVsNaive)}   ingestVsFloorCost (seed form) ${cell(ingest.ingestVsFloorCost)}` +
      '   (withdrawn budgets: information)',
    `ours against the minimal work, per request: ${minimal}   (information: the minimal work skips validation and normalisation)`,
    `ceiling with the required parser: vsNaive ${cell(ingest.ceilingVsNaive)}   vsFloorCost ${cell(ingest.ceilingVsFloorCost)}` +
      '   (the seed form minimal work against the naive handler and the floor: information)',
  ];
};

const chain = (pairs: Record<IngestPath, PairedFigures>): string[] => {
  const range = ([low, high]: readonly [number, number]) => `${cell(low)}-${cell(high)}`;
  const rows = INGEST_PATHS.map((path) => {
    const figures = pairs[path];
    return [
      PATH_LABELS[path],
      String(figures.pairs),
      times(chainVsRequiredWork(figures)),
      range(figures.wallRatioQuartiles),
      times(figures.cpuRatio),
      range(figures.cpuRatioQuartiles),
      cell(figures.oursCpuUs),
      cell(figures.referenceCpuUs),
    ];
  });
  return [
    `Chain against the required work, per request (pairs of slices side by side; budget: chain/required <= ${CHAIN_VS_REQUIRED_WORK_LIMIT}x,`,
    'the median pair of wall times; cpu: the same pairs by CPU time, information; pair ratios: quartiles)',
    renderTable(
      [
        'path',
        'pairs',
        'chain/required',
        'pair ratios',
        'cpu ratio',
        'cpu pair ratios',
        'ours cpu us',
        'required cpu us',
      ],
      rows,
    ),
  ];
};

const tripCells = (trips: RoundTrips, needed: RoundTrips) => [
  cell(trips.claim),
  cell(trips.publish),
  cell(trips.complete),
  cell(trips.other),
  cell(totalRoundTrips(trips)),
  String(totalRoundTrips(needed)),
];

const roundTrips = (answerPath: Record<IngestPath, AnswerPathFigures>): string[] => {
  const kinds = ['claim', 'publish', 'complete', 'other', 'total', 'needed'];
  const rows = INGEST_PATHS.map((path) => [
    PATH_LABELS[path],
    ...tripCells(answerPath[path].newEvent, neededRoundTrips(path, 'newEvent')),
    ...tripCells(answerPath[path].redelivery, neededRoundTrips(path, 'redelivery')),
  ]);
  return [
    'AWS round trips per request on the answer path (claim: DynamoDB PutItem, publish: PutEvents, complete:',
    'DynamoDB UpdateItem; new events, then every tenth one sent again byte for byte; needed: the most its path needs)',
    renderTable(['path', ...kinds.map((kind) => `new ${kind}`), ...kinds.map((kind) => `redelivered ${kind}`)], rows),
  ];
};

const billed = (answerPath: Record<IngestPath, AnswerPathFigures>): string[] => {
  const rows = INGEST_PATHS.map((path) => {
    const figures = answerPath[path];
    return [
      PATH_LABELS[path],
      String(figures.requests),
      cell(totalRoundTrips(figures.newEvent)),
      cell(figures.wallP50Ms),
      cell(figures.wallP99Ms),
      cell(figures.awsWaitP50Ms),
      cell(figures.ownP50Ms),
      cell(figures.ownP99Ms),
      String(figures.billedMs),
      cell(figures.meanBilledMs),
      String(figures.wallBilledMs),
      String(billedLimitMs(figures)),
    ];
  });
  const headers = ['path', 'requests', 'round trips', 'wall p50', 'wall p99', 'wait p50', 'own p50', 'own p99'];
  const [first] = Object.values(answerPath);
  return [
    `Billed duration per accepted webhook, ms (new events one after the other, every AWS call answered after ${first?.awsDelayMs ?? 'n/a'} ms;`,
    'wait: waiting for those answers; own: the rest of the wall time; billed: round trips x the delay + own, rounded up',
    'as Lambda bills, median and mean; wall billed: the median wall time rounded up, late answers of the stub included)',
    renderTable([...headers, 'billed', 'mean billed', 'wall billed', 'limit'], rows),
  ];
};

/**
 * The ingest section's lines.
 *
 * @example
 * ```ts
 * sections.push(...renderIngest(results.ingest), '');
 * ```
 */
export const renderIngest = (ingest: IngestResult): string[] => [
  ...throughput(ingest),
  '',
  ...chain(ingest.chain),
  '',
  ...roundTrips(ingest.answerPath),
  '',
  ...billed(ingest.answerPath),
];
