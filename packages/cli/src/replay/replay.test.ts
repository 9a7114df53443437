import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { post } from '../http/post';
import { runCli, temporaryRoot } from '../test-support/memory-io';
import { type ScriptedAnswer, type ScriptedServer, scriptedServer } from '../test-support/scripted-server';
import { numberedLines, replay } from './replay';

/** Each line names its scenario in its conversation id; the server answers by scenario and attempt. */
const SCENARIOS: Record<string, (attempt: number) => ScriptedAnswer> = {
  ok: () => ({ status: 200, body: { status: 'accepted', eventId: 'e-1' } }),
  dup: () => ({ status: 200, body: { status: 'duplicate', eventId: 'e-1' } }),
  'flaky-503': (attempt) => (attempt === 1 ? { status: 503, body: { error: 'unavailable' } } : { status: 200 }),
  throttled: (attempt) => (attempt <= 2 ? { status: 429 } : { status: 200, body: { status: 'accepted' } }),
  'slow-once': (attempt) => (attempt === 1 ? 'hang' : { status: 200, body: { status: 'accepted' } }),
  bad: () => ({ status: 400, body: { error: 'bad_request', message: 'invalid event' } }),
  unsigned: () => ({ status: 401, body: { error: 'unauthorized' } }),
  down: () => ({ status: 503, body: { error: 'unavailable' } }),
};

const line = (scenario: string) =>
  JSON.stringify({ eventType: 'conversation:created', conversation: { id: scenario } });
const scenarioOf = (body: string): string => (JSON.parse(body) as { conversation: { id: string } }).conversation.id;

let server: ScriptedServer;
const attempts = new Map<string, number>();

beforeAll(async () => {
  server = await scriptedServer((request) => {
    const scenario = scenarioOf(request.body);
    const attempt = (attempts.get(scenario) ?? 0) + 1;
    attempts.set(scenario, attempt);
    return (SCENARIOS[scenario] ?? SCENARIOS.bad)?.(attempt) ?? { status: 500 };
  });
});

afterAll(() => server.close());

const replayLines = (texts: string[], overrides: { concurrency?: number; rate?: number } = {}) =>
  replay({
    lines: numberedLines(texts.join('\n')),
    prepare: (text) => {
      JSON.parse(text);
      return { path: '/webhooks/genesys', headers: { 'content-type': 'application/json' }, body: text };
    },
    attempt: (request) => post(server.url, request, 300),
    rate: overrides.rate ?? 1000,
    concurrency: overrides.concurrency ?? 4,
    retry: { retries: 5, delayMs: 5 },
  });

describe('replay', () => {
  it('retries 503, 429 and timeouts, counts duplicates, rejects 4xx and gives up after five retries', async () => {
    attempts.clear();
    const lines = ['ok', 'dup', 'flaky-503', 'throttled', 'slow-once', 'bad', 'unsigned', 'down'].map(line);

    const summary = await replayLines([...lines, '{not json']);

    expect(summary).toEqual({ sent: 9, accepted: 4, duplicate: 1, rejected: 3, failed: 1 });
    expect(Object.fromEntries(attempts)).toEqual({
      ok: 1,
      dup: 1,
      'flaky-503': 2,
      throttled: 3,
      'slow-once': 2,
      bad: 1,
      unsigned: 1,
      down: 6,
    });
  });

  it('never sends a line that is not JSON, and keeps going after it', async () => {
    const before = server.requests.length;

    const summary = await replayLines(['{"broken"', line('ok'), '']);

    expect(summary).toEqual({ sent: 2, accepted: 1, duplicate: 0, rejected: 1, failed: 0 });
    expect(server.requests.length - before).toBe(1);
  });

  it('keeps at most --concurrency lines in flight and starts no faster than --rate', async () => {
    let inFlight = 0;
    let most = 0;
    const started = Date.now();

    const summary = await replay({
      lines: numberedLines(Array.from({ length: 12 }, () => line('ok')).join('\n')),
      prepare: (text) => ({ path: '/', headers: {}, body: text }),
      attempt: async () => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 20));
        inFlight -= 1;
        return { status: 200, text: '{}', json: {} };
      },
      rate: 200,
      concurrency: 3,
      retry: { retries: 0, delayMs: 0 },
    });

    expect(summary.accepted).toBe(12);
    expect(most).toBeLessThanOrEqual(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(11 * 5 - 5);
  });

  it('numbers lines as in the file, skipping blank ones', () => {
    expect(numberedLines('a\n\n  \nb\r\n')).toEqual([
      { line: 1, text: 'a' },
      { line: 4, text: 'b' },
    ]);
  });
});

describe('genesys-events replay', () => {
  it('ends --json output with exactly the summary and reports bad lines on stderr', async () => {
    attempts.clear();
    const root = temporaryRoot();
    const file = join(root, 'events.ndjson');
    writeFileSync(file, [line('ok'), 'not json', line('dup'), '', line('bad')].join('\n'));

    const { code, stdout, stderr } = await runCli(
      ['replay', 'events.ndjson', '--json', '--url', server.url, '--retry-delay', '5', '--rate', '500'],
      { root },
    );

    expect(stdout.trim().split('\n').at(-1)).toBe('{"sent":4,"accepted":1,"duplicate":1,"rejected":2,"failed":0}');
    expect(stderr).toContain('line 2: rejected: the body is not valid JSON');
    expect(stderr).toContain('line 5: rejected: 400 bad_request: invalid event');
    expect(code).toBe(1);
  });

  it('signs each line for its route and gives a repeated line the same delivery id', async () => {
    const root = temporaryRoot();
    writeFileSync(join(root, 'twice.ndjson'), `${line('ok')}\n${line('ok')}\n`);
    const before = server.requests.length;

    const { code, stdout } = await runCli(['replay', 'twice.ndjson', '--url', server.url, '--concurrency', '1'], {
      root,
    });

    const [first, second] = server.requests.slice(before);
    expect(code).toBe(0);
    expect(stdout).toBe('sent 2: 2 accepted, 0 duplicate, 0 rejected, 0 failed\n');
    expect(first?.path).toBe('/webhooks/genesys');
    expect(first?.headers['x-genesys-signature']).toMatch(/^[0-9a-f]{64}$/);
    expect(first?.headers['x-genesys-delivery-id']).toBe(second?.headers['x-genesys-delivery-id']);
  });
});
