/**
 * Ingest's budgets (issue 14, item 5): the Middy chain against each route's required work, the AWS round
 * trips on the answer path, and the billed duration against an AWS that answers after 10 ms. The two
 * ratios the issue withdrew are still checked and printed, as information.
 */
import type { PairedFigures } from '../measure-paired';
import type { IngestResult } from '../parts/ingest';
import type { AnswerPathFigures } from '../parts/ingest-answer-path';
import {
  INGEST_PATHS,
  type IngestPath,
  neededRoundTrips,
  type RoundTrips,
  totalRoundTrips,
} from '../parts/ingest-paths';
import { atLeast, atMost, type BudgetCheck } from './budget-check';

/** The chain may cost at most this many times the route's required work, per request. */
export const CHAIN_VS_REQUIRED_WORK_LIMIT = 3;

/**
 * The budget's figure of a path's pairs: our wall time per request over the required work's, the median
 * pair (the cost per request, 1 / ops per second, measured side by side).
 *
 * @example
 * ```ts
 * chainVsRequiredWork(result.chain.seedForm); // 2.6
 * ```
 */
export const chainVsRequiredWork = (pairs: PairedFigures): number => pairs.wallRatio;

/** What a webhook may be billed beyond its round trips' waits, in milliseconds. */
export const BILLED_MS_OVER_ROUND_TRIPS = 2;

// Issue 14 withdrew them: they measured microseconds of CPU that Lambda bills in whole milliseconds and
// that network round trips dwarf. Still printed, never failing.
const WITHDRAWN = { enforced: false, note: 'withdrawn: information' } as const;

const KINDS = ['claim', 'publish', 'complete', 'other'] as const;

/** Round trips written as the needed ones are named, e.g. `claim+publish+complete`. */
const spelled = (trips: RoundTrips): string =>
  KINDS.filter((kind) => trips[kind] > 0)
    .map((kind) => (trips[kind] === 1 ? kind : `${trips[kind]} ${kind}`))
    .join('+');

/**
 * A request's round trips against what its path needs: no kind above its need, so that a missing call of
 * one kind cannot hide an extra call of another. The figure is the total.
 */
const roundTripsBudget = (
  path: IngestPath,
  request: 'newEvent' | 'redelivery',
  figures: AnswerPathFigures | undefined,
): BudgetCheck => {
  const needed = neededRoundTrips(path, request);
  const measured = figures?.[request];
  return {
    name: `AWS round trips ${path}, ${request === 'newEvent' ? 'new event' : 'redelivery'}`,
    part: 'ingest',
    figure: measured ? totalRoundTrips(measured) : undefined,
    limit: `<= ${totalRoundTrips(needed)} (${spelled(needed)})`,
    pass: measured !== undefined && KINDS.every((kind) => measured[kind] <= needed[kind]),
    enforced: true,
  };
};

/**
 * The billed milliseconds of a path's median new event, against its round trips' waits plus 2 ms.
 *
 * @example
 * ```ts
 * billedLimitMs(result.answerPath.openMessaging); // 32 when it made 3 round trips of 10 ms
 * ```
 */
export const billedLimitMs = (figures: AnswerPathFigures): number =>
  totalRoundTrips(figures.newEvent) * figures.awsDelayMs + BILLED_MS_OVER_ROUND_TRIPS;

/**
 * Every ingest budget of one run (`undefined`: the part failed, so every enforced one misses).
 *
 * @example
 * ```ts
 * ingestBudgets(results.ingest).filter((budget) => budget.enforced && !budget.pass);
 * ```
 */
export const ingestBudgets = (ingest: IngestResult | undefined): BudgetCheck[] => {
  const chainRatio = (path: IngestPath) => {
    const pairs = ingest?.chain[path];
    return pairs ? chainVsRequiredWork(pairs) : undefined;
  };
  return [
    atLeast({ name: 'ingestVsNaive (seed form)', part: 'ingest', figure: ingest?.ingestVsNaive, ...WITHDRAWN }, 0.8),
    atMost(
      { name: 'ingestVsFloorCost (seed form)', part: 'ingest', figure: ingest?.ingestVsFloorCost, ...WITHDRAWN },
      4,
    ),
    ...INGEST_PATHS.map((path) =>
      atMost(
        { name: `chainVsRequiredWork ${path}`, part: 'ingest', figure: chainRatio(path) },
        CHAIN_VS_REQUIRED_WORK_LIMIT,
      ),
    ),
    ...INGEST_PATHS.flatMap((path) => [
      roundTripsBudget(path, 'newEvent', ingest?.answerPath[path]),
      roundTripsBudget(path, 'redelivery', ingest?.answerPath[path]),
    ]),
    ...INGEST_PATHS.map((path) => {
      const figures = ingest?.answerPath[path];
      const name = `billed ms per accepted webhook ${path}`;
      // Without the part's figures there are no round trips to derive the limit from: the budget misses.
      if (!figures)
        return { name, part: 'ingest', figure: undefined, limit: 'n/a', pass: false, enforced: true } as const;
      return atMost({ name, part: 'ingest', figure: figures.billedMs }, billedLimitMs(figures));
    }),
  ];
};
