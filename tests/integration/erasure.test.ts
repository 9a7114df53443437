import { randomInt, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { deliver, isAccepted } from './fixtures/analytics-delivery';
import { conversationDetail, transcription } from './fixtures/genesys-envelopes';
import { type Answer, read, request, settle } from './http-client';
import { idLiteral, lakeRows } from './lake-client';
import { SYSTEM_LOG } from './leak-watch';
import { findMarkers, scanTable, TABLE_PREFIX, TABLES } from './stores';
import { accessToken, bearer } from './tokens';

/**
 * Erasure through the real local stack: a conversation with personal data in both stores, erased with
 * DELETE /conversations/{id}; both services delete it, report counts, and keep a late event out.
 */

const TEST_TIMEOUT_MS = 120_000;
const POLL_TIMEOUT_MS = 30_000;

const eventually = async (path: string, status: number): Promise<Answer> => {
  const deadline = Date.now() + POLL_TIMEOUT_MS;
  let answer = await read(path);
  while (answer.status !== status && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    answer = await read(path);
  }
  return answer;
};

/** A conversation whose personal data is unique to this run, so it can be looked for in every table. */
const personalConversation = () => {
  const conversationId = randomUUID();
  const phone = `tel:+4416329${String(randomInt(10_000, 99_999))}`;
  const words = `my card number ends ${randomUUID()}`;
  const start = Date.now() - 60_000;
  return {
    conversationId,
    markers: [phone, words],
    events: [
      conversationDetail(conversationId, 'customer.start', start, { ani: phone }),
      transcription(conversationId, words),
    ],
    late: conversationDetail(conversationId, 'customer.end', start + 30_000, { ani: phone, disconnectType: 'peer' }),
  };
};

/** The local system's JSON log lines that mention `id` and say `message`. */
/** Asks for the conversation's erasure with a token of the erasure scope. */
const erase = async (conversationId: string): Promise<Answer> =>
  request(`/conversations/${conversationId}`, {
    method: 'DELETE',
    headers: bearer(await accessToken('conversations:erase')),
  });

const logLines = (id: string, message: string): Record<string, unknown>[] =>
  readFileSync(SYSTEM_LOG, 'utf8')
    .split('\n')
    .filter((line) => line.includes(id) && line.includes(message))
    .map((line) => JSON.parse(line.slice(line.indexOf('{'))) as Record<string, unknown>);

const DAY_SECONDS = 86_400;
const DEFAULT_RETENTION_DAYS = 90;

describe('retention through the real local stack', () => {
  it('gives every stored item of both stores its expiry, the stage retention after it was stored', async () => {
    const conversation = personalConversation();
    const sentAt = Date.now() / 1000;
    expect((await deliver(conversation.events)).every(isAccepted)).toBe(true);
    expect((await eventually(`/analytics/conversations/${conversation.conversationId}`, 200)).status).toBe(200);
    expect((await eventually(`/conversations/${conversation.conversationId}`, 200)).status).toBe(200);

    for (const table of [TABLES.conversationEvents, `${TABLE_PREFIX}analytics`]) {
      const items = (await scanTable(table)).filter((item) => item.conversationId === conversation.conversationId);
      expect(items.length).toBeGreaterThan(0);
      for (const item of items) {
        const expiresAt = Number(item.expiresAt);
        expect(expiresAt).toBeGreaterThanOrEqual(Math.floor(sentAt) + DEFAULT_RETENTION_DAYS * DAY_SECONDS);
        expect(expiresAt).toBeLessThanOrEqual(Math.ceil(sentAt) + DEFAULT_RETENTION_DAYS * DAY_SECONDS + 120);
      }
    }
  });
});

describe('erasure through the real local stack', () => {
  it(
    'erases a conversation from every store, reports what was deleted, and keeps a late event out',
    async () => {
      const conversation = personalConversation();
      const { conversationId } = conversation;
      expect((await deliver(conversation.events)).every(isAccepted)).toBe(true);
      expect((await eventually(`/conversations/${conversationId}`, 200)).status).toBe(200);
      expect((await eventually(`/analytics/conversations/${conversationId}`, 200)).status).toBe(200);

      const answer = await erase(conversationId);

      expect(answer.status).toBe(202);
      expect(answer.json).toEqual({ status: 'erasure_requested', conversationId, requestId: expect.any(String) });
      expect((await eventually(`/conversations/${conversationId}`, 404)).status).toBe(404);
      expect((await eventually(`/analytics/conversations/${conversationId}`, 404)).status).toBe(404);
      await settle(2000);
      const reports = logLines(String(answer.json.requestId), 'conversation erased');
      expect(reports.map((line) => line.service).sort()).toEqual(['analytics', 'conversation-events', 'lake']);
      for (const report of reports) expect(report.deletedItems).toBeGreaterThanOrEqual(1);
      expect(await findMarkers(conversation.markers)).toEqual([]);
      expect(
        await lakeRows(`SELECT event_id FROM events WHERE conversation_id = ${idLiteral(conversationId)}`),
      ).toEqual([]);

      const late = await deliver([conversation.late], ['eventbridge']);
      expect(late.every(isAccepted)).toBe(true);
      await settle(3000);

      expect((await read(`/conversations/${conversationId}`)).status).toBe(404);
      expect((await read(`/analytics/conversations/${conversationId}`)).status).toBe(404);
      const refused = logLines(conversationId, 'event consumed').filter(
        (line) => line.outcome === 'erased' || line.stored === 'erased',
      );
      expect(new Set(refused.map((line) => line.service))).toEqual(new Set(['analytics', 'conversation-events']));
      expect(await findMarkers(conversation.markers)).toEqual([]);
      const kept = (await scanTable(TABLES.conversationEvents)).filter(
        (item) => item.conversationId === conversationId,
      );
      expect(kept.map((item) => item.eventKey)).toEqual(['#erased']);
      expect(
        await lakeRows(`SELECT event_id FROM events WHERE conversation_id = ${idLiteral(conversationId)}`),
      ).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );

  it('answers 202 again to a repeated request, and to a conversation it never saw', async () => {
    const conversationId = randomUUID();

    const first = await erase(conversationId);
    const again = await erase(conversationId);

    expect([first.status, again.status]).toEqual([202, 202]);
    expect(first.json.requestId).not.toEqual(again.json.requestId);
  });

  it('answers 401 without a token and 403 to a reader, and erases nothing', async () => {
    const conversation = personalConversation();
    expect((await deliver(conversation.events)).every(isAccepted)).toBe(true);
    expect((await eventually(`/conversations/${conversation.conversationId}`, 200)).status).toBe(200);
    const path = `/conversations/${conversation.conversationId}`;

    const anonymous = await request(path, { method: 'DELETE' });
    const reader = await request(path, { method: 'DELETE', headers: bearer(await accessToken()) });

    expect([anonymous.status, reader.status]).toEqual([401, 403]);
    await settle(1500);
    expect((await read(path)).status).toBe(200);
  });

  it('answers 400 to a conversation id over 256 characters', async () => {
    const answer = await erase('x'.repeat(300));

    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ error: 'bad_request' });
  });
});
