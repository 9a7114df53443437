/**
 * One step of the throughput ramp: mixed traffic at a fixed rate for a while, then everything accounted
 * for. Every accepted event must end up stored exactly once (checked in dynalite once the system drained),
 * nothing may be parked, and a sample of events is timed from the answer to the moment it is stored.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LocalSystem } from '../local-system';
import { percentile } from '../measure';
import { type CpuByPart, cpuBetween, cpuByPart } from './cpu-parts';
import { machineBusyMs, watchGroup } from './process-tree';
import { type SentRecord, sendAtRate } from './sender';
import { accountFor, whenStored } from './stored';
import type { TrafficRequest } from './traffic';

/** What one step measured. */
export interface StepFigures {
  readonly rate: number;
  readonly seconds: number;
  readonly sent: number;
  readonly redeliveries: number;
  /** Answers by HTTP status; `0` counts requests without an answer. */
  readonly statuses: Readonly<Record<string, number>>;
  /** 503 answers without `Retry-After`. */
  readonly unavailableWithoutRetryAfter: number;
  /** Requests without an answer, by reason (a timeout, a reset connection). */
  readonly noAnswer: Readonly<Record<string, number>>;
  readonly answerP50Ms: number;
  readonly answerP99Ms: number;
  readonly answerMaxMs: number;
  /** From the answer to the event in dynalite, over a sample of accepted events. */
  readonly endToEndP50Ms: number | undefined;
  readonly endToEndP99Ms: number | undefined;
  /** Accepted events not stored, or stored more than once, after the drain. */
  readonly missing: number;
  readonly extra: number;
  readonly deadLetters: number;
  /** From the last answer until the last sampled event was stored, ms. */
  readonly drainMs: number;
  /** CPU of the local system's process group per accepted event, from the first request until drained, ms. */
  readonly cpuMsPerEvent: number | undefined;
  /** The same, by part of the system (main thread, worker threads, helper threads, dynalite, lake, other). */
  readonly cpuMsPerEventByPart: CpuByPart | undefined;
  readonly peakRssBytes: number | undefined;
  /** CPU of the bench itself (sender, signing, polling dynalite) during the step, in cores. */
  readonly benchCores: number;
  /** CPU of every other process on the machine during the step (other work on a shared machine), in cores. */
  readonly otherCores: number | undefined;
}

/** What a step needs. */
export interface StepPlan {
  readonly system: LocalSystem;
  readonly rate: number;
  readonly seconds: number;
  /** The `index`-th new request of this step. */
  readonly next: (index: number) => TrafficRequest;
  readonly deadLetterDir: string;
  /** How long the drain may take before the missing events count as missing. */
  readonly drainTimeoutMs: number;
}

/** One event in this many accepted is timed end to end (polling dynalite costs the machine CPU too). */
const SAMPLE_EVERY = 10;

/**
 * Runs one step.
 *
 * @example
 * ```ts
 * const figures = await runStep({ system, rate: 100, seconds: 10, next, deadLetterDir, drainTimeoutMs: 60_000 });
 * ```
 */
export const runStep = async (plan: StepPlan): Promise<StepFigures> => {
  const { system } = plan;
  const parkedBefore = countDeadLetters(plan.deadLetterDir);
  const watch = watchGroup(system.groupId, 200);
  const partsBefore = cpuByPart(system.groupId);
  const busyBefore = machineBusyMs();
  const benchBefore = process.cpuUsage();
  const started = performance.now();
  const samples: Promise<number | undefined>[] = [];
  let accepted = 0;
  const records = await sendAtRate({
    baseUrl: system.baseUrl,
    rate: plan.rate,
    seconds: plan.seconds,
    redeliveryEvery: 20,
    next: plan.next,
    onAnswer: (record) => {
      if (record.redelivery || record.status !== 200 || accepted++ % SAMPLE_EVERY !== 0) return;
      const stored = whenStored(system.dynamodbEndpoint, record.request.conversationId, {
        everyMs: 20,
        timeoutMs: plan.drainTimeoutMs,
      });
      samples.push(stored.then((at) => (at === undefined ? undefined : at - record.answeredAt)));
    },
  });
  const lastAnswer = performance.now();
  // The sampled events are spread over the whole step, the last ones among the last sent: once they are
  // stored the system has drained, and the CPU counted so far is the step's. The accounting below queries
  // every conversation, so it runs after the count: it is the bench's work, not the system's.
  const endToEnd = (await Promise.all(samples)).filter((ms): ms is number => ms !== undefined);
  const drained = performance.now();
  const group = watch.stop();
  const partsAfter = cpuByPart(system.groupId);
  const busyAfter = machineBusyMs();
  const { user, system: kernel } = process.cpuUsage(benchBefore);
  const benchMs = (user + kernel) / 1000;
  const elapsedMs = drained - started;
  const acceptedIds = [...new Set(records.filter(isAcceptedEvent).map((record) => record.request.conversationId))];
  const { missing, extra } = await accountFor(system.dynamodbEndpoint, acceptedIds, {
    everyMs: 250,
    timeoutMs: plan.drainTimeoutMs,
  });
  const answers = records.map((record) => record.answerMs);
  return {
    rate: plan.rate,
    seconds: plan.seconds,
    sent: records.length,
    redeliveries: records.filter((record) => record.redelivery).length,
    statuses: countStatuses(records),
    unavailableWithoutRetryAfter: records.filter((record) => record.status === 503 && !record.retryAfter).length,
    noAnswer: countBy(records.flatMap((record) => (record.error === undefined ? [] : [record.error]))),
    answerP50Ms: percentile(answers, 50),
    answerP99Ms: percentile(answers, 99),
    answerMaxMs: Math.max(...answers),
    endToEndP50Ms: endToEnd.length > 0 ? percentile(endToEnd, 50) : undefined,
    endToEndP99Ms: endToEnd.length > 0 ? percentile(endToEnd, 99) : undefined,
    missing: missing.length,
    extra: extra.length,
    deadLetters: countDeadLetters(plan.deadLetterDir) - parkedBefore,
    drainMs: drained - lastAnswer,
    cpuMsPerEvent: group && acceptedIds.length > 0 ? group.cpuMs / acceptedIds.length : undefined,
    cpuMsPerEventByPart: perEvent(partsBefore, partsAfter, acceptedIds.length),
    peakRssBytes: group?.peakRssBytes,
    benchCores: benchMs / elapsedMs,
    otherCores:
      group && busyBefore !== undefined && busyAfter !== undefined
        ? Math.max(0, busyAfter - busyBefore - group.cpuMs - benchMs) / elapsedMs
        : undefined,
  };
};

const isAcceptedEvent = (record: SentRecord): boolean => !record.redelivery && record.status === 200;

const perEvent = (before: CpuByPart | undefined, after: CpuByPart | undefined, events: number) => {
  if (!before || !after || events === 0) return undefined;
  const used = cpuBetween(before, after);
  return Object.fromEntries(Object.entries(used).map(([part, ms]) => [part, ms / events])) as CpuByPart;
};

const countBy = (keys: readonly (string | number)[]): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const key of keys) counts[key] = (counts[key] ?? 0) + 1;
  return counts;
};

const countStatuses = (records: readonly SentRecord[]): Record<string, number> =>
  countBy(records.map((record) => record.status));

/**
 * Lines in every `*.ndjson` file of the local bus's dead-letter folder.
 *
 * @example
 * ```ts
 * countDeadLetters(deadLetterDir); // 0
 * ```
 */
export const countDeadLetters = (directory: string): number => {
  let names: string[];
  try {
    names = readdirSync(directory).filter((name) => name.endsWith('.ndjson'));
  } catch {
    return 0;
  }
  return names.reduce(
    (sum, name) => sum + readFileSync(join(directory, name), 'utf8').split('\n').filter(Boolean).length,
    0,
  );
};
