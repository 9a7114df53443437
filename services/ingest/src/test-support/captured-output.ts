/**
 * What the functions really write: Powertools Logger and Metrics print JSON lines to stdout and stderr
 * through their own `Console`, so tests read those streams rather than spying on the libraries.
 */
import { jest } from '@jest/globals';

/** One JSON line written while capturing. */
export type OutputLine = Record<string, unknown>;

/** The lines captured so far, sorted into log lines and EMF metric documents. */
export interface CapturedOutput {
  readonly lines: OutputLine[];
  /** The names of the metrics in every EMF document written, with the document's dimensions. */
  readonly metrics: () => { name: string; dimensions: Record<string, unknown> }[];
  /** Log lines (not metric documents). */
  readonly logs: () => OutputLine[];
  readonly restore: () => void;
}

/**
 * Captures every JSON line written to stdout and stderr until `restore` (text that is not JSON is kept
 * out). Call `restore` in `afterEach`, or use `jest.restoreAllMocks()`.
 *
 * @example
 * ```ts
 * const output = captureOutput();
 * await handler(event, lambdaContext());
 * expect(output.metrics().map((metric) => metric.name)).toEqual(['WebhookAccepted']);
 * ```
 */
export const captureOutput = (): CapturedOutput => {
  const lines: OutputLine[] = [];
  const collect = (chunk: unknown): boolean => {
    for (const text of String(chunk).split('\n')) {
      const line = parseLine(text);
      if (line) lines.push(line);
    }
    return true;
  };
  const spies = [process.stdout, process.stderr].map((stream) =>
    jest.spyOn(stream, 'write').mockImplementation(collect as never),
  );
  const isMetricDocument = (line: OutputLine) => typeof line._aws === 'object' && line._aws !== null;
  return {
    lines,
    metrics: () => lines.filter(isMetricDocument).flatMap(metricsOf),
    logs: () => lines.filter((line) => !isMetricDocument(line)),
    restore: () => {
      for (const spy of spies) spy.mockRestore();
    },
  };
};

const parseLine = (text: string): OutputLine | undefined => {
  if (!text.trim().startsWith('{')) return undefined;
  try {
    return JSON.parse(text) as OutputLine;
  } catch {
    return undefined;
  }
};

interface EmfDirective {
  Dimensions?: string[][];
  Metrics?: { Name: string }[];
}

const metricsOf = (line: OutputLine) => {
  const directives = (line._aws as { CloudWatchMetrics?: EmfDirective[] }).CloudWatchMetrics ?? [];
  return directives.flatMap((directive) => {
    const names = directive.Dimensions?.flat() ?? [];
    const dimensions = Object.fromEntries(names.map((name) => [name, line[name]]));
    return (directive.Metrics ?? []).map((metric) => ({ name: metric.Name, dimensions }));
  });
};
