/**
 * Waiting for the local system to go quiet: the step's drain only waits for the conversation store, while
 * after an overload the local bus may still be delivering to its other targets (some on their retry
 * backoff). Recovery is judged once that work is done, as it would be in the cloud.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { sampleGroup } from './process-tree';

/** When the group counts as quiet, and how long to wait for it. */
export interface QuietSettings {
  /** Quiet: below this many cores over one window. */
  readonly cores: number;
  readonly windowMs: number;
  readonly timeoutMs: number;
}

/** Below a fifth of a core over a second: an idle system's timers and watcher, not a backlog. */
export const QUIET: QuietSettings = { cores: 0.2, windowMs: 1000, timeoutMs: 120_000 };

/**
 * Waits until the process group uses less than `cores` of CPU over a whole window. Answers how long that
 * took, in ms, or undefined when it never did within the timeout (or the group cannot be read).
 *
 * @example
 * ```ts
 * const quietAfterMs = await waitUntilQuiet(system.groupId); // 4000: four seconds of backlog
 * ```
 */
export const waitUntilQuiet = async (groupId: number, settings: QuietSettings = QUIET): Promise<number | undefined> => {
  const started = performance.now();
  let last = sampleGroup(groupId);
  while (last && performance.now() - started < settings.timeoutMs) {
    await sleep(settings.windowMs);
    const now = sampleGroup(groupId);
    if (!now) return undefined;
    if ((now.cpuMs - last.cpuMs) / settings.windowMs < settings.cores) return performance.now() - started;
    last = now;
  }
  return undefined;
};
