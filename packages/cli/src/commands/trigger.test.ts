import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { recogniseEvent, verifySignature } from '@genesys-events/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { runCli, temporaryRoot } from '../test-support/memory-io';
import { accepted, type ScriptedServer, scriptedServer } from '../test-support/scripted-server';

let server: ScriptedServer;
let answer: () => ReturnType<typeof accepted> = () => accepted();

beforeAll(async () => {
  server = await scriptedServer(() => answer());
});
beforeEach(() => {
  answer = () => accepted();
});
afterAll(() => server.close());

const lastRequest = () => server.requests.at(-1);

describe('genesys-events trigger', () => {
  it('sends a catalog event as a Genesys envelope with the API key, with --set applied everywhere', async () => {
    const { code, stdout } = await runCli([
      'trigger',
      'customer.end',
      '--set',
      'conversationId=c-77',
      '--json',
      '--url',
      server.url,
    ]);

    const request = lastRequest();
    const recognised = recogniseEvent(request?.body ?? '');
    expect(code).toBe(0);
    expect(request?.path).toBe('/webhooks/eventbridge');
    expect(request?.headers['x-api-key']).toBe('test-api-key');
    expect(recognised.kind === 'notification' && recognised.notification.topicName).toBe(
      'v2.detail.events.conversation.c-77.customer.end',
    );
    expect(JSON.parse(stdout)).toMatchObject({ event: 'customer.end', conversationId: 'c-77', status: 200 });
  });

  it('sends seed events signed on the seed route with a delivery id', async () => {
    await runCli(['trigger', 'conversation:updated', '--url', server.url]);

    const request = lastRequest();
    expect(request?.path).toBe('/webhooks/genesys');
    expect(request?.headers['x-genesys-delivery-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(() =>
      verifySignature({
        scheme: 'seed-header',
        body: { body: request?.body },
        headers: request?.headers as Record<string, string>,
        secrets: ['test-genesys-secret'],
      }),
    ).not.toThrow();
  });

  it('plays a whole conversation and prints its id, or a summary with --json', async () => {
    const before = server.requests.length;

    const plain = await runCli(['trigger', 'conversation', '--url', server.url]);
    const json = await runCli(['trigger', 'conversation', '--url', server.url, '--json']);

    const summary = JSON.parse(json.stdout) as { conversationId: string; sent: number; accepted: number };
    expect(plain.stdout).toMatch(/^[0-9a-f-]{36}\n$/);
    expect(plain.stderr.split('\n')[0]).toMatch(/^customer\.start -> \/webhooks\/eventbridge: 200 accepted/);
    expect(summary).toMatchObject({ sent: 15, accepted: 15, conversationId: expect.any(String) });
    expect(server.requests.length - before).toBe(30);
  });

  it('stops a conversation at the first refused event and exits 1', async () => {
    answer = () => ({ status: 403, body: { error: 'forbidden' } });

    const { code, stdout } = await runCli(['trigger', 'conversation', '--url', server.url, '--json']);

    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({ sent: 1, accepted: 0 });
  });

  it('writes a conversation as an NDJSON file for replay with --out', async () => {
    const root = temporaryRoot();

    const { code, stderr } = await runCli(['trigger', 'conversation', '--out', 'call.ndjson'], { root });

    const lines = readFileSync(join(root, 'call.ndjson'), 'utf8').trim().split('\n');
    expect(code).toBe(0);
    expect(stderr).toBe('wrote 15 event(s) to call.ndjson\n');
    expect(lines.map((line) => recogniseEvent(line).kind)).toEqual(Array(15).fill('notification'));
  });

  it('prints one JSON line per event and sends nothing on --dry-run', async () => {
    const before = server.requests.length;

    const { stdout } = await runCli(['trigger', 'Receipt', '--dry-run', '--url', server.url]);

    expect(recogniseEvent(stdout).kind).toBe('open-messaging');
    expect(server.requests.length).toBe(before);
  });
});
