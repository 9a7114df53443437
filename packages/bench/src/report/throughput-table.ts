/**
 * The local throughput section of the report: one row per ramp step, then the sustained rate, the
 * overload at twice that rate and the recovery.
 */
import type { LocalThroughputFigures } from '../parts/local-throughput';
import { CPU_PARTS } from '../throughput/cpu-parts';
import { QUIET } from '../throughput/quiet';
import { answersOtherThan, P99_ANSWER_LIMIT_MS } from '../throughput/ramp';
import type { StepFigures } from '../throughput/step';
import { cell, renderTable } from './table';

const MB = 1024 * 1024;

const HEADERS = [
  'step',
  'rate/s',
  'sent',
  '200',
  '503',
  'other',
  'p50 ms',
  'p99 ms',
  'max ms',
  'e2e p50',
  'e2e p99',
  'dead',
  'lost',
  'CPU ms/ev',
  'peak MB',
  'bench',
  'others',
  'result',
];

const row = (label: string, step: StepFigures, result: string): string[] => [
  label,
  String(step.rate),
  String(step.sent),
  String(step.statuses[200] ?? 0),
  String(step.statuses[503] ?? 0),
  String(answersOtherThan(step, [200, 503])),
  cell(step.answerP50Ms),
  cell(step.answerP99Ms),
  cell(step.answerMaxMs),
  cell(step.endToEndP50Ms),
  cell(step.endToEndP99Ms),
  String(step.deadLetters),
  String(step.missing + step.extra),
  cell(step.cpuMsPerEvent),
  step.peakRssBytes === undefined ? 'n/a' : cell(step.peakRssBytes / MB),
  cell(step.benchCores),
  step.otherCores === undefined ? 'n/a' : cell(step.otherCores),
  result,
];

/**
 * Where each step's CPU per event went: offline's main thread, its worker threads (the functions), its
 * other threads (V8's compiler and GC helpers, libuv), dynalite, the lake, the rest.
 */
const cpuByPartLines = (steps: readonly StepFigures[]): string[] => {
  const measured = steps.filter((step) => step.cpuMsPerEventByPart !== undefined);
  if (measured.length === 0) return [];
  return [
    `CPU ms per event by part (${CPU_PARTS.join(' / ')}):`,
    ...measured.map(
      (step) =>
        `  ${String(step.rate).padStart(4)}/s: ${CPU_PARTS.map((part) => cell(step.cpuMsPerEventByPart?.[part])).join(' / ')}`,
    ),
  ];
};

/**
 * Renders the section.
 *
 * @example
 * ```ts
 * console.log(renderThroughput(results.localThroughput));
 * ```
 */
export const renderThroughput = (figures: LocalThroughputFigures): string => {
  const rows = figures.steps.map((step) =>
    row(step.retried ? 'ramp (again)' : 'ramp', step, step.held ? 'held' : 'did not hold'),
  );
  if (figures.overload) {
    const { overload } = figures;
    rows.push(row('overload 2x', overload, overload.degradedWithoutLoss ? 'no loss' : 'LOSS or bad answer'));
  }
  if (figures.recovery) rows.push(row('recovery', figures.recovery, figures.recovery.held ? 'held' : 'did not hold'));
  const noAnswer = [...figures.steps, ...(figures.overload ? [figures.overload] : [])].flatMap((step) =>
    Object.entries(step.noAnswer).map(([reason, count]) => `${step.rate}/s: ${count} x ${reason}`),
  );
  const sustained = [...figures.steps].reverse().find((step) => step.held && step.rate === figures.sustainedRate);
  const steps = [...figures.steps, ...(figures.overload ? [figures.overload] : [])];
  return [
    'Local throughput (serverless offline as `npm run dev` runs it; mixed transports, 5% redeliveries, open loop;',
    `a step holds with every answer 200, p99 answer <= ${P99_ANSWER_LIMIT_MS} ms, no dead letter and every accepted`,
    "event stored exactly once; e2e: answer to stored in dynalite, 1 event in 10; CPU: the system's process",
    'group per accepted event; bench, others: cores used by the bench itself and by every other process)',
    renderTable(HEADERS, rows),
    ...(noAnswer.length > 0 ? [`no answer: ${noAnswer.join('; ')}`] : []),
    ...cpuByPartLines(steps),
    `sustained: ${figures.sustainedRate} events/s` +
      (sustained
        ? `, p99 answer ${cell(sustained.answerP99Ms)} ms, end to end p50 ${cell(sustained.endToEndP50Ms)} / p99 ` +
          `${cell(sustained.endToEndP99Ms)} ms, CPU ${cell(sustained.cpuMsPerEvent)} ms per event`
        : '') +
      `; peak RSS of the system ${figures.peakRssBytes === undefined ? 'n/a' : `${cell(figures.peakRssBytes / MB)} MB`}` +
      `; ready in ${cell(figures.readyMs)} ms`,
    figures.overload
      ? `overload at ${figures.overload.rate}/s: ${figures.overload.degradedWithoutLoss ? 'degraded without loss' : 'LOST EVENTS OR ANSWERED OUTSIDE 200/503'}; ` +
        `${quietAfter(figures.quietAfterOverloadMs)}recovery at ${figures.recovery?.rate}/s ${figures.recovery?.held ? 'held' : 'did NOT hold'}`
      : 'overload: not run (short mode, BENCH_OVERLOAD_SECONDS=0, or no step held)',
  ].join('\n');
};

const quietAfter = (ms: number | undefined) =>
  ms === undefined
    ? `NOT quiet within ${QUIET.timeoutMs / 1000} s after it; `
    : `quiet ${(ms / 1000).toFixed(0)} s after it; `;
