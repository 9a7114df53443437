import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, describe, expect, it } from '@jest/globals';
import { mockClient } from 'aws-sdk-client-mock';
import { runCli } from '../test-support/memory-io';

describe('genesys-events redrive', () => {
  const sqsMock = mockClient(SQSClient);
  const eventBridgeMock = mockClient(EventBridgeClient);
  afterAll(() => {
    sqsMock.restore();
    eventBridgeMock.restore();
  });

  it('reports the counts, with the bus named after the stage', async () => {
    sqsMock
      .on(ReceiveMessageCommand)
      .resolvesOnce({ Messages: [{ MessageId: 'm', ReceiptHandle: 'r', Body: '{}' }] })
      .resolves({});

    const { code, stdout } = await runCli([
      'redrive',
      '--queue-url',
      'https://sqs/q',
      '--stage',
      'prod',
      '--region',
      'eu-west-1',
      '--json',
    ]);

    expect(JSON.parse(stdout)).toEqual({
      bus: 'genesys-events-prod',
      dryRun: false,
      received: 1,
      moved: 0,
      failed: 0,
      invalid: 1,
      wouldMove: 0,
    });
    expect(eventBridgeMock.commandCalls(PutEventsCommand)).toHaveLength(0);
    expect(code).toBe(1);
  });
});
