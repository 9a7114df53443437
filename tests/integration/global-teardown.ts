import type { ChildProcess } from 'node:child_process';
import { stopLocalSystem } from './local-system';

export default async function globalTeardown(): Promise<void> {
  const child = (globalThis as Record<string, unknown>).__localSystem as ChildProcess | undefined;
  if (child) stopLocalSystem(child);
}
