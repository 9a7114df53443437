import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { type Answer, read, settle, waitForConversation } from './http-client';
import { baseUrl, TEST_ARCHIVE_DIR, TEST_OIDC } from './local-system';
import { deleteConversationItems, TABLES } from './stores';
import { type LogLine, systemLogLines, waitForLog } from './system-log';

const bin = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'packages', 'cli', 'bin', 'genesys-events.mjs');

/** Runs the real CLI as a child process, with the test system's issuer and archive. */
const cli = (...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> =>
  new Promise((resolve) => {
    const env = { ...process.env, OIDC_ISSUER_URL: TEST_OIDC.issuer, LOCAL_ARCHIVE_DIR: TEST_ARCHIVE_DIR };
    execFile(process.execPath, [bin, ...args], { env }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });

/** The consumer log lines of one conversation: one per invocation of a service's store. */
const consumed = (lines: LogLine[], service: string, conversationId: string) =>
  lines.filter(
    (line) =>
      line.service === service &&
      String(line.message).endsWith('event consumed') &&
      line.conversationId === conversationId,
  ).length;

/** Polls the analytics read route until it answers `status`. */
const analyticsWhen = async (conversationId: string, status: number, timeoutMs = 20_000): Promise<Answer> => {
  const deadline = Date.now() + timeoutMs;
  let answer = await read(`/analytics/conversations/${conversationId}`);
  while (answer.status !== status && Date.now() < deadline) {
    await settle(250);
    answer = await read(`/analytics/conversations/${conversationId}`);
  }
  return answer;
};

/** Every archived event of the run, as the local archive keeps them. */
const archivedTopics = (): string[] =>
  readdirSync(TEST_ARCHIVE_DIR)
    .filter((name) => name.startsWith('events-'))
    .flatMap((name) => readFileSync(join(TEST_ARCHIVE_DIR, name), 'utf8').trim().split('\n'))
    .map((line) => (JSON.parse(line) as { detail: { topicName?: string } }).detail.topicName ?? '');

describe('genesys-events backfill through the real local stack', () => {
  it("brings back one service's lost data from the local archive, and the other service receives nothing", async () => {
    const conversationId = randomUUID();
    const from = new Date(Date.now() - 1000);
    for (const event of ['customer.start', 'customer.end']) {
      expect((await cli('trigger', event, '--set', `conversationId=${conversationId}`, '--url', baseUrl)).code).toBe(0);
    }
    expect((await waitForConversation(conversationId, 2)).status).toBe(200);
    const stored = await analyticsWhen(conversationId, 200);
    await settle();
    const to = new Date(Date.now() + 1000);
    // Every event put on the app bus is in the archive.
    const topics = archivedTopics();
    for (const event of ['customer.start', 'customer.end']) {
      expect(topics).toContain(`v2.detail.events.conversation.${conversationId}.${event}`);
    }

    // analytics loses the conversation (no erasure, no tombstone); conversation-events keeps it.
    expect(await deleteConversationItems(TABLES.analytics, conversationId)).toBe(2);
    expect((await read(`/analytics/conversations/${conversationId}`)).status).toBe(404);
    const before = systemLogLines();
    const timelineInvocations = consumed(before, 'conversation-events', conversationId);
    const analyticsInvocations = consumed(before, 'analytics', conversationId);
    // Each store consumed both events once: the log lines count invocations.
    expect([timelineInvocations, analyticsInvocations]).toEqual([2, 2]);

    const run = await cli(
      'backfill',
      '--service',
      'analytics',
      '--from',
      from.toISOString(),
      '--to',
      to.toISOString(),
      '--json',
    );

    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    expect(JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}')).toMatchObject({
      state: 'COMPLETED',
      service: 'analytics',
      failed: 0,
      matched: expect.any(Number),
    });
    const restored = await analyticsWhen(conversationId, 200);
    expect(restored.json).toEqual(stored.json);
    const after = await waitForLog((lines) => consumed(lines, 'analytics', conversationId) >= analyticsInvocations + 2);
    await settle();
    expect(consumed(after, 'analytics', conversationId)).toBe(analyticsInvocations + 2);
    expect(consumed(systemLogLines(), 'conversation-events', conversationId)).toBe(timelineInvocations);
  }, 90_000);

  it('names the known services when asked for an unknown one', async () => {
    const run = await cli('backfill', '--service', 'no-such-service', '--from', '2025-01-01', '--to', '2025-01-02');

    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /unknown service "no-such-service": the local system has .*analytics.*conversation-events/,
    );
  });
});
