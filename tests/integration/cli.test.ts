import { execFile } from 'node:child_process';
import { createHmac, randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { signSeedHeader } from '@genesys-events/core';
import { describe, expect, it } from '@jest/globals';
import { conversationDetail } from './fixtures/genesys-envelopes';
import { read, request, seedConversationEvent, settle, waitForConversation } from './http-client';
import { recordSentToken } from './leak-watch';
import { baseUrl, DEV_OPEN_MESSAGING_SECRETS, DEV_SECRETS, TEST_LAKE_DIR, TEST_OIDC } from './local-system';
import { bearer } from './tokens';

const bin = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'packages', 'cli', 'bin', 'genesys-events.mjs');
const workDir = mkdtempSync(join(tmpdir(), 'genesys-events-cli-it-'));

interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the real CLI as a child process, with the test system's issuer as OIDC_ISSUER_URL. */
const cliRun = (args: string[]): Promise<CliRun> =>
  new Promise((resolve) => {
    const env = { ...process.env, OIDC_ISSUER_URL: TEST_OIDC.issuer };
    execFile(process.execPath, [bin, ...args], { cwd: workDir, env }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });

/** Runs the real CLI against the test system. */
const cli = (...args: string[]): Promise<CliRun> => cliRun([...args, '--url', baseUrl]);

/** Runs `genesys-events lake query <sql> --json` on the test system's lake. */
const lakeQuery = (sql: string): Promise<CliRun> =>
  new Promise((resolve) => {
    const args = [bin, 'lake', 'query', sql, '--dir', TEST_LAKE_DIR, '--json'];
    execFile(process.execPath, args, { cwd: workDir }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });

const lastJsonLine = (text: string): Record<string, unknown> =>
  JSON.parse(text.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;

const timelineOf = async (conversationId: string, events: number) => {
  await waitForConversation(conversationId, events, 20_000);
  // Anything still on its way would show up as an extra event.
  await settle();
  return (await read(`/conversations/${conversationId}`)).json.events as { topic: string }[];
};

describe('genesys-events CLI through the real local stack', () => {
  it('triggers customer.end on a given conversation and the event reaches its timeline', async () => {
    const conversationId = randomUUID();

    const run = await cli('trigger', 'customer.end', '--set', `conversationId=${conversationId}`, '--json');

    expect(run.code).toBe(0);
    expect(lastJsonLine(run.stdout)).toMatchObject({ status: 200, conversationId, answer: { status: 'accepted' } });
    const conversation = await waitForConversation(conversationId);
    expect(conversation.json.events).toEqual([
      expect.objectContaining({ topic: `v2.detail.events.conversation.${conversationId}.customer.end` }),
    ]);
  });

  it('forgets a conversation: both read routes answer 404 afterwards', async () => {
    const conversationId = randomUUID();
    expect((await cli('trigger', 'customer.end', '--set', `conversationId=${conversationId}`)).code).toBe(0);
    expect((await waitForConversation(conversationId)).status).toBe(200);

    const run = await cli('forget', conversationId, '--json');

    expect(run.code).toBe(0);
    expect(lastJsonLine(run.stdout)).toMatchObject({ status: 'erasure_requested', conversationId });
    // Each service erases on its own: wait for both.
    const statuses = async () => [
      (await read(`/conversations/${conversationId}`)).status,
      (await read(`/analytics/conversations/${conversationId}`)).status,
    ];
    const deadline = Date.now() + 20_000;
    let answers = await statuses();
    while (answers.some((status) => status !== 404) && Date.now() < deadline) {
      await settle(250);
      answers = await statuses();
    }
    expect(answers).toEqual([404, 404]);
  });

  it('finds a triggered event in the lake with lake query within 5 s of its acceptance', async () => {
    const conversationId = randomUUID();
    expect((await cli('trigger', 'customer.start', '--set', `conversationId=${conversationId}`)).code).toBe(0);
    const acceptedAt = Date.now();

    let rows: unknown[] = [];
    while (rows.length === 0 && Date.now() - acceptedAt < 15_000) {
      const run = await lakeQuery(`SELECT detail_type FROM events WHERE conversation_id = '${conversationId}'`);
      expect(run.code).toBe(0);
      rows = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '[]') as unknown[];
    }

    expect(rows).toEqual([{ detail_type: 'v2.detail.events.conversation.{id}.customer.start' }]);
    expect(Date.now() - acceptedAt).toBeLessThanOrEqual(5000);
  });

  it('plays a whole conversation whose timeline has each of its conversation events, in order', async () => {
    const run = await cli('trigger', 'conversation', '--json');
    const summary = lastJsonLine(run.stdout) as { conversationId: string; sent: number; events: { topic: string }[] };
    // The conversation-events consumer takes conversation detail (and seed) events; transcription goes to the bus only.
    const expected = summary.events.map((event) => event.topic).filter((topic) => topic.startsWith('v2.detail.'));

    const timeline = await timelineOf(summary.conversationId, expected.length);

    expect(run.code).toBe(0);
    expect(summary.sent).toBe(15);
    expect(timeline.map((event) => event.topic)).toEqual(expected);
  });

  it('replays 300 lines with 50 duplicates: nothing fails and every timeline holds each event once', async () => {
    const conversations = Array.from({ length: 25 }, () => randomUUID());
    const unique = conversations.flatMap((conversationId, index) => conversationLines(conversationId, index));
    const duplicates = Array.from({ length: 50 }, (_, index) => unique[(index * 7) % unique.length] ?? '');
    const file = join(workDir, 'replay.ndjson');
    writeFileSync(file, `${shuffle([...unique, ...duplicates]).join('\n')}\n`);

    // Genesys's retry policy (five retries, 5 s apart) rides out cold starts and deliveries still in flight;
    // a longer timeout than Genesys's 10 s, because each new Lambda instance starts cold in serverless offline.
    const run = await cli('replay', file, '--json', '--rate', '50', '--concurrency', '4', '--timeout', '30000');

    const summary = lastJsonLine(run.stdout) as Record<string, number>;
    expect(unique).toHaveLength(250);
    // The CLI reports every line it gave up on or that was refused: shown if the counts are off.
    expect({ ...summary, reports: run.stderr }).toMatchObject({ sent: 300, failed: 0, rejected: 0, reports: '' });
    expect((summary.accepted ?? 0) + (summary.duplicate ?? 0)).toBe(300);
    expect(run.code).toBe(0);
    await Promise.all(conversations.map((conversationId) => waitForConversation(conversationId, 10, 30_000)));
    await settle();
    for (const conversationId of conversations) {
      const timeline = (await read(`/conversations/${conversationId}`)).json.events as { topic: string }[];
      expect(new Set(timeline.map((event) => event.topic)).size).toBe(10);
      expect(timeline).toHaveLength(10);
    }
  }, 180_000);

  it('token prints a token of the local issuer, alone on the last line, that reads a conversation', async () => {
    const conversationId = randomUUID();
    await cli('trigger', 'customer.end', '--set', `conversationId=${conversationId}`);
    await waitForConversation(conversationId);

    const run = await cliRun(['token', '--scope', 'conversations:read', '--ttl', '300']);
    const token = run.stdout.trim().split('\n').at(-1) ?? '';
    recordSentToken(token);

    expect(run.code).toBe(0);
    expect(token.split('.')).toHaveLength(3);
    expect((await request(`/conversations/${conversationId}`, { headers: bearer(token) })).status).toBe(200);
    expect(
      (
        await request(`/analytics/summary?from=2091-01-01T00:00:00Z&to=2091-01-02T00:00:00Z`, {
          headers: bearer(token),
        })
      ).status,
    ).toBe(403);
  });

  it('doctor names a hex digest sent where Open Messaging expects base64', async () => {
    const body = JSON.stringify({
      id: randomUUID(),
      channel: { time: new Date().toISOString() },
      type: 'Text',
      text: 'hi',
    });
    const hex = createHmac('sha256', DEV_OPEN_MESSAGING_SECRETS.current).update(body).digest('hex');
    const headers = { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${hex}` };
    const captured = join(workDir, 'hex.json');
    writeFileSync(captured, JSON.stringify({ headers, body, path: '/webhooks/open-messaging' }));

    const run = await cli('doctor', '--request', captured);

    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/PROBLEM {2}request: .*hex where standard base64 was expected \(hex_instead_of_base64/);
    expect((await request('/webhooks/open-messaging', { method: 'POST', headers, body })).status).toBe(401);
  });

  it('doctor names a secret with a trailing newline', async () => {
    const signed = signSeedHeader({
      body: JSON.stringify(seedConversationEvent('conversation:created')),
      secret: `${DEV_SECRETS.current}\n`,
    });
    const captured = join(workDir, 'newline.json');
    writeFileSync(captured, JSON.stringify({ headers: signed.headers, body: signed.body, path: '/webhooks/genesys' }));

    const run = await cli('doctor', '--request', captured, '--json');

    const findings = (lastJsonLine(run.stdout).findings ?? []) as { level: string; check: string; message: string }[];
    expect(run.code).toBe(1);
    expect(findings.find((item) => item.check === 'request')).toMatchObject({
      level: 'problem',
      message: expect.stringContaining('(secret_with_whitespace;'),
    });
    expect(findings.find((item) => item.check === 'issuer')?.level).toBe('ok');
    expect(findings.find((item) => item.check === 'reachability')).toMatchObject({
      level: 'ok',
      message: expect.stringContaining('(HTTP 404)'),
    });
    const answer = await request('/webhooks/genesys', { method: 'POST', headers: signed.headers, body: signed.body });
    expect(answer.status).toBe(401);
  });
});

/** Ten unique events of one conversation in three shapes: envelopes, bare notifications and seed events. */
const conversationLines = (conversationId: string, index: number): string[] => {
  const start = Date.parse('2026-02-01T09:00:00.000Z') + index * 3_600_000;
  const suffixes = [
    'customer.start',
    'flow.start',
    'flow.end',
    'acd.start',
    'acd.end',
    'user.start',
    'user.end',
    'customer.end',
  ];
  const details = suffixes.map((suffix, step) => {
    const envelope = conversationDetail(conversationId, suffix, start + step * 10_000);
    return JSON.stringify(step % 2 === 0 ? envelope : envelope.detail);
  });
  const seeds = (['conversation:created', 'conversation:updated'] as const).map((eventType, step) =>
    JSON.stringify({
      ...seedConversationEvent(eventType, conversationId),
      timestamp: new Date(start + step).toISOString(),
    }),
  );
  return [...details, ...seeds];
};

const shuffle = <T>(items: T[]): T[] => {
  for (let index = items.length - 1; index > 0; index -= 1) {
    const other = Math.floor(Math.random() * (index + 1));
    [items[index], items[other]] = [items[other] as T, items[index] as T];
  }
  return items;
};
