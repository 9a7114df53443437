import { readFileSync } from 'node:fs';
import { SYSTEM_LOG } from './leak-watch';

// What the local system printed during the run (the leak watch keeps it), read back as JSON lines.

/** One JSON line the local system printed. */
export type LogLine = Record<string, unknown>;

/** The JSON lines the local system has printed so far (Powertools logs and EMF metrics). */
export const systemLogLines = (): LogLine[] =>
  readFileSync(SYSTEM_LOG, 'utf8')
    .split('\n')
    .flatMap((text) => {
      const start = text.indexOf('{');
      if (start < 0) return [];
      try {
        return [JSON.parse(text.slice(start)) as LogLine];
      } catch {
        return [];
      }
    });

/**
 * The system's lines once they satisfy `done` (the local system's output reaches the file a little later,
 * and one request's lines may arrive in several chunks), or as they are when `timeoutMs` has passed.
 */
export const waitForLog = async (done: (lines: LogLine[]) => boolean, timeoutMs = 5000): Promise<LogLine[]> => {
  const deadline = Date.now() + timeoutMs;
  let lines = systemLogLines();
  while (!done(lines) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    lines = systemLogLines();
  }
  return lines;
};
