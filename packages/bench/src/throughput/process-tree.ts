/**
 * CPU time and resident memory of a whole process group (serverless offline, its worker threads and the
 * dynalite process it starts), read from Linux's /proc. Elsewhere the figures are unavailable (undefined).
 */
import { readdirSync, readFileSync } from 'node:fs';

/** One look at the group. */
export interface TreeSample {
  /** User + system CPU of every live process of the group so far, ms. */
  readonly cpuMs: number;
  /** Sum of their resident set sizes, bytes. */
  readonly rssBytes: number;
  readonly processes: number;
}

// /proc/<pid>/stat counts CPU in clock ticks; Linux reports them at USER_HZ = 100 on every common platform.
const TICK_MS = 10;
const PAGE_BYTES = 4096;

/**
 * Samples the process group `groupId` (the pid of a process started with `detached: true`).
 *
 * @example
 * ```ts
 * const { cpuMs, rssBytes } = sampleGroup(child.pid) ?? { cpuMs: 0, rssBytes: 0 };
 * ```
 */
export const sampleGroup = (groupId: number): TreeSample | undefined => {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return undefined;
  }
  let cpuTicks = 0;
  let rssPages = 0;
  let processes = 0;
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statFields(entry);
    // Fields after the command name: state(0) ppid(1) pgrp(2) ... utime(11) stime(12) ... rss(21).
    if (!fields || Number(fields[2]) !== groupId) continue;
    cpuTicks += Number(fields[11]) + Number(fields[12]);
    rssPages += Number(fields[21]);
    processes += 1;
  }
  return { cpuMs: cpuTicks * TICK_MS, rssBytes: rssPages * PAGE_BYTES, processes };
};

const statFields = (pid: string): string[] | undefined => {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may hold spaces: split after its closing one.
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
};

/** Peak memory and CPU of a group while a piece of work runs. */
export interface GroupWatch {
  /** Stops sampling; the CPU the group used since the start and its peak RSS. */
  readonly stop: () => { cpuMs: number; peakRssBytes: number } | undefined;
}

/**
 * Samples the group every `everyMs` until stopped.
 *
 * @example
 * ```ts
 * const watch = watchGroup(child.pid, 250);
 * await work();
 * const { cpuMs, peakRssBytes } = watch.stop() ?? {};
 * ```
 */
export const watchGroup = (groupId: number, everyMs: number): GroupWatch => {
  const first = sampleGroup(groupId);
  let peak = first?.rssBytes ?? 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, sampleGroup(groupId)?.rssBytes ?? 0);
  }, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      const last = sampleGroup(groupId);
      if (!first || !last) return undefined;
      return { cpuMs: last.cpuMs - first.cpuMs, peakRssBytes: Math.max(peak, last.rssBytes) };
    },
  };
};

/**
 * CPU time the whole machine spent busy so far (every core, every process), ms, from /proc/stat; with the
 * group's own CPU it tells how much else ran during a measurement on a shared machine.
 *
 * @example
 * ```ts
 * const before = machineBusyMs();
 * ```
 */
export const machineBusyMs = (): number | undefined => {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    // user nice system idle iowait irq softirq steal (guest time is counted in user already): all but
    // idle and iowait is busy.
    const fields = line.trim().split(/\s+/).slice(1, 9).map(Number);
    const busy = fields.reduce((sum, value, index) => (index === 3 || index === 4 ? sum : sum + value), 0);
    return busy * TICK_MS;
  } catch {
    return undefined;
  }
};
