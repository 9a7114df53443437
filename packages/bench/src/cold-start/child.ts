/**
 * One cold start, in a fresh process: `node cold-start-child.mjs <bundle> <event.json> <export>`.
 * Imports the function's bundle and serves its first event, then reports the times over IPC. It imports
 * nothing but Node built-ins, so that the process is the same for a function and its bare reference.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [bundle = '', eventFile = '', exportName = 'handler'] = process.argv.slice(2);
const event: unknown = JSON.parse(readFileSync(eventFile, 'utf8'));
const context = {
  getRemainingTimeInMillis: () => 8_000,
  functionName: 'genesys-events-bench-function',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:eu-west-1:000000000000:function:genesys-events-bench-function',
  memoryLimitInMB: '256',
  awsRequestId: 'bench-cold-start',
  logGroupName: '/aws/lambda/genesys-events-bench-function',
  logStreamName: '2025/03/14/[$LATEST]0123456789abcdef',
  callbackWaitsForEmptyEventLoop: true,
};

const started = performance.now();
const module = (await import(pathToFileURL(bundle).href)) as Record<string, unknown>;
const imported = performance.now();
let answer: unknown;
let error: string | undefined;
try {
  answer = await (module[exportName] as (event: unknown, context: unknown) => Promise<unknown>)(event, context);
} catch (caught) {
  error = caught instanceof Error ? (caught.stack ?? caught.message) : String(caught);
}
const served = performance.now();

process.send?.(
  {
    importMs: imported - started,
    firstEventMs: served - imported,
    initMs: served - started,
    processMs: served,
    statusCode: (answer as { statusCode?: number } | undefined)?.statusCode,
    error,
  },
  () => process.exit(0),
);
