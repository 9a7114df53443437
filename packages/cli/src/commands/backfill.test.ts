import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { runCli, temporaryRoot } from '../test-support/memory-io';
import { type ScriptedServer, scriptedServer } from '../test-support/scripted-server';

const WINDOW = ['--from', '2025-03-14T00:00:00Z', '--to', '2025-03-15T00:00:00Z'];

describe('genesys-events backfill: arguments', () => {
  it.each([
    [['--service', 'analytics', '--from', '2025-03-15', '--to', '2025-03-14'], '--from must be before --to'],
    [['--service', 'analytics', '--from', '2025-03-14', '--to', '2025-03-14'], '--from must be before --to'],
    [['--service', 'analytics', '--from', 'last tuesday', '--to', '2025-03-14'], '--from takes an ISO 8601 time'],
    [['--service', 'analytics', '--from', '2025-03-14', '--to', '2025-03-14T09:00:00'], '--to takes an ISO 8601 time'],
    [WINDOW, "required option '--service <name>'"],
  ])('%j is a usage error (exit 2)', async (args, message) => {
    const { code, stderr } = await runCli(['backfill', ...args]);

    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });
});

describe('genesys-events backfill, locally', () => {
  let lambda: ScriptedServer;
  let root: string;

  beforeEach(async () => {
    lambda = await scriptedServer(() => ({ status: 200, body: { outcome: 'stored' } }));
    root = temporaryRoot();
    const dir = join(root, '.local-data', 'archive');
    mkdirSync(dir, { recursive: true });
    const rule = (fn: string, detailType: string) => ({
      function: fn,
      functionName: `genesys-events-dev-${fn}`,
      pattern: { 'detail-type': [detailType] },
    });
    writeFileSync(
      join(dir, 'rules.json'),
      JSON.stringify({
        appBus: 'genesys-events-dev',
        lambdaEndpoint: lambda.url,
        account: '000000000000',
        region: 'eu-west-1',
        services: {
          analytics: [rule('consumeAnalyticsEvent', 'conversation:created')],
          'conversation-events': [rule('storeConversationEvent', 'conversation:created')],
          ingest: [],
        },
      }),
    );
    const line = (id: string, time: string, detailType = 'conversation:created') =>
      JSON.stringify({
        id,
        time,
        source: 'genesys-events.webhooks',
        'detail-type': detailType,
        detail: {},
        resources: [],
      });
    writeFileSync(
      join(dir, 'events-2025-03-14.ndjson'),
      [line('in-1', '2025-03-14T09:00:00Z'), line('other', '2025-03-14T10:00:00Z', 'presence'), ''].join('\n'),
    );
    writeFileSync(join(dir, 'events-2025-03-15.ndjson'), `${line('after', '2025-03-15T00:00:00Z')}\n`);
  });
  afterEach(async () => lambda.close());

  it("delivers the window's events to that service's functions only, and prints one JSON line", async () => {
    const { code, stdout } = await runCli(['backfill', '--service', 'analytics', ...WINDOW, '--json'], { root });

    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      replayName: expect.stringMatching(/^backfill-analytics-/),
      state: 'COMPLETED',
      service: 'analytics',
      stage: 'dev',
      from: '2025-03-14T00:00:00.000Z',
      to: '2025-03-15T00:00:00.000Z',
      events: 2,
      matched: 1,
      delivered: 1,
      failed: 0,
    });
    expect(lambda.requests.map(({ path }) => path)).toEqual([
      '/2015-03-31/functions/genesys-events-dev-consumeAnalyticsEvent/invocations',
    ]);
  });

  it('takes --stage dev as the local system, and prints a line for people', async () => {
    const { code, stdout } = await runCli(['backfill', '--service', 'analytics', ...WINDOW, '--stage', 'dev'], {
      root,
    });

    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^backfill-analytics-\S+ COMPLETED: 2 archived event\(s\) in the window, 1 for analytics's rules, 1 delivered, 0 failed\n$/,
    );
  });

  it('names the known services for an unknown one (exit 2)', async () => {
    const { code, stderr } = await runCli(['backfill', '--service', 'billing', ...WINDOW], { root });

    expect(code).toBe(2);
    expect(stderr).toContain('unknown service "billing": the local system has analytics, conversation-events, ingest');
    expect(lambda.requests).toEqual([]);
  });

  it('refuses a service without rules (exit 1)', async () => {
    const { code, stderr } = await runCli(['backfill', '--service', 'ingest', ...WINDOW], { root });

    expect(code).toBe(1);
    expect(stderr).toContain('ingest has no rules on the app bus');
  });

  it('fails with a delivery that keeps failing (exit 1) after printing the counts', async () => {
    await lambda.close();
    lambda = await scriptedServer(() => ({ status: 404 }));
    const rules = join(root, '.local-data', 'archive', 'rules.json');
    writeFileSync(rules, readFileSync(rules, 'utf8').replace(/http:\/\/127\.0\.0\.1:\d+/, lambda.url));

    const { code, stdout, stderr } = await runCli(['backfill', '--service', 'analytics', ...WINDOW, '--json'], {
      root,
    });

    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({ state: 'FAILED', delivered: 0, failed: 1 });
    expect(stderr).toContain('consumeAnalyticsEvent, event in-1: no such function');
  });

  it('tells to start the local system when there is no archive yet (exit 1)', async () => {
    const { code, stderr } = await runCli(['backfill', '--service', 'analytics', ...WINDOW]);

    expect(code).toBe(1);
    expect(stderr).toContain('start the local system first');
  });
});
