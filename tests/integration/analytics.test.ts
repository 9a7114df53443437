import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { deliver, isAccepted } from './fixtures/analytics-delivery';
import {
  CONVERSATIONS,
  expectedAnalytics,
  expectedSummary,
  HOUR,
  iso,
  seedCallAnalysis,
  sessionEnds,
  streamEvents,
  T0,
  TRANSCRIBED_LINES,
} from './fixtures/analytics-stream';
import { type Answer, read, settle } from './http-client';

/**
 * Analytics through the real local stack: a stream of conversations over the three Genesys transports, a
 * third of it resent with new envelope ids, consumed from the local bus into dynalite, read back over HTTP.
 */

const POLL_TIMEOUT_MS = 60_000;
const TEST_TIMEOUT_MS = 90_000;

/** Polls a GET until its answer satisfies `done`, or the time is up; answers the last answer either way. */
const eventually = async (path: string, done: (answer: Answer) => boolean): Promise<Answer> => {
  const deadline = Date.now() + POLL_TIMEOUT_MS;
  let answer = await read(path);
  while (!done(answer) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    answer = await read(path);
  }
  return answer;
};

const eventuallyEqual = (path: string, expected: unknown) =>
  eventually(path, (answer) => answer.status === 200 && isDeepStrictEqual(answer.json, expected));

const analyticsPath = (conversationId: string) => `/analytics/conversations/${conversationId}`;
const summaryPath = (query: Record<string, string>) => `/analytics/summary?${new URLSearchParams(query)}`;
const WINDOW = { from: iso(T0), to: iso(T0 + HOUR) };

const expectedTranscribed = {
  conversationId: CONVERSATIONS.transcribed,
  transcript: TRANSCRIBED_LINES,
  sentiment: { label: 'positive', score: expect.any(Number), source: 'derived' },
  handleTimeMs: 95_000,
  summary: null,
};

describe('analytics through the real local stack', () => {
  const accepted: Answer[] = [];

  beforeAll(async () => {
    accepted.push(...(await deliver(streamEvents())));
    // The seed call analysis is an envelope only the header webhook takes as such.
    accepted.push(
      ...(await deliver([seedCallAnalysis(CONVERSATIONS.voice, 'negative', T0 + 7 * 60_000)], ['seed-header'])),
    );
    // The sessions end only once what they must judge is stored: every utterance, and the Genesys label.
    await eventually(analyticsPath(CONVERSATIONS.transcribed), (answer) =>
      isDeepStrictEqual(answer.json.transcript, TRANSCRIBED_LINES),
    );
    await eventually(analyticsPath(CONVERSATIONS.voice), (answer) =>
      isDeepStrictEqual(answer.json.sentiment, expectedAnalytics.voice.sentiment),
    );
    accepted.push(...(await deliver(sessionEnds(), ['eventbridge', 'seed-form'])));
  }, 240_000);

  it('accepts every delivery and resend of the stream', () => {
    expect(accepted.length).toBeGreaterThan(20);
    expect(accepted.filter((answer) => !isAccepted(answer))).toEqual([]);
  });

  it(
    'derives a sentiment for a transcribed conversation that has no Genesys label',
    async () => {
      const answer = await eventually(
        analyticsPath(CONVERSATIONS.transcribed),
        (polled) => polled.json.sentiment != null,
      );

      expect(answer.status).toBe(200);
      expect(answer.json).toEqual(expectedTranscribed);
      expect((answer.json.sentiment as { score: number }).score).toBeGreaterThanOrEqual(0.05);
    },
    TEST_TIMEOUT_MS,
  );

  it.each(Object.entries(expectedAnalytics))(
    'serves the exact analytics of the %s conversation',
    async (_, expected) => {
      const answer = await eventuallyEqual(analyticsPath(expected.conversationId), expected);

      expect(answer.status).toBe(200);
      expect(answer.json).toEqual(expected);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'summarises exactly the conversations whose first event is in the window',
    async () => {
      const answer = await eventuallyEqual(summaryPath(WINDOW), expectedSummary);

      expect(answer.status).toBe(200);
      expect(answer.json).toEqual(expectedSummary);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'lets no late duplicate inflate anything once the bus has delivered everything',
    async () => {
      await eventually(analyticsPath(CONVERSATIONS.transcribed), (answer) => answer.json.sentiment != null);
      await settle(3000);

      expect((await read(summaryPath(WINDOW))).json).toEqual(expectedSummary);
      expect((await read(analyticsPath(CONVERSATIONS.transcribed))).json).toEqual(expectedTranscribed);
      for (const expected of Object.values(expectedAnalytics)) {
        expect((await read(analyticsPath(expected.conversationId))).json).toEqual(expected);
      }
    },
    TEST_TIMEOUT_MS,
  );

  it('answers 404 for a conversation analytics knows nothing of', async () => {
    const answer = await read(analyticsPath(randomUUID()));

    expect(answer.status).toBe(404);
    expect(answer.json).toMatchObject({ error: 'not_found' });
  });

  it.each([
    ['no parameters', {}],
    ['a from that is not ISO', { from: 'last tuesday', to: WINDOW.to }],
    ['a to without a zone', { from: WINDOW.from, to: '2300-01-01T00:00:00' }],
    ['from equal to to', { from: WINDOW.from, to: WINDOW.from }],
    ['from after to', { from: WINDOW.to, to: WINDOW.from }],
  ])('answers the summary with 400 JSON for %s', async (_, query) => {
    const answer = await read(summaryPath(query));

    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ error: 'bad_request', message: expect.any(String) });
  });
});
