import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type EventsTable, eventsTable } from '../test-support/duckdb-events';
import { analysisEvent, detailEvent, HOUR, iso, MINUTE, resent, summaryEvent, T0 } from '../test-support/envelopes';
import { summaryFromRows } from './summary-result';
import { summarySql } from './summary-sql';

const WINDOW = { from: iso(T0), to: iso(T0 + HOUR) };
const NOT_BEFORE = iso(T0 - 90 * 24 * HOUR);
const chat = { mediaType: 'MESSAGE', direction: 'OUTBOUND' };

// The conversations of the analytics integration stream, as the lake holds them (with resends).
const stream = () => {
  const voiceUserEnd = detailEvent('voice', 'user.end', T0 + 5 * MINUTE, {
    interactingDurationMs: 120_000,
    heldDurationMs: 15_000,
    participantId: 'agent-1',
  });
  const chatAcw = detailEvent('chat', 'acw', T0 + 10 * MINUTE, { ...chat, wrapupDurationMs: 10_000 });
  return [
    detailEvent('voice', 'acw', T0 + 6 * MINUTE, { wrapupDurationMs: 30_000, queueId: 'queue-b' }),
    detailEvent('voice', 'customer.start', T0 + MINUTE),
    detailEvent('voice', 'acd.start', T0 + 2 * MINUTE, { queueId: 'queue-a' }),
    voiceUserEnd,
    resent(voiceUserEnd),
    detailEvent('voice', 'customer.end', T0 + 5 * MINUTE, { interactingDurationMs: 150_000 }),
    analysisEvent('voice', 'positive', T0 + 9 * MINUTE, { derived: true }),
    analysisEvent('voice', 'negative', T0 + 7 * MINUTE),
    detailEvent('chat', 'customer.start', T0 + 2 * MINUTE, chat),
    detailEvent('chat', 'user.end', T0 + 9 * MINUTE, { ...chat, interactingDurationMs: 60_000, heldDurationMs: 0 }),
    chatAcw,
    resent(chatAcw, 'genesys-form'),
    detailEvent('transcribed', 'customer.start', T0 + 11 * MINUTE),
    detailEvent('transcribed', 'user.end', T0 + 19 * MINUTE, { interactingDurationMs: 90_000, heldDurationMs: 5000 }),
    analysisEvent('transcribed', 'positive', T0 + 20 * MINUTE, { derived: true, score: 0.3 }),
    detailEvent('short', 'customer.end', T0 + 31 * MINUTE, { direction: 'OUTBOUND', interactingDurationMs: 40_000 }),
    detailEvent('short', 'customer.start', T0 + 30 * MINUTE, { direction: 'OUTBOUND' }),
    detailEvent('early', 'user.end', T0 + 3 * MINUTE, { interactingDurationMs: 999_000 }),
    detailEvent('early', 'customer.start', T0 - 10 * MINUTE),
    detailEvent('later', 'customer.start', T0 + HOUR),
    // A conversation Genesys summarised: its derived sentiment does not count; a failed summary changes nothing.
    detailEvent('summarised', 'customer.start', T0 + 40 * MINUTE, { direction: 'OUTBOUND', mediaType: 'EMAIL' }),
    analysisEvent('summarised', 'negative', T0 + 45 * MINUTE, { derived: true }),
    summaryEvent('summarised', T0 + 46 * MINUTE),
    summaryEvent('transcribed', T0 + 25 * MINUTE, { failed: true }),
    // Begun the day before (a margin partition): in the window only once that first event is past retention.
    detailEvent('yesterday', 'customer.start', T0 - 20 * HOUR),
    detailEvent('yesterday', 'user.end', T0 + 2 * MINUTE, { interactingDurationMs: 70_000, heldDurationMs: 0 }),
  ];
};

describe('summarySql on DuckDB', () => {
  let table: EventsTable;

  beforeAll(async () => {
    table = await eventsTable(stream());
  });
  afterAll(() => table.close());

  const summary = async (window = WINDOW, notBefore = NOT_BEFORE) =>
    summaryFromRows(window, await table.query(summarySql(window, { notBefore })));

  it('summarises exactly the conversations whose first event is in the window, resends counted once, a summary over a derived label', async () => {
    expect(await summary()).toEqual({
      ...WINDOW,
      conversations: 5,
      byMediaType: { VOICE: 3, MESSAGE: 1, EMAIL: 1 },
      byDirection: { INBOUND: 2, OUTBOUND: 3 },
      byQueue: { 'queue-a': 1 },
      averageHandleTimeMs: 110_000,
      sentiment: { positive: 1, neutral: 0, negative: 1 },
    });
  });

  it('takes a conversation into the window it starts in, with figures from after the window too', async () => {
    const window = { from: iso(T0 - HOUR), to: iso(T0) };

    expect(await summary(window)).toMatchObject({ conversations: 1, averageHandleTimeMs: 999_000 });
  });

  it('answers zeros and a null average for an empty window', async () => {
    const window = { from: iso(T0 + 10 * HOUR), to: iso(T0 + 11 * HOUR) };

    expect(await summary(window)).toEqual({
      ...window,
      conversations: 0,
      byMediaType: {},
      byDirection: {},
      byQueue: {},
      averageHandleTimeMs: null,
      sentiment: { positive: 0, neutral: 0, negative: 0 },
    });
  });

  it('leaves out events received before the retention cutoff, at once', async () => {
    expect((await summary(WINDOW, iso(T0 + 3 * HOUR))).conversations).toBe(0);
  });

  it('leaves out past-retention rows of a margin partition, so a conversation starts at its first retained event', async () => {
    const retainedFrom = iso(T0 - 19 * HOUR);

    expect(await summary(WINDOW, retainedFrom)).toMatchObject({ conversations: 6, averageHandleTimeMs: 100_000 });
  });

  it('reads receipt times only when a partition it reads can hold a row past retention', () => {
    const sqlWith = (notBefore: string) => summarySql(WINDOW, { notBefore });

    expect(sqlWith(NOT_BEFORE)).not.toContain('received_at');
    expect(sqlWith(iso(T0 - 3 * 24 * HOUR))).not.toContain('received_at');
    expect(sqlWith(iso(T0 - 2 * 24 * HOUR))).toContain('received_at');
    expect(sqlWith(iso(T0 - 19 * HOUR))).toContain('received_at');
  });

  it('uses only functions Athena (Trino) and DuckDB both have', () => {
    const keywords = ['as', 'in', 'sets', 'filter', 'and', 'or', 'where'];
    const called = [...summarySql(WINDOW, { notBefore: NOT_BEFORE }).matchAll(/\b([a-z_]+)\s*\(/gi)]
      .map((match) => String(match[1]).toLowerCase())
      .filter((name) => !keywords.includes(name));

    expect([...new Set(called)].sort()).toEqual(
      ['coalesce', 'count', 'grouping', 'max_by', 'min', 'min_by', 'starts_with', 'sum'].sort(),
    );
  });
});
