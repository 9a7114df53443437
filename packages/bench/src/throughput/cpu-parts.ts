/**
 * The CPU of the local system's process group split by part, from Linux's /proc: serverless offline's main
 * thread (HTTP, the local bus, dispatching invocations), its worker threads (the functions), its other
 * threads (V8's compiler and garbage collector helpers, libuv's pool), dynalite's process, the lake's
 * process, and anything else (esbuild). Where per-event CPU goes, step by step.
 */
import { readdirSync, readFileSync } from 'node:fs';

export const CPU_PARTS = ['main', 'workers', 'helpers', 'dynalite', 'lake', 'other'] as const;
export type CpuPart = (typeof CPU_PARTS)[number];
export type CpuByPart = Readonly<Record<CpuPart, number>>;

// /proc counts CPU in clock ticks; Linux reports them at USER_HZ = 100 on every common platform.
const TICK_MS = 10;

/**
 * CPU so far (ms) of each part of the group `groupId` (the pid of serverless offline, which leads it), or
 * undefined where /proc is not there. A thread that has exited counts with its process: the worker threads
 * get what the offline process used minus its main thread and helper threads.
 *
 * @example
 * ```ts
 * const before = cpuByPart(child.pid);
 * ```
 */
export const cpuByPart = (groupId: number): CpuByPart | undefined => {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return undefined;
  }
  const parts: Record<CpuPart, number> = { main: 0, workers: 0, helpers: 0, dynalite: 0, lake: 0, other: 0 };
  for (const pid of entries) {
    if (!/^\d+$/.test(pid)) continue;
    const stat = statOf(`/proc/${pid}/stat`);
    // Fields after the command name: state(0) ppid(1) pgrp(2) ... utime(11) stime(12).
    if (!stat || Number(stat.fields[2]) !== groupId) continue;
    const cpuMs = cpuMsOf(stat.fields);
    if (Number(pid) === groupId) addOffline(parts, pid, cpuMs);
    else parts[partOfProcess(pid)] += cpuMs;
  }
  return parts;
};

/** What each part used between two looks, ms. */
export const cpuBetween = (before: CpuByPart, after: CpuByPart): CpuByPart =>
  Object.fromEntries(CPU_PARTS.map((part) => [part, Math.max(0, after[part] - before[part])])) as CpuByPart;

const addOffline = (parts: Record<CpuPart, number>, pid: string, processMs: number): void => {
  let main = 0;
  let helpers = 0;
  for (const tid of safeReaddir(`/proc/${pid}/task`)) {
    const stat = statOf(`/proc/${pid}/task/${tid}/stat`);
    if (!stat) continue;
    if (tid === pid) main = cpuMsOf(stat.fields);
    else if (stat.name !== 'WorkerThread') helpers += cpuMsOf(stat.fields);
  }
  parts.main += main;
  parts.helpers += helpers;
  parts.workers += Math.max(0, processMs - main - helpers);
};

const partOfProcess = (pid: string): CpuPart => {
  let command = '';
  try {
    command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return 'other';
  }
  if (command.includes('dynalite-process')) return 'dynalite';
  if (command.includes('local-lake')) return 'lake';
  return 'other';
};

const cpuMsOf = (fields: readonly string[]): number => (Number(fields[11]) + Number(fields[12])) * TICK_MS;

const statOf = (path: string): { name: string; fields: string[] } | undefined => {
  try {
    const text = readFileSync(path, 'utf8');
    // The command name is in parentheses and may hold spaces: split after its closing one.
    const close = text.lastIndexOf(')');
    return { name: text.slice(text.indexOf('(') + 1, close), fields: text.slice(close + 2).split(' ') };
  } catch {
    return undefined;
  }
};

const safeReaddir = (path: string): string[] => {
  try {
    return readdirSync(path);
  } catch {
    return [];
  }
};
