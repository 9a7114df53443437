// A handler that crashes its worker thread (an exception outside its promise) fails its invocation the way
// Lambda reports a crashed runtime, and only that: serverless offline keeps running (serverless-offline
// patch, WorkerThreadRunner).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from '@jest/globals';

const lambdaDir = dirname(createRequire(import.meta.url).resolve('serverless-offline/lambda'));
const runnerPath = join(lambdaDir, 'handler-runner', 'worker-thread-runner', 'WorkerThreadRunner.js');
const { default: WorkerThreadRunner } = await import(pathToFileURL(runnerPath).href);

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

const runnerFor = (handler) =>
  new WorkerThreadRunner(
    { codeDir: fixtures, functionKey: 'fixture', handler, servicePath: fixtures, timeout: 8000 },
    { AWS_REGION: 'eu-west-1' },
  );

describe('WorkerThreadRunner', () => {
  it('answers an invocation with the handler result, over the worker port', async () => {
    const runner = runnerFor('handlers.echo');

    const answers = [await runner.run({ n: 1 }, {}), await runner.run({ n: 2 }, {})];
    await runner.cleanup();

    expect(answers).toEqual([{ echoed: { n: 1 } }, { echoed: { n: 2 } }]);
  });

  it('fails the invocation with Runtime.ExitError when the handler crashes its worker, and keeps the process', async () => {
    const runner = runnerFor('handlers.crash');

    const invocation = runner.run({}, {});

    await expect(invocation).rejects.toMatchObject({ name: 'Runtime.ExitError', runtimeExited: true });
    await expect(invocation).rejects.toThrow(/Runtime exited with error: .*crashed outside the handler/);
    await expect(runner.run({}, {})).rejects.toMatchObject({ name: 'Runtime.ExitError' });
  });

  it('passes a handler error to the caller, and the same worker serves the next invocation', async () => {
    const runner = runnerFor('handlers.failIfAsked');

    const failed = runner.run({ fail: true }, {});
    await expect(failed).rejects.toThrow('handler failed');
    const next = await runner.run({ fail: false }, {});
    await runner.cleanup();

    expect(next).toEqual({ echoed: { fail: false } });
  });
});
