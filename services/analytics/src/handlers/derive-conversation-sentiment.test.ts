import { eventContentKey } from '@genesys-events/core';
import { describe, expect, it } from '@jest/globals';
import type { AppBusEnvelope } from '../model/analytics-event';
import { UnreadableSessionEndError } from '../model/session-end';
import {
  asReceived,
  CONVERSATION_ID,
  partnerEvent,
  publishedEvent,
  seedCallAnalysis,
  summaryNotification,
  T0,
  transcriptionNotification,
  utterance,
} from '../test-support/app-bus-events';
import { inMemoryTable, recordingPublisher } from '../test-support/fakes';

// The handler modules read their configuration and create their clients when they are imported.
process.env.ANALYTICS_TABLE_NAME = 'genesys-events-test-analytics';
process.env.APP_BUS_NAME = 'genesys-events-test';
process.env.AWS_REGION = 'eu-west-1';
process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';

const { lambdaHandler } = await import('./derive-conversation-sentiment');
// The consumer stores what the deriver reads, and the derived events the deriver publishes.
const { lambdaHandler: consume } = await import('./consume-analytics-event');

const utterances = partnerEvent(
  transcriptionNotification(T0 + 30_000, [
    utterance('u-1', 'Thanks, that fixed it, brilliant', 4000),
    utterance('u-0', 'Try restarting the router', 1000, { channel: 'INTERNAL' }),
  ]),
);
const sessionEnded = partnerEvent(transcriptionNotification(T0 + 60_000, [], { status: 'SESSION_ENDED' }));

const setUp = (failures = 0) => {
  const table = inMemoryTable();
  const publish = recordingPublisher(failures);
  const store = async (...events: AppBusEnvelope[]) => {
    for (const event of events) await consume(event, { table });
  };
  return { table, publish, store, dependencies: { table, publish } };
};

const analysesOf = async (table: ReturnType<typeof inMemoryTable>) =>
  (await table.listConversation(CONVERSATION_ID)).filter((event) => event.analysis);

describe('derive-conversation-sentiment lambdaHandler: deriving', () => {
  it('derives and publishes a sentiment when a session ends without a Genesys label', async () => {
    const { publish, store, dependencies } = setUp();
    await store(utterances, sessionEnded);

    const outcome = await lambdaHandler(sessionEnded, dependencies);

    expect(outcome).toEqual({ derivation: 'published' });
    expect(publish.published).toEqual([
      expect.objectContaining({
        source: 'genesys-events.analytics',
        detailType: 'call.analysis.completed',
        detail: expect.objectContaining({
          topicName: 'call.analysis.completed',
          eventBody: {
            interactionId: CONVERSATION_ID,
            transcript: 'Try restarting the router\nThanks, that fixed it, brilliant',
            sentiment: 'positive',
            score: expect.any(Number),
            source: 'derived',
          },
        }),
      }),
    ]);
  });

  it('counts the session end’s own utterances before the consumer has stored it, with the same content', async () => {
    const ended = transcriptionNotification(T0 + 60_000, [utterance('u-2', 'You are welcome', 8000)], {
      status: 'SESSION_ENDED',
    });
    const early = setUp();
    const late = setUp();
    await early.store(utterances);
    await late.store(utterances, partnerEvent(ended));

    await lambdaHandler(partnerEvent(ended), early.dependencies);
    await lambdaHandler(partnerEvent(ended), late.dependencies);

    const [before] = early.publish.published;
    const [after] = late.publish.published;
    expect(before?.detail.eventBody.transcript).toBe(
      'Try restarting the router\nThanks, that fixed it, brilliant\nYou are welcome',
    );
    expect(before).toEqual(after);
  });

  it('publishes an event the consumer stores as the derived analysis', async () => {
    const { table, publish, store, dependencies } = setUp();
    await store(utterances);
    await lambdaHandler(sessionEnded, dependencies);

    const [derived] = publish.published;
    if (!derived) throw new Error('expected a derived event');
    await store(asReceived(derived));

    expect((await analysesOf(table)).map((event) => event.analysis)).toEqual([
      { source: 'derived', label: 'positive', score: derived.detail.eventBody.score },
    ]);
  });

  it('derives nothing for a conversation with a Genesys label', async () => {
    const { publish, store, dependencies } = setUp();
    await store(utterances, publishedEvent(seedCallAnalysis({ sentiment: 'neutral' })));

    expect(await lambdaHandler(sessionEnded, dependencies)).toEqual({ derivation: 'not-needed' });
    expect(publish.calls).toBe(0);
  });

  it('derives nothing for a conversation Genesys summarised', async () => {
    const { publish, store, dependencies } = setUp();
    await store(utterances, partnerEvent(summaryNotification(T0)));

    expect(await lambdaHandler(sessionEnded, dependencies)).toEqual({ derivation: 'not-needed' });
    expect(publish.calls).toBe(0);
  });

  it('derives nothing from a session without final utterances', async () => {
    const { publish, dependencies } = setUp();

    expect(await lambdaHandler(sessionEnded, dependencies)).toEqual({ derivation: 'no-transcript' });
    expect(publish.calls).toBe(0);
  });

  it('derives nothing from an erased conversation, even when the session end carries utterances', async () => {
    const { table, publish, store, dependencies } = setUp();
    await store(utterances);
    table.erase(CONVERSATION_ID);

    expect(await lambdaHandler(sessionEnded, dependencies)).toEqual({ derivation: 'conversation-erased' });
    expect(publish.calls).toBe(0);
  });

  it('reads and publishes nothing for an event that ends no session', async () => {
    const { table, publish, dependencies } = setUp();
    const readConversation = async () => Promise.reject(new Error('must not read'));

    const outcome = await lambdaHandler(utterances, { ...dependencies, table: { ...table, readConversation } });

    expect(outcome).toEqual({ derivation: 'not-a-session-end' });
    expect(publish.calls).toBe(0);
  });
});

describe('derive-conversation-sentiment lambdaHandler: retries and redeliveries', () => {
  it('ends with one derived analysis when SESSION_ENDED is redelivered before the first derivation is back', async () => {
    const { table, publish, store, dependencies } = setUp();
    await store(utterances, sessionEnded);

    const first = await lambdaHandler(sessionEnded, dependencies);
    const redelivery = await lambdaHandler(sessionEnded, dependencies);
    await store(...publish.published.map(asReceived));

    expect([first, redelivery]).toEqual([{ derivation: 'published' }, { derivation: 'published' }]);
    const [once, twice] = publish.published;
    expect(once && eventContentKey(once.detail)).toBe(twice && eventContentKey(twice.detail));
    expect(await analysesOf(table)).toHaveLength(1);
  });

  it('publishes nothing for a SESSION_ENDED redelivered after the derived analysis is stored', async () => {
    const { table, publish, store, dependencies } = setUp();
    await store(utterances);
    await lambdaHandler(sessionEnded, dependencies);
    await store(...publish.published.map(asReceived));

    expect(await lambdaHandler(sessionEnded, dependencies)).toEqual({ derivation: 'not-needed' });
    expect(publish.published).toHaveLength(1);
    expect(await analysesOf(table)).toHaveLength(1);
  });

  it('lets a publish failure reject, and the retry publishes', async () => {
    const { table, publish, store, dependencies } = setUp(1);
    await store(utterances);

    await expect(lambdaHandler(sessionEnded, dependencies)).rejects.toThrow('PutEvents unavailable');
    const retry = await lambdaHandler(sessionEnded, dependencies);
    await store(...publish.published.map(asReceived));

    expect(retry).toEqual({ derivation: 'published' });
    expect(await analysesOf(table)).toHaveLength(1);
  });

  it('lets a table failure reject, so that EventBridge retries the event', async () => {
    const failure = new Error('ProvisionedThroughputExceededException');
    const { publish } = setUp();
    const table = { readConversation: async () => Promise.reject(failure) };

    await expect(lambdaHandler(sessionEnded, { table, publish })).rejects.toBe(failure);
  });

  it('throws UnreadableSessionEndError for a session end without a usable time, and publishes nothing', async () => {
    const { publish, dependencies } = setUp();
    const ended = transcriptionNotification(T0, [], { status: 'SESSION_ENDED' });
    const event = { ...partnerEvent(ended), time: 'never' };
    (event.detail as { eventBody: Record<string, unknown> }).eventBody.eventTime = 'yesterday';

    await expect(lambdaHandler(event, dependencies)).rejects.toBeInstanceOf(UnreadableSessionEndError);
    expect(publish.calls).toBe(0);
  });
});
