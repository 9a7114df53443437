import { CloudFormationClient, ListStackResourcesCommand } from '@aws-sdk/client-cloudformation';
import {
  DescribeReplayCommand,
  DescribeRuleCommand,
  EventBridgeClient,
  StartReplayCommand,
} from '@aws-sdk/client-eventbridge';
import { beforeEach, describe, expect, it } from '@jest/globals';
import { mockClient } from 'aws-sdk-client-mock';
import { CliError } from '../cli/errors';
import { replayPercent, waitForReplay } from './cloud-replay';
import { findServiceRules } from './cloud-rules';

const config = { region: 'eu-west-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };
const cloudFormationMock = mockClient(CloudFormationClient);
const eventBridgeMock = mockClient(EventBridgeClient);
const cloudFormation = new CloudFormationClient(config);
const eventBridge = new EventBridgeClient(config);
const BUS = 'genesys-events-prod';
const ruleArn = (name: string) => `arn:aws:events:eu-west-1:301234567890:rule/${BUS}/${name}`;

beforeEach(() => {
  cloudFormationMock.reset();
  eventBridgeMock.reset();
});

describe('findServiceRules', () => {
  it("takes the app-bus rules of the service's stack, over every page, and leaves the others out", async () => {
    cloudFormationMock
      .on(ListStackResourcesCommand)
      .resolvesOnce({
        NextToken: 'page-2',
        StackResourceSummaries: [
          rule('ConsumeRule', `${BUS}|consume`),
          { ResourceType: 'AWS::Lambda::Function', PhysicalResourceId: 'fn', LogicalResourceId: 'Fn' } as never,
        ],
      })
      .resolves({
        StackResourceSummaries: [rule('PartnerRule', 'partner-bus|forward'), rule('DeriveRule', `${BUS}|derive`)],
      });
    eventBridgeMock.on(DescribeRuleCommand).callsFake(({ Name }: { Name: string }) => ({ Arn: ruleArn(Name) }));

    const arns = await findServiceRules({
      cloudFormation,
      eventBridge,
      stackName: 'genesys-events-analytics-prod',
      busName: BUS,
    });

    expect(arns).toEqual([ruleArn('consume'), ruleArn('derive')]);
    expect(eventBridgeMock.commandCalls(DescribeRuleCommand).map((call) => call.args[0].input)).toEqual([
      { Name: 'consume', EventBusName: BUS },
      { Name: 'derive', EventBusName: BUS },
    ]);
  });

  it('leaves out a rule of the default bus (named without a bus), which is not on the app bus', async () => {
    cloudFormationMock.on(ListStackResourcesCommand).resolves({ StackResourceSummaries: [rule('Timer', 'timer')] });
    eventBridgeMock
      .on(DescribeRuleCommand)
      .rejects(Object.assign(new Error('no rule'), { name: 'ResourceNotFoundException' }));

    expect(await findServiceRules({ cloudFormation, eventBridge, stackName: 's', busName: BUS })).toEqual([]);
  });

  it('says the service is unknown (a usage error) when its stack does not exist', async () => {
    cloudFormationMock
      .on(ListStackResourcesCommand)
      .rejects(
        Object.assign(new Error('Stack with id genesys-events-nope-prod does not exist'), { name: 'ValidationError' }),
      );

    const found = findServiceRules({
      cloudFormation,
      eventBridge,
      stackName: 'genesys-events-nope-prod',
      busName: BUS,
    });

    await expect(found).rejects.toThrow(CliError);
    await expect(found).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringContaining('genesys-events-nope-prod'),
    });
  });

  it('passes any other failure on (credentials, throttling)', async () => {
    cloudFormationMock
      .on(ListStackResourcesCommand)
      .rejects(Object.assign(new Error('denied'), { name: 'AccessDenied' }));

    await expect(findServiceRules({ cloudFormation, eventBridge, stackName: 's', busName: BUS })).rejects.toThrow(
      'denied',
    );
  });
});

describe('waitForReplay', () => {
  it('asks until the replay ends, sleeping the interval between asks, and reports each answer', async () => {
    eventBridgeMock
      .on(DescribeReplayCommand)
      .resolvesOnce({ State: 'STARTING' })
      .resolvesOnce({ State: 'RUNNING' })
      .resolves({ State: 'COMPLETED' });
    const slept: number[] = [];
    const seen: string[] = [];

    const last = await waitForReplay({
      eventBridge,
      replayName: 'r',
      intervalMs: 15_000,
      sleep: async (ms) => {
        slept.push(ms);
      },
      onPoll: (replay) => seen.push(replay.State ?? ''),
    });

    expect(last.State).toBe('COMPLETED');
    expect(seen).toEqual(['STARTING', 'RUNNING', 'COMPLETED']);
    expect(slept).toEqual([15_000, 15_000]);
    expect(eventBridgeMock.commandCalls(StartReplayCommand)).toHaveLength(0);
  });

  it.each(['FAILED', 'CANCELLED'])('stops at %s', async (state) => {
    eventBridgeMock.on(DescribeReplayCommand).resolves({ State: state as 'FAILED', StateReason: 'why' });

    const last = await waitForReplay({ eventBridge, replayName: 'r', intervalMs: 1, sleep: async () => {} });

    expect(last).toMatchObject({ State: state, StateReason: 'why' });
  });
});

describe('replayPercent', () => {
  const from = new Date('2025-03-01T00:00:00Z');
  const to = new Date('2025-03-11T00:00:00Z');

  it.each([
    [undefined, 'RUNNING', 0],
    [new Date('2025-03-06T00:00:00Z'), 'RUNNING', 50],
    [new Date('2025-03-12T00:00:00Z'), 'RUNNING', 100],
    [undefined, 'COMPLETED', 100],
  ] as const)('last replayed %p, %s: %p%%', (last, state, expected) => {
    expect(
      replayPercent({
        EventStartTime: from,
        EventEndTime: to,
        EventLastReplayedTime: last,
        State: state,
        $metadata: {},
      }),
    ).toBe(expected);
  });
});

function rule(logicalId: string, physicalId: string) {
  return {
    ResourceType: 'AWS::Events::Rule',
    LogicalResourceId: logicalId,
    PhysicalResourceId: physicalId,
    ResourceStatus: 'CREATE_COMPLETE' as const,
    LastUpdatedTimestamp: new Date(0),
  };
}
