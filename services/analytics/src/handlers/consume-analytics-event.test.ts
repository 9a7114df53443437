import { describe, expect, it } from '@jest/globals';
import { UnusableEventError } from '../model/analytics-event';
import {
  CONVERSATION_ID,
  detailNotification,
  gateway,
  partnerEvent,
  publishedEvent,
  T0,
  transcriptionNotification,
  utterance,
} from '../test-support/app-bus-events';
import { inMemoryTable } from '../test-support/fakes';

// The handler module reads its configuration and creates its clients when it is imported.
process.env.ANALYTICS_TABLE_NAME = 'genesys-events-test-analytics';
process.env.AWS_REGION = 'eu-west-1';
process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';

const { lambdaHandler } = await import('./consume-analytics-event');

const utterances = partnerEvent(
  transcriptionNotification(T0 + 30_000, [utterance('u-1', 'Thanks, that fixed it, brilliant', 4000)]),
);

const setUp = () => {
  const table = inMemoryTable();
  return { table, dependencies: { table } };
};

describe('consume-analytics-event lambdaHandler', () => {
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

  it('stores a session end like any event and leaves the derivation to the deriver', async () => {
    const { table, dependencies } = setUp();
    const ended = transcriptionNotification(T0 + 60_000, [utterance('u-2', 'Bye', 9000)], { status: 'SESSION_ENDED' });

    const outcome = await lambdaHandler(partnerEvent(ended), dependencies);

    expect(outcome).toEqual({ stored: 'stored' });
    expect(await table.listConversation(CONVERSATION_ID)).toEqual([
      expect.objectContaining({ sessionEnded: true, utterances: [expect.objectContaining({ text: 'Bye' })] }),
    ]);
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

    await expect(lambdaHandler(utterances, { table })).rejects.toBe(failure);
  });
});
