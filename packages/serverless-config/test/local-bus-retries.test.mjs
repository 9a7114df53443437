// The local bus of the serverless-offline-aws-eventbridge patch (local-eventbridge.yml): a failing target is
// retried as its rule's retryPolicy says, with exponential backoff, and parked only when the attempts or
// the (scaled) event age run out; pattern fields are read without jsonpath.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';

const require = createRequire(import.meta.url);
const Plugin = require('serverless-offline-aws-eventbridge');
const { retryScheduleOf, valuesAt } = require('serverless-offline-aws-eventbridge/dist/src/local-delivery');

const directories = [];
afterEach(() => {
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

/** The plugin with a stand-in for serverless offline's Lambda whose target fails `failures` times. */
const busWith = ({ failures, options = {} }) => {
  const deadLetterDir = mkdtempSync(join(tmpdir(), 'local-bus-'));
  directories.push(deadLetterDir);
  const bus = new Plugin({ service: { custom: {} }, serviceDir: deadLetterDir }, {}, { log: { notice: () => {} } });
  const seen = [];
  bus.options = { retryDelayMs: 1, retryMaxDelayMs: 2, eventAgeScale: 1, deadLetterDir, ...options };
  bus.lambda = {
    get: () => ({
      setEvent: (event) => seen.push(event),
      runHandler: async () => {
        if (seen.length <= failures) throw new Error(`attempt ${seen.length} failed`);
      },
    }),
  };
  const parked = () => {
    try {
      return readFileSync(join(deadLetterDir, 'store.ndjson'), 'utf8').trim().split('\n').map(JSON.parse);
    } catch {
      return [];
    }
  };
  return { bus, seen, parked };
};

const entry = { Source: 'genesys-events.webhooks', DetailType: 'conversation:created', Detail: '{"n":1}' };

describe('the local bus retry policy', () => {
  it("retries a failing target up to the rule's maximumRetryAttempts, then parks it once, with one event id", async () => {
    const { bus, seen, parked } = busWith({ failures: Number.POSITIVE_INFINITY });

    await bus.invokeSubscriber('store', entry, undefined, { maximumRetryAttempts: 3, maximumEventAge: 3600 });

    expect(seen).toHaveLength(4);
    expect(new Set(seen.map((event) => event.id)).size).toBe(1);
    expect(parked().map((letter) => [letter.functionKey, letter.error, letter.event.id])).toEqual([
      ['store', 'attempt 4 failed', seen[0]?.id],
    ]);
  });

  it('parks nothing when a retry succeeds', async () => {
    const { bus, seen, parked } = busWith({ failures: 2 });

    await bus.invokeSubscriber('store', entry, undefined, { maximumRetryAttempts: 20, maximumEventAge: 3600 });

    expect({ attempts: seen.length, parked: parked().length }).toEqual({ attempts: 3, parked: 0 });
  });

  it('stops retrying when the next retry would come after the maximum event age', async () => {
    // An age of 0 s (scaled): no retry fits.
    const { bus, seen, parked } = busWith({ failures: Number.POSITIVE_INFINITY });

    await bus.invokeSubscriber('store', entry, undefined, { maximumRetryAttempts: 20, maximumEventAge: 0 });

    expect({ attempts: seen.length, parked: parked().length }).toEqual({ attempts: 1, parked: 1 });
  });

  it('lets maximumRetryAttempts among the options override every rule (tests that want dead letters soon)', async () => {
    const { bus, seen } = busWith({ failures: Number.POSITIVE_INFINITY, options: { maximumRetryAttempts: '1' } });

    await bus.invokeSubscriber('store', entry, undefined, { maximumRetryAttempts: 20, maximumEventAge: 3600 });

    expect(seen).toHaveLength(2);
  });
});

describe('retryScheduleOf', () => {
  it('doubles the delay from retryDelayMs up to retryMaxDelayMs, jittered between half and all of it', () => {
    const { delayMs } = retryScheduleOf({}, { retryDelayMs: 100, retryMaxDelayMs: 1000 });

    const nominal = [100, 200, 400, 800, 1000, 1000];
    nominal.forEach((ms, retry) => {
      const delay = delayMs(retry);
      expect(delay).toBeGreaterThanOrEqual(ms / 2);
      expect(delay).toBeLessThanOrEqual(ms);
    });
  });

  it("scales the rule's maximum event age and falls back to EventBridge's defaults", () => {
    expect(
      retryScheduleOf({ maximumEventAge: 86400, maximumRetryAttempts: 20 }, { eventAgeScale: 0.001 }),
    ).toMatchObject({ attempts: 20, maxAgeMs: 86_400 });
    expect(retryScheduleOf(undefined, { maximumRetryAttempts: '' })).toMatchObject({ attempts: 185, maxAgeMs: 86_400 });
  });
});

describe('valuesAt', () => {
  it('reads a dotted path, standing a non-empty array for its elements at any level', () => {
    const event = {
      eventBody: { status: { status: 'SESSION_ENDED' }, participants: [{ purpose: 'agent' }, { purpose: 'customer' }] },
    };

    expect(valuesAt(event, 'eventBody.status.status')).toEqual(['SESSION_ENDED']);
    expect(valuesAt(event, 'eventBody.participants.purpose')).toEqual(['agent', 'customer']);
    expect(valuesAt(event, 'eventBody.missing.field')).toEqual([]);
    expect(valuesAt({ tags: [] }, 'tags')).toEqual([[]]);
  });
});
