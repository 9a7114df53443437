import { eventContentKey } from '@genesys-events/core';
import { describe, expect, it } from '@jest/globals';
import { UnusableEventError } from '../model/analytics-event';
import {
  asReceived,
  CONVERSATION_ID,
  detailNotification,
  gateway,
  partnerEvent,
  publishedEvent,
  seedCallAnalysis,
  T0,
  transcriptionNotification,
  utterance,
} from '../test-support/app-bus-events';
import { inMemoryTable, recordingPublisher } from '../test-support/fakes';

// The handler module reads its configuration and creates its clients when it is imported.
process.env.ANALYTICS_TABLE_NAME = 'genesys-events-test-analytics';
process.env.APP_BUS_NAME = 'genesys-events-test';
process.env.AWS_REGION = 'eu-west-1';
process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';

const { lambdaHandler } = await import('./consume-analytics-event');

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
  return { table, publish, dependencies: { table, publish } };
};

const analysesOf = async (table: ReturnType<typeof inMemoryTable>) =>
  (await table.listConversation(CONVERSATION_ID)).filter((event) => event.analysis);

describe('consume-analytics-event lambdaHandler: storing', () => {
  it('stores a new event once and reports a redelivery as duplicate', async () => {
    const { table, dependencies } = setUp();
    const event = partnerEvent(detailNotification('user.end', T0, { interactingDurationMs: 1000 }));

    const first = await lambdaHandler(event, dependencies);
    const again = await lambdaHandler(event, dependencies);

    expect([first, again]).toEqual([{ stored: 'stored' }, { stored: 'duplicate' }]);
    expect(table.items.size).toBe(1);
  });

  it('collapses the same event over another transport and concurrent duplicates into one item', async () => {
    const { table, dependencies } = setUp();
    const notification = detailNotification('acw', T0, { wrapupDurationMs: 5000 });
    const viaApi = publishedEvent(notification, gateway({ transport: 'eventbridge-api', scheme: 'api-key' }));

    const outcomes = await Promise.all([
      lambdaHandler(partnerEvent(notification), dependencies),
      lambdaHandler(viaApi, dependencies),
      lambdaHandler(viaApi, dependencies),
    ]);

    expect(outcomes.map((outcome) => outcome.stored).sort()).toEqual(['duplicate', 'duplicate', 'stored']);
    expect(table.items.size).toBe(1);
  });

  it('throws UnusableEventError for an event it cannot store, and stores nothing', async () => {
    const { table, dependencies } = setUp();
    const event = { 'detail-type': 'conversation:created', source: 'genesys-events.webhooks', detail: { foo: 1 } };

    await expect(lambdaHandler(event, dependencies)).rejects.toBeInstanceOf(UnusableEventError);
    expect(table.putCalls).toBe(0);
  });

  it('lets a table failure reject, so that EventBridge retries the event', async () => {
    const failure = new Error('ProvisionedThroughputExceededException');
    const { dependencies } = setUp();
    const table = { ...dependencies.table, putOnce: async () => Promise.reject(failure) };

    await expect(lambdaHandler(utterances, { ...dependencies, table })).rejects.toBe(failure);
  });
});

describe('consume-analytics-event lambdaHandler: deriving sentiment', () => {
  it('derives and publishes a sentiment when a session ends without a Genesys label', async () => {
    const { table, publish, dependencies } = setUp();
    await lambdaHandler(utterances, dependencies);

    const outcome = await lambdaHandler(sessionEnded, dependencies);

    expect(outcome).toEqual({ stored: 'stored', derivation: 'published' });
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
    expect(await analysesOf(table)).toEqual([]);
  });

  it('stores the derived event as the derived analysis when it comes back from the bus', async () => {
    const { table, publish, dependencies } = setUp();
    await lambdaHandler(utterances, dependencies);
    await lambdaHandler(sessionEnded, dependencies);

    const [derived] = publish.published;
    if (!derived) throw new Error('expected a derived event');
    const outcome = await lambdaHandler(asReceived(derived), dependencies);

    expect(outcome).toEqual({ stored: 'stored' });
    expect((await analysesOf(table)).map((event) => event.analysis)).toEqual([
      { source: 'derived', label: 'positive', score: derived.detail.eventBody.score },
    ]);
  });

  it('ends with one derived analysis when SESSION_ENDED is redelivered before the first derivation is back', async () => {
    const { table, publish, dependencies } = setUp();
    await lambdaHandler(utterances, dependencies);

    const first = await lambdaHandler(sessionEnded, dependencies);
    const redelivery = await lambdaHandler(sessionEnded, dependencies);
    for (const event of publish.published) await lambdaHandler(asReceived(event), dependencies);

    expect([first, redelivery]).toEqual([
      { stored: 'stored', derivation: 'published' },
      { stored: 'duplicate', derivation: 'published' },
    ]);
    const [once, twice] = publish.published;
    expect(once && eventContentKey(once.detail)).toBe(twice && eventContentKey(twice.detail));
    expect(await analysesOf(table)).toHaveLength(1);
  });

  it('publishes nothing for a SESSION_ENDED redelivered after the derived analysis is stored', async () => {
    const { table, publish, dependencies } = setUp();
    await lambdaHandler(utterances, dependencies);
    await lambdaHandler(sessionEnded, dependencies);
    for (const event of publish.published) await lambdaHandler(asReceived(event), dependencies);

    const redelivery = await lambdaHandler(sessionEnded, dependencies);

    expect(redelivery).toEqual({ stored: 'duplicate', derivation: 'not-needed' });
    expect(publish.published).toHaveLength(1);
    expect(await analysesOf(table)).toHaveLength(1);
  });

  it('recovers from a failure between storing and publishing: the retry publishes', async () => {
    const { table, publish, dependencies } = setUp(1);
    await lambdaHandler(utterances, dependencies);

    await expect(lambdaHandler(sessionEnded, dependencies)).rejects.toThrow('PutEvents unavailable');
    const retry = await lambdaHandler(sessionEnded, dependencies);
    for (const event of publish.published) await lambdaHandler(asReceived(event), dependencies);

    expect(retry).toEqual({ stored: 'duplicate', derivation: 'published' });
    expect(publish.published).toHaveLength(1);
    expect(await analysesOf(table)).toHaveLength(1);
  });

  it('derives nothing for a conversation with a Genesys label', async () => {
    const { publish, dependencies } = setUp();
    await lambdaHandler(utterances, dependencies);
    await lambdaHandler(publishedEvent(seedCallAnalysis({ sentiment: 'neutral' })), dependencies);

    const outcome = await lambdaHandler(sessionEnded, dependencies);

    expect(outcome).toEqual({ stored: 'stored', derivation: 'not-needed' });
    expect(publish.calls).toBe(0);
  });

  it('derives nothing from a session without final utterances', async () => {
    const { publish, dependencies } = setUp();

    const outcome = await lambdaHandler(sessionEnded, dependencies);

    expect(outcome).toEqual({ stored: 'stored', derivation: 'no-transcript' });
    expect(publish.calls).toBe(0);
  });

  it('does not derive on a transcription event of an ongoing session', async () => {
    const { publish, dependencies } = setUp();

    expect(await lambdaHandler(utterances, dependencies)).toEqual({ stored: 'stored' });
    expect(publish.calls).toBe(0);
  });
});
