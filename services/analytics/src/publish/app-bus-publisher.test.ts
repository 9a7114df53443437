import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { AppBusEvent } from '@genesys-events/core';
import { beforeEach, describe, expect, it } from '@jest/globals';
import { mockClient } from 'aws-sdk-client-mock';
import { appBusPublisher, PublishError } from './app-bus-publisher';

const BUS = 'genesys-events-test';

const eventBridge = mockClient(EventBridgeClient);
const client = new EventBridgeClient({
  region: 'eu-west-1',
  credentials: { accessKeyId: 'test-access-key', secretAccessKey: 'test-secret-key' },
});
const publish = appBusPublisher({ client, eventBusName: BUS });

const derived: AppBusEvent = {
  source: 'genesys-events.analytics',
  detailType: 'call.analysis.completed',
  detail: {
    topicName: 'call.analysis.completed',
    eventBody: { interactionId: 'c-1', transcript: 'great', sentiment: 'positive', score: 3, source: 'derived' },
    metadata: {},
    timestamp: '2091-06-15T10:01:00.000Z',
  },
};

const rejectionOf = async (promise: Promise<unknown>): Promise<unknown> => {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
};

beforeEach(() => {
  eventBridge.reset();
});

describe('appBusPublisher', () => {
  it('puts one entry on the bus with the source, detail-type and detail as JSON', async () => {
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'evt-1' }] });

    await publish(derived);

    const calls = eventBridge.commandCalls(PutEventsCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.args[0].input).toEqual({
      Entries: [
        {
          EventBusName: BUS,
          Source: 'genesys-events.analytics',
          DetailType: 'call.analysis.completed',
          Detail: JSON.stringify(derived.detail),
        },
      ],
    });
  });

  it('rejects with PublishError when the entry failed', async () => {
    eventBridge.on(PutEventsCommand).resolves({
      FailedEntryCount: 1,
      Entries: [{ ErrorCode: 'InternalFailure', ErrorMessage: 'try again' }],
    });

    const error = await rejectionOf(publish(derived));

    expect(error).toBeInstanceOf(PublishError);
    expect((error as Error).message).toContain('InternalFailure');
  });

  it('rejects with PublishError when the bus answered no event id', async () => {
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [] });

    await expect(publish(derived)).rejects.toBeInstanceOf(PublishError);
  });

  it('rejects with PublishError, the request error as cause, when the request failed', async () => {
    const throttled = Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
    eventBridge.on(PutEventsCommand).rejects(throttled);

    const error = await rejectionOf(publish(derived));

    expect(error).toBeInstanceOf(PublishError);
    expect((error as Error).cause).toBe(throttled);
  });
});
