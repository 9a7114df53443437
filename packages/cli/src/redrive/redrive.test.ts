import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import {
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  type Message,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { beforeEach, describe, expect, it } from '@jest/globals';
import { mockClient } from 'aws-sdk-client-mock';
import { approximateDepth, entryOf, redrive } from './redrive';

const QUEUE_URL = 'https://sqs.eu-west-1.amazonaws.com/301234567890/genesys-events-dev-conversation-events-dlq';
const BUS = 'genesys-events-dev';
const config = { region: 'eu-west-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };

const sqsMock = mockClient(SQSClient);
const eventBridgeMock = mockClient(EventBridgeClient);
const sqs = new SQSClient(config);
const eventBridge = new EventBridgeClient(config);

/** A dead-lettered app-bus event, as the rule target's DLQ keeps it: the whole EventBridge event. */
const deadLetter = (id: string): Message => ({
  MessageId: `m-${id}`,
  ReceiptHandle: `rh-${id}`,
  Body: JSON.stringify({
    version: '0',
    id: `evt-${id}`,
    'detail-type': 'v2.detail.events.conversation.{id}.customer.end',
    source: 'genesys-events.webhooks',
    account: '301234567890',
    time: '2026-01-15T10:00:00Z',
    region: 'eu-west-1',
    resources: [],
    detail: { topicName: `v2.detail.events.conversation.${id}.customer.end`, eventBody: { conversationId: id } },
  }),
});

const deletedHandles = () => sqsMock.commandCalls(DeleteMessageCommand).map((call) => call.args[0].input.ReceiptHandle);

beforeEach(() => {
  sqsMock.reset();
  eventBridgeMock.reset();
});

describe('redrive', () => {
  it('puts each event back with its source, detail-type and detail, then deletes it', async () => {
    sqsMock
      .on(ReceiveMessageCommand)
      .resolvesOnce({ Messages: [deadLetter('c-1'), deadLetter('c-2')] })
      .resolves({ Messages: [] });
    eventBridgeMock
      .on(PutEventsCommand)
      .resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'n-1' }, { EventId: 'n-2' }] });

    const counts = await redrive({ sqs, eventBridge, queueUrl: QUEUE_URL, busName: BUS });

    expect(counts).toEqual({ received: 2, moved: 2, failed: 0, invalid: 0, wouldMove: 0 });
    const [put] = eventBridgeMock.commandCalls(PutEventsCommand);
    expect(put?.args[0].input.Entries?.[0]).toEqual({
      EventBusName: BUS,
      Source: 'genesys-events.webhooks',
      DetailType: 'v2.detail.events.conversation.{id}.customer.end',
      Detail: JSON.stringify({
        topicName: 'v2.detail.events.conversation.c-1.customer.end',
        eventBody: { conversationId: 'c-1' },
      }),
    });
    expect(deletedHandles()).toEqual(['rh-c-1', 'rh-c-2']);
  });

  it('deletes only the messages whose entries PutEvents accepted', async () => {
    sqsMock
      .on(ReceiveMessageCommand)
      .resolvesOnce({ Messages: [deadLetter('c-1'), deadLetter('c-2'), deadLetter('c-3')] })
      .resolves({ Messages: [] });
    eventBridgeMock.on(PutEventsCommand).resolves({
      FailedEntryCount: 1,
      Entries: [{ EventId: 'n-1' }, { ErrorCode: 'InternalFailure', ErrorMessage: 'try again' }, { EventId: 'n-3' }],
    });
    const problems: string[] = [];

    const counts = await redrive({
      sqs,
      eventBridge,
      queueUrl: QUEUE_URL,
      busName: BUS,
      onProblem: (id, reason) => problems.push(`${id}: ${reason}`),
    });

    expect(counts).toMatchObject({ received: 3, moved: 2, failed: 1 });
    expect(deletedHandles()).toEqual(['rh-c-1', 'rh-c-3']);
    expect(problems).toEqual(['m-c-2: PutEvents refused it: InternalFailure try again']);
  });

  it('deletes nothing and stops when PutEvents fails as a whole', async () => {
    sqsMock.on(ReceiveMessageCommand).resolves({ Messages: [deadLetter('c-1')] });
    eventBridgeMock.on(PutEventsCommand).rejects(new Error('throttled'));

    const counts = await redrive({ sqs, eventBridge, queueUrl: QUEUE_URL, busName: BUS });

    expect(counts).toMatchObject({ received: 1, moved: 0, failed: 1 });
    expect(sqsMock.commandCalls(ReceiveMessageCommand)).toHaveLength(1);
    expect(deletedHandles()).toEqual([]);
  });

  it('leaves messages that are not EventBridge events on the queue', async () => {
    const invalid: Message[] = [
      { MessageId: 'm-x', ReceiptHandle: 'rh-x', Body: 'not json' },
      { MessageId: 'm-y', ReceiptHandle: 'rh-y', Body: '{"detail":{}}' },
    ];
    sqsMock
      .on(ReceiveMessageCommand)
      .resolvesOnce({ Messages: [...invalid, deadLetter('c-1')] })
      .resolves({ Messages: [] });
    eventBridgeMock.on(PutEventsCommand).resolves({ Entries: [{ EventId: 'n-1' }] });

    const counts = await redrive({ sqs, eventBridge, queueUrl: QUEUE_URL, busName: BUS });

    expect(counts).toMatchObject({ received: 3, moved: 1, invalid: 2 });
    expect(deletedHandles()).toEqual(['rh-c-1']);
  });

  it('moves and deletes nothing on a dry run, counting each message once', async () => {
    sqsMock.on(ReceiveMessageCommand).resolves({ Messages: [deadLetter('c-1'), deadLetter('c-2')] });

    const counts = await redrive({ sqs, eventBridge, queueUrl: QUEUE_URL, busName: BUS, dryRun: true });

    expect(counts).toEqual({ received: 2, moved: 0, failed: 0, invalid: 0, wouldMove: 2 });
    expect(eventBridgeMock.commandCalls(PutEventsCommand)).toHaveLength(0);
    expect(deletedHandles()).toEqual([]);
  });

  it('receives no more than --max messages', async () => {
    sqsMock.on(ReceiveMessageCommand).callsFake((input: { MaxNumberOfMessages: number }) => ({
      Messages: Array.from({ length: input.MaxNumberOfMessages }, (_, index) =>
        deadLetter(`c-${Math.random()}-${index}`),
      ),
    }));
    eventBridgeMock.on(PutEventsCommand).callsFake((input: { Entries: unknown[] }) => ({
      Entries: input.Entries.map((_, index) => ({ EventId: `n-${index}` })),
    }));

    const counts = await redrive({ sqs, eventBridge, queueUrl: QUEUE_URL, busName: BUS, max: 13 });

    expect(counts).toMatchObject({ received: 13, moved: 13 });
    const asked = sqsMock.commandCalls(ReceiveMessageCommand).map((call) => call.args[0].input.MaxNumberOfMessages);
    expect(asked).toEqual([10, 3]);
  });
});

describe('entryOf', () => {
  it.each([
    [undefined, 'not JSON'],
    ['[]', 'not an EventBridge event'],
    ['{"source":"s","detail-type":"t","detail":"text"}', 'not an EventBridge event'],
  ])('refuses %j', (body, reason) => {
    expect(() => entryOf(body, BUS)).toThrow(reason);
  });
});

describe('approximateDepth', () => {
  it('reads the approximate number of messages, and says 0 when SQS will not', async () => {
    sqsMock
      .on(GetQueueAttributesCommand)
      .resolvesOnce({ Attributes: { ApproximateNumberOfMessages: '42' } })
      .rejects(new Error('denied'));

    expect(await approximateDepth(sqs, QUEUE_URL)).toBe(42);
    expect(await approximateDepth(sqs, QUEUE_URL)).toBe(0);
  });
});
