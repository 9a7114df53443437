import { CloudFormationClient, ListStackResourcesCommand } from '@aws-sdk/client-cloudformation';
import {
  DescribeArchiveCommand,
  DescribeEventBusCommand,
  DescribeReplayCommand,
  DescribeRuleCommand,
  EventBridgeClient,
  StartReplayCommand,
} from '@aws-sdk/client-eventbridge';
import { afterAll, beforeEach, describe, expect, it } from '@jest/globals';
import { mockClient } from 'aws-sdk-client-mock';
import { runCli } from '../test-support/memory-io';

const WINDOW = ['--from', '2025-03-14T00:00:00Z', '--to', '2025-03-15T00:00:00Z'];

describe('genesys-events backfill --stage prod', () => {
  const cloudFormationMock = mockClient(CloudFormationClient);
  const eventBridgeMock = mockClient(EventBridgeClient);
  const busArn = 'arn:aws:events:eu-west-1:301234567890:event-bus/genesys-events-prod';
  const archiveArn = 'arn:aws:events:eu-west-1:301234567890:archive/genesys-events-prod-archive';
  const ruleArn = 'arn:aws:events:eu-west-1:301234567890:rule/genesys-events-prod/analytics-consume';

  beforeEach(() => {
    cloudFormationMock.reset();
    eventBridgeMock.reset();
    cloudFormationMock.on(ListStackResourcesCommand, { StackName: 'genesys-events-analytics-prod' }).resolves({
      StackResourceSummaries: [
        {
          ResourceType: 'AWS::Events::Rule',
          LogicalResourceId: 'Consume',
          PhysicalResourceId: 'genesys-events-prod|analytics-consume',
          ResourceStatus: 'CREATE_COMPLETE',
          LastUpdatedTimestamp: new Date(0),
        },
      ],
    });
    eventBridgeMock.on(DescribeRuleCommand).resolves({ Arn: ruleArn });
    eventBridgeMock.on(DescribeEventBusCommand).resolves({ Arn: busArn });
    eventBridgeMock.on(DescribeArchiveCommand).resolves({ ArchiveArn: archiveArn });
    eventBridgeMock.on(StartReplayCommand).resolves({ ReplayArn: 'arn:replay', State: 'STARTING' });
  });
  afterAll(() => {
    cloudFormationMock.restore();
    eventBridgeMock.restore();
  });

  it("replays the window from the stage's archive to the service's rules only", async () => {
    const { code, stdout } = await runCli([
      'backfill',
      '--service',
      'analytics',
      ...WINDOW,
      '--stage',
      'prod',
      '--region',
      'eu-west-1',
      '--json',
    ]);

    expect(code).toBe(0);
    const [start] = eventBridgeMock.commandCalls(StartReplayCommand);
    expect(start?.args[0].input).toEqual({
      ReplayName: expect.stringMatching(/^backfill-analytics-\d{8}T\d{6}Z-[0-9a-f]{4}$/),
      Description: 'genesys-events backfill of analytics',
      EventSourceArn: archiveArn,
      EventStartTime: new Date('2025-03-14T00:00:00Z'),
      EventEndTime: new Date('2025-03-15T00:00:00Z'),
      Destination: { Arn: busArn, FilterArns: [ruleArn] },
    });
    expect(eventBridgeMock.commandCalls(DescribeArchiveCommand)[0]?.args[0].input).toEqual({
      ArchiveName: 'genesys-events-prod-archive',
    });
    expect(JSON.parse(stdout)).toMatchObject({
      state: 'STARTING',
      replayArn: 'arn:replay',
      rules: [ruleArn],
      stage: 'prod',
    });
    expect(eventBridgeMock.commandCalls(DescribeReplayCommand)).toHaveLength(0);
  });

  it('with --wait, follows the replay to its end', async () => {
    eventBridgeMock.on(DescribeReplayCommand).resolves({ State: 'COMPLETED' });

    const { code, stdout } = await runCli([
      'backfill',
      '--service',
      'analytics',
      ...WINDOW,
      '--stage',
      'prod',
      '--wait',
      '--json',
    ]);

    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(stdout)).toMatchObject({ state: 'COMPLETED' });
  });

  it('exits 1 when the replay fails, with its reason', async () => {
    eventBridgeMock.on(DescribeReplayCommand).resolves({ State: 'FAILED', StateReason: 'archive key disabled' });

    const { code, stdout, stderr } = await runCli([
      'backfill',
      '--service',
      'analytics',
      ...WINDOW,
      '--stage',
      'prod',
      '--wait',
    ]);

    expect(code).toBe(1);
    expect(stdout).toMatch(/FAILED: archive key disabled/);
    expect(stderr).toContain('the replay ended FAILED: archive key disabled');
  });

  it('says the service is unknown when it has no stack (exit 2)', async () => {
    cloudFormationMock.on(ListStackResourcesCommand).rejects(
      Object.assign(new Error('Stack with id genesys-events-billing-prod does not exist'), {
        name: 'ValidationError',
      }),
    );

    const { code, stderr } = await runCli(['backfill', '--service', 'billing', ...WINDOW, '--stage', 'prod']);

    expect(code).toBe(2);
    expect(stderr).toContain('unknown service: there is no stack genesys-events-billing-prod');
    expect(eventBridgeMock.commandCalls(StartReplayCommand)).toHaveLength(0);
  });
});
