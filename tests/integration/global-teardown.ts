import type { ChildProcess } from 'node:child_process';
import { findLeaks, SYSTEM_LOG } from './leak-watch';
import { stopLocalSystem } from './local-system';

/**
 * Stops the local system, then fails the run if its logs hold any secret, signature, API key or MAC, or any
 * personal data the tests sent.
 */
export default async function globalTeardown(): Promise<void> {
  const child = (globalThis as Record<string, unknown>).__localSystem as ChildProcess | undefined;
  if (child) stopLocalSystem(child);
  const { leaks, watched, personal, logBytes } = findLeaks();
  console.log(
    `log-leak check: ${logBytes} bytes of local-system logs, ${watched} secret values and ${personal} personal values watched, ${leaks.length} found`,
  );
  if (leaks.length > 0) {
    throw new Error(
      `secret material or personal data appeared in the local system's logs (${SYSTEM_LOG}): ${leaks.length} value(s)`,
    );
  }
}
