import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppBusEnvelope } from '@genesys-events/core';
import { detailEvent, T0 } from '@genesys-events/lake/testing';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { type LocalLake, openLocalLake } from '../store/local-lake';
import { type LakeErasure, type LakeIngest, lakeIngest } from './lake-ingest';
import { lakeTombstones } from './tombstones';

const erasureRequest = (conversationId: string, requestId = 'r-1'): AppBusEnvelope => ({
  'detail-type': 'conversation.erasure.requested',
  source: 'genesys-events.erasure',
  detail: { topicName: 'conversation.erasure.requested', eventBody: { conversationId, requestId }, metadata: {} },
});

describe('the lake ingest (the local stand-in for Firehose)', () => {
  let dir: string;
  let lake: LocalLake;
  let ingest: LakeIngest;
  let erasures: LakeErasure[];
  let lines: { level: string; message: string; fields: Record<string, unknown> }[];

  const conversationsInLake = async () =>
    (await lake.query('SELECT DISTINCT conversation_id FROM events ORDER BY 1')).rows.map((row) => row[0]);

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lake-ingest-'));
    lake = await openLocalLake({ dir });
    erasures = [];
    lines = [];
    ingest = lakeIngest({
      lake,
      tombstones: lakeTombstones(dir),
      listener: {
        log: (level, message, fields = {}) => void lines.push({ level, message, fields }),
        erased: (erasure) => void erasures.push(erasure),
      },
      now: () => new Date(T0),
    });
  });
  afterEach(async () => {
    await lake.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('buffers rows until the flush writes them', async () => {
    await ingest.accept([detailEvent('c-1', 'customer.start', T0), detailEvent('c-2', 'customer.start', T0)]);

    expect(await conversationsInLake()).toEqual([]);
    await ingest.flush();
    expect(await conversationsInLake()).toEqual(['c-1', 'c-2']);
  });

  it('erases a conversation, buffered rows and written ones, reports it, and keeps its late events out', async () => {
    await ingest.accept([detailEvent('c-1', 'customer.start', T0), detailEvent('c-2', 'customer.start', T0)]);
    await ingest.flush();
    await ingest.accept([detailEvent('c-1', 'customer.end', T0 + 1000)]);

    await ingest.accept([erasureRequest('c-1'), detailEvent('c-1', 'acw', T0 + 2000)]);
    await ingest.flush();

    expect(await conversationsInLake()).toEqual(['c-2']);
    expect(erasures).toEqual([{ conversationId: 'c-1', requestId: 'r-1', deletedRows: 2 }]);
    expect(lines.map((line) => line.message)).toContain('event not written: conversation erased');
  });

  it('writes no erasure bookkeeping and no event without a usable detail, and says so by detail-type only', async () => {
    await ingest.accept([
      { 'detail-type': 'conversation.erasure.completed', source: 'genesys-events.erasure', detail: {} },
      { 'detail-type': 'v2.users.{id}.presence', source: 's', detail: 'nonsense' },
    ]);
    await ingest.flush();

    expect(await conversationsInLake()).toEqual([]);
    expect(lines).toEqual([
      {
        level: 'warn',
        message: 'event not written: no app-bus detail or no time',
        fields: { detailType: 'v2.users.{id}.presence' },
      },
    ]);
  });
});
