/**
 * The ramp: steps of rising rate until one does not hold; the highest that held is the sustained rate.
 * Then twice that rate, where the system must degrade without loss; and once the load has stopped and the
 * system has worked off its backlog (gone quiet), the sustained rate again, where it must have recovered.
 */
import type { LocalSystem } from '../local-system';
import { waitUntilQuiet } from './quiet';
import { runStep, type StepFigures } from './step';
import type { TrafficRequest } from './traffic';

/** The longest p99 answer a held step may have, ms. */
export const P99_ANSWER_LIMIT_MS = 250;
/** The functions' timeout (provider.yml): every answer, 503s included, must come within it. */
export const FUNCTION_TIMEOUT_MS = 8_000;

/** How the ramp runs. */
export interface RampSettings {
  /** Rates to try, rising, events per second. */
  readonly rates: readonly number[];
  readonly stepSeconds: number;
  /** Seconds at a low rate before the first step, not counted (handlers load, the JIT warms up). */
  readonly warmupSeconds: number;
  /** Seconds at twice the sustained rate; 0 skips the overload and recovery steps. */
  readonly overloadSeconds: number;
}

/** A step and whether it met its criteria. */
export type JudgedStep = StepFigures & { readonly held: boolean; readonly retried: boolean };

/** The ramp's results. */
export interface RampFigures {
  readonly steps: readonly JudgedStep[];
  /** The highest rate that held, 0 when none did. */
  readonly sustainedRate: number;
  readonly overload?: StepFigures & { readonly degradedWithoutLoss: boolean };
  /** How long after the overload's drain the system went quiet, ms; undefined when it did not (`QUIET`). */
  readonly quietAfterOverloadMs?: number | undefined;
  readonly recovery?: JudgedStep;
}

/**
 * Whether a step held: every answer 200, p99 answer within the limit, nothing parked, and every accepted
 * event stored exactly once.
 *
 * @example
 * ```ts
 * stepHeld(figures); // true
 * ```
 */
export const stepHeld = (step: StepFigures): boolean =>
  answersOtherThan(step, [200]) === 0 &&
  step.answerP99Ms <= P99_ANSWER_LIMIT_MS &&
  step.deadLetters === 0 &&
  step.missing === 0 &&
  step.extra === 0;

/**
 * Whether an overloaded step degraded without loss: only 200 and 503 with `Retry-After`, every answer
 * within the function timeout, nothing parked, every accepted event stored exactly once.
 *
 * @example
 * ```ts
 * degradedWithoutLoss(overload); // true
 * ```
 */
export const degradedWithoutLoss = (step: StepFigures): boolean =>
  answersOtherThan(step, [200, 503]) === 0 &&
  step.unavailableWithoutRetryAfter === 0 &&
  step.answerMaxMs <= FUNCTION_TIMEOUT_MS &&
  step.deadLetters === 0 &&
  step.missing === 0 &&
  step.extra === 0;

/**
 * The number of answers whose status is not one of `allowed` (no answer at all counts).
 *
 * @example
 * ```ts
 * answersOtherThan(step, [200, 503]); // 0
 * ```
 */
export const answersOtherThan = (step: StepFigures, allowed: readonly number[]): number =>
  Object.entries(step.statuses)
    .filter(([status]) => !allowed.includes(Number(status)))
    .reduce((sum, [, count]) => sum + count, 0);

/**
 * Runs the ramp against a started local system.
 *
 * @example
 * ```ts
 * const figures = await runRamp({ system, settings, next, deadLetterDir, progress });
 * ```
 */
export const runRamp = async ({
  system,
  settings,
  next,
  deadLetterDir,
  progress,
}: {
  system: LocalSystem;
  settings: RampSettings;
  /** A new request each call. */
  next: () => TrafficRequest;
  deadLetterDir: string;
  progress: (message: string) => void;
}): Promise<RampFigures> => {
  const step = (rate: number, seconds: number) =>
    runStep({ system, rate, seconds, next, deadLetterDir, drainTimeoutMs: 120_000 });
  const firstRate = settings.rates[0] ?? 10;
  if (settings.warmupSeconds > 0) await step(Math.max(5, Math.round(firstRate / 2)), settings.warmupSeconds);
  const steps: JudgedStep[] = [];
  let sustainedRate = 0;
  for (const rate of settings.rates) {
    const judged = await judgedStep(() => step(rate, settings.stepSeconds), progress, `${rate}/s`);
    steps.push(...judged);
    if (!judged.at(-1)?.held) break;
    sustainedRate = rate;
  }
  if (sustainedRate === 0 || settings.overloadSeconds <= 0) return { steps, sustainedRate };
  progress(`overload: ${sustainedRate * 2}/s for ${settings.overloadSeconds} s`);
  const overloaded = await step(sustainedRate * 2, settings.overloadSeconds);
  const overload = { ...overloaded, degradedWithoutLoss: degradedWithoutLoss(overloaded) };
  const quietAfterOverloadMs = await waitUntilQuiet(system.groupId);
  progress(
    quietAfterOverloadMs === undefined
      ? 'the system did not go quiet after the overload'
      : `quiet ${Math.round(quietAfterOverloadMs / 1000)} s after the overload`,
  );
  // Judged as a ramp step (once more when it does not hold): the rate that held before must hold again.
  const recovery = await judgedStep(
    () => step(sustainedRate, settings.stepSeconds),
    progress,
    `recovery ${sustainedRate}/s`,
  );
  return { steps, sustainedRate, overload, quietAfterOverloadMs, recovery: recovery.at(-1) as JudgedStep };
};

/**
 * A step, and once more when it does not hold: on a shared machine one busy moment of another process
 * should not end the ramp. Both runs are kept.
 */
const judgedStep = async (
  run: () => Promise<StepFigures>,
  progress: (message: string) => void,
  label: string,
): Promise<JudgedStep[]> => {
  progress(`step ${label}`);
  const first = await run();
  if (stepHeld(first)) return [{ ...first, held: true, retried: false }];
  progress(`step ${label} did not hold; once more`);
  const second = await run();
  return [
    { ...first, held: false, retried: false },
    { ...second, held: stepHeld(second), retried: true },
  ];
};
