import { EventBridgeClient, EventBridgeServiceException, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { AppBusEvent } from '@genesys-events/core';
import { beforeEach, describe, expect, it } from '@jest/globals';
import { mockClient } from 'aws-sdk-client-mock';
import { appBusPublisher } from './app-bus-publisher';
import { EventTooLargeError, PublishError } from './publish-error';

const BUS = 'genesys-events-test';
const LIMIT = 256 * 1024;

const eventBridge = mockClient(EventBridgeClient);
const client = new EventBridgeClient({
  region: 'eu-west-1',
  credentials: { accessKeyId: 'test-access-key', secretAccessKey: 'test-secret-key' },
});
const publish = appBusPublisher({ client, eventBusName: BUS });

const appBusEvent = (
  eventBody: Record<string, unknown> = { conversation: { id: 'c-1', type: 'call' } },
): AppBusEvent => ({
  source: 'genesys-events.webhooks',
  detailType: 'conversation:created',
  detail: {
    topicName: 'conversation:created',
    version: 'seed',
    eventBody,
    metadata: {},
    gateway: { transport: 'genesys-header', scheme: 'seed-header', receivedAt: '2025-03-14T09:26:54.001Z' },
  },
});

/** An event whose PutEvents entry (detail + detail-type + source) is exactly `entryBytes` long. */
const eventOfEntrySize = (entryBytes: number): AppBusEvent => {
  const base = appBusEvent({ padding: '' });
  const overhead =
    Buffer.byteLength(JSON.stringify(base.detail)) +
    Buffer.byteLength(base.detailType) +
    Buffer.byteLength(base.source);
  return appBusEvent({ padding: 'x'.repeat(entryBytes - overhead) });
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
  it('resolves with the event id PutEvents gave the entry', async () => {
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'evt-1234' }] });

    const eventId = await publish(appBusEvent());

    expect(eventId).toBe('evt-1234');
  });

  it('sends one entry for the bus with the source, detail-type and detail as JSON', async () => {
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'evt-1' }] });
    const event = appBusEvent();

    await publish(event);

    const calls = eventBridge.commandCalls(PutEventsCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.args[0].input).toEqual({
      Entries: [
        {
          EventBusName: BUS,
          Source: 'genesys-events.webhooks',
          DetailType: 'conversation:created',
          Detail: JSON.stringify(event.detail),
        },
      ],
    });
  });

  it('rejects with a PublishError when PutEvents reports a failed entry', async () => {
    eventBridge.on(PutEventsCommand).resolves({
      FailedEntryCount: 1,
      Entries: [{ ErrorCode: 'InternalFailure', ErrorMessage: 'try again' }],
    });

    const error = await rejectionOf(publish(appBusEvent()));

    expect(error).toBeInstanceOf(PublishError);
    expect(error).toMatchObject({
      reason: 'entry_failed',
      details: { errorCode: 'InternalFailure', failedEntryCount: '1' },
    });
  });

  it('rejects with a PublishError when the accepted entry has no event id', async () => {
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{}] });

    const error = await rejectionOf(publish(appBusEvent()));

    expect(error).toBeInstanceOf(PublishError);
    expect(error).toMatchObject({ reason: 'entry_failed' });
  });

  it('rejects with a PublishError when PutEvents answers without entries', async () => {
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0 });

    const error = await rejectionOf(publish(appBusEvent()));

    expect(error).toBeInstanceOf(PublishError);
  });

  it('rejects with a PublishError that keeps the client error as its cause', async () => {
    const throttling = new EventBridgeServiceException({
      name: 'ThrottlingException',
      $fault: 'client',
      $metadata: { httpStatusCode: 400 },
      message: 'Rate exceeded',
    });
    eventBridge.on(PutEventsCommand).rejects(throttling);

    const error = await rejectionOf(publish(appBusEvent()));

    expect(error).toBeInstanceOf(PublishError);
    expect(error).toMatchObject({ reason: 'request_failed', details: { errorName: 'ThrottlingException' } });
    expect((error as PublishError).cause).toBe(throttling);
  });

  it('rejects with an EventTooLargeError and sends nothing when the entry exceeds 256 KiB', async () => {
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'evt-1' }] });

    const error = await rejectionOf(publish(eventOfEntrySize(LIMIT + 1)));

    expect(error).toBeInstanceOf(EventTooLargeError);
    expect(error).toMatchObject({ entryBytes: LIMIT + 1 });
    expect(eventBridge.calls()).toHaveLength(0);
  });

  it('publishes an entry of exactly 256 KiB', async () => {
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'evt-limit' }] });

    const eventId = await publish(eventOfEntrySize(LIMIT));

    expect(eventId).toBe('evt-limit');
  });

  it('counts the entry size in UTF-8 bytes, not in characters', async () => {
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'evt-1' }] });
    // Each 'é' is one character but two bytes: the detail is under 256 Ki characters yet over 256 KiB.
    const event = appBusEvent({ padding: 'é'.repeat(LIMIT / 2) });

    const error = await rejectionOf(publish(event));

    expect(JSON.stringify(event.detail).length).toBeLessThan(LIMIT);
    expect(error).toBeInstanceOf(EventTooLargeError);
  });
});
