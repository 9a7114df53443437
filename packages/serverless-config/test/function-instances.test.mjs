// The bounded pool of the serverless-offline patch (functionConcurrency, throttleAfterMs, prewarm in
// offline.yml): per function, at most `concurrency` instances; the rest wait, or are throttled.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from '@jest/globals';

const lambdaDir = dirname(createRequire(import.meta.url).resolve('serverless-offline/lambda'));
const { default: FunctionInstances } = await import(pathToFileURL(join(lambdaDir, 'FunctionInstances.js')).href);
const { LambdaThrottleError } = await import(pathToFileURL(join(lambdaDir, '..', 'errors', 'index.js')).href);

/** Stands in for a LambdaFunction: counts its loads and clean-ups; `load` decides how a load ends. */
const fakeInstance = (number, load) => ({
  number,
  loads: 0,
  cleanedUp: false,
  idleTimeInMillis: 60_000,
  async initialize() {
    this.loads += 1;
    await load(number);
  },
  async cleanup() {
    this.cleanedUp = true;
  },
});

const instancesOf = ({ concurrency = 2, throttleAfterMs = Number.POSITIVE_INFINITY, load = async () => {} } = {}) => {
  const created = [];
  const instances = new FunctionInstances({
    concurrency,
    create: () => {
      const instance = fakeInstance(created.length + 1, load);
      created.push(instance);
      return instance;
    },
    functionKey: 'storeConversationEvent',
    throttleAfterMs,
  });
  return { instances, created };
};

describe('FunctionInstances', () => {
  it('queues an invocation beyond the concurrency instead of starting another instance', async () => {
    const { instances, created } = instancesOf({ concurrency: 2 });
    const first = await instances.acquire();
    await instances.acquire();

    const third = instances.acquire();
    const queued = instances.queued;
    instances.release(first);

    await expect(third).resolves.toBe(first);
    expect({ created: created.length, queued, size: instances.size }).toEqual({ created: 2, queued: 1, size: 2 });
  });

  it('reuses the most recently released idle instance', async () => {
    const { instances } = instancesOf({ concurrency: 2 });
    const first = await instances.acquire();
    const second = await instances.acquire();
    instances.release(first);
    instances.release(second);

    await expect(instances.acquire()).resolves.toBe(second);
  });

  it('throttles a synchronous invocation that waited longer than throttleAfterMs, with a Retry-After in seconds', async () => {
    const { instances } = instancesOf({ concurrency: 1, throttleAfterMs: 1 });
    await instances.acquire();

    const waiting = instances.acquire();

    await expect(waiting).rejects.toBeInstanceOf(LambdaThrottleError);
    await expect(waiting).rejects.toMatchObject({ name: 'TooManyRequestsException', retryAfterSeconds: 1 });
    expect(instances.queued).toBe(0);
  });

  it('pre-warms instances one after the other, loaded, and the reaper keeps as many', async () => {
    const { instances, created } = instancesOf({ concurrency: 3 });
    await instances.warm(2);
    const busy = [await instances.acquire(), await instances.acquire(), await instances.acquire()];
    for (const instance of busy) instances.release(instance);

    await instances.reap(0);

    // The least recently used idle instances go first, down to the warm count.
    expect(created.map((instance) => instance.loads)).toEqual([1, 1, 1]);
    expect({ size: instances.size, cleanedUp: created.filter((instance) => instance.cleanedUp).length }).toEqual({
      size: 2,
      cleanedUp: 1,
    });
  });

  it('drops an instance whose handler cannot load while pre-warming, leaving the error to the first invocation', async () => {
    const { instances, created } = instancesOf({
      concurrency: 2,
      load: async () => {
        throw new Error('init failed');
      },
    });

    await instances.warm(1);

    expect({ size: instances.size, cleanedUp: created[0]?.cleanedUp }).toEqual({ size: 0, cleanedUp: true });
  });

  it('loads another instance in the background meanwhile; a waiting invocation takes whichever is free first', async () => {
    let finishLoading = () => {};
    const { instances, created } = instancesOf({
      concurrency: 2,
      load: (number) => (number === 2 ? new Promise((resolve) => (finishLoading = resolve)) : Promise.resolve()),
    });
    const first = await instances.acquire();

    const waiting = instances.acquire();
    instances.release(first);
    const served = await waiting;
    finishLoading();
    instances.release(served);
    await new Promise((resolve) => setImmediate(resolve));

    expect({ served: served.number, created: created.length, loading: created[1]?.loads }).toEqual({
      served: 1,
      created: 2,
      loading: 1,
    });
    await expect(instances.acquire()).resolves.toBe(created[1]);
  });

  it('loads one instance at a time: invocations that overlap a load wait for it instead of starting more', async () => {
    let finishLoading = () => {};
    const { instances, created } = instancesOf({
      concurrency: 3,
      load: (number) => (number === 2 ? new Promise((resolve) => (finishLoading = resolve)) : Promise.resolve()),
    });
    const first = await instances.acquire();

    const second = instances.acquire();
    const third = instances.acquire();
    const createdWhileLoading = created.length;
    finishLoading();
    instances.release(first);

    // FIFO: the first waiter takes the first instance to come free (released at once), the next one the
    // loaded instance.
    await expect(second).resolves.toBe(first);
    await expect(third).resolves.toBe(created[1]);
    expect(createdWhileLoading).toBe(2);
  });

  it('drops a background instance that cannot load and keeps serving with the others', async () => {
    const { instances, created } = instancesOf({
      concurrency: 2,
      load: async (number) => {
        if (number === 2) throw new Error('init failed');
      },
    });
    const first = await instances.acquire();

    const waiting = instances.acquire();
    await new Promise((resolve) => setImmediate(resolve));
    instances.release(first);

    await expect(waiting).resolves.toBe(first);
    expect({ size: instances.size, dropped: created[1]?.cleanedUp }).toEqual({ size: 1, dropped: true });
  });

  it('hands a waiting invocation a fresh instance when a busy one is discarded', async () => {
    const { instances, created } = instancesOf({ concurrency: 1 });
    const first = await instances.acquire();
    const waiting = instances.acquire();

    await instances.discard(first);

    await expect(waiting).resolves.toBe(created[1]);
    expect(first.cleanedUp).toBe(true);
  });

  it('rejects the invocations still waiting when the function shuts down', async () => {
    const { instances } = instancesOf({ concurrency: 1 });
    await instances.acquire();
    const waiting = instances.acquire();

    await instances.cleanup();

    await expect(waiting).rejects.toThrow('storeConversationEvent is shutting down');
  });
});
