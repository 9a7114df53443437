import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { CliError } from '../cli/errors';
import type { CliIo } from '../cli/io';
import { progressBar, report } from '../cli/output';
import { type Replay, replayPercent, startServiceReplay, waitForReplay } from './cloud-replay';
import { findServiceRules, serviceStackName } from './cloud-rules';
import { type BackfillOutcome, type BackfillRequest, sleep } from './outcome';

/**
 * A backfill of a deployed stage.
 *
 * @example
 * ```ts
 * const request: CloudBackfillRequest = { service: 'analytics', from, to, replayName, json: false, stage: 'prod', wait: true, pollIntervalMs: 15_000 };
 * ```
 */
export interface CloudBackfillRequest extends BackfillRequest {
  readonly stage: string;
  readonly region?: string | undefined;
  readonly wait: boolean;
  readonly pollIntervalMs: number;
  readonly pollSleep?: (ms: number) => Promise<void>;
}

/**
 * Backfills one service of a deployed stage: finds the service's rules on the app bus from its stack and
 * starts an EventBridge replay of the window from the stage's archive to those rules only; with `wait`,
 * polls it to the end. Loaded only by `backfill --stage`, so other commands never load the AWS SDK.
 *
 * @example
 * ```ts
 * const outcome = await backfillInCloud(io, { service: 'analytics', from, to, replayName, json: true, stage: 'prod', wait: false, pollIntervalMs: 15_000 });
 * ```
 */
export const backfillInCloud = async (io: CliIo, request: CloudBackfillRequest): Promise<BackfillOutcome> => {
  const config = request.region ? { region: request.region } : {};
  const eventBridge = new EventBridgeClient(config);
  const busName = `genesys-events-${request.stage}`;
  const stackName = serviceStackName(request.service, request.stage);
  const cloudFormation = new CloudFormationClient(config);
  const ruleArns = await findServiceRules({ cloudFormation, eventBridge, stackName, busName });
  if (ruleArns.length === 0) throw new CliError(`${stackName} has no rules on ${busName}: nothing to backfill`);
  let replay: Replay = await startServiceReplay({ ...request, eventBridge, busName, ruleArns });
  const started = `${replay.replayName} ${replay.state}: ${replay.archiveName} -> ${ruleArns.length} rule(s) of ${request.service}, ${request.from.toISOString()} to ${request.to.toISOString()}`;
  if (request.wait) {
    if (!request.json) report(io, started);
    replay = await follow(io, request, eventBridge, replay);
  }
  const json = {
    replayName: replay.replayName,
    replayArn: replay.replayArn,
    state: replay.state,
    ...(replay.stateReason ? { stateReason: replay.stateReason } : {}),
    service: request.service,
    stage: request.stage,
    from: request.from.toISOString(),
    to: request.to.toISOString(),
    archive: replay.archiveName,
    rules: ruleArns,
  };
  const ended = replay.state === 'FAILED' || replay.state === 'CANCELLED';
  return {
    json,
    line: request.wait
      ? `${replay.replayName} ${replay.state}${replay.stateReason ? `: ${replay.stateReason}` : ''}`
      : `${started} (--wait follows it; or aws events describe-replay --replay-name ${replay.replayName})`,
    failure: ended
      ? `the replay ended ${replay.state}${replay.stateReason ? `: ${replay.stateReason}` : ''}`
      : undefined,
  };
};

/** Polls the replay to its end, with a bar of how far through the window it is. */
const follow = async (
  io: CliIo,
  request: CloudBackfillRequest,
  eventBridge: EventBridgeClient,
  replay: Replay,
): Promise<Replay> => {
  const progress = progressBar(io, { total: 100, json: request.json, label: 'replay' });
  let shown = 0;
  const last = await waitForReplay({
    eventBridge,
    replayName: replay.replayName,
    intervalMs: request.pollIntervalMs,
    sleep: request.pollSleep ?? sleep,
    onPoll: (answer) => {
      const percent = replayPercent(answer);
      if (percent > shown) progress.advance(percent - shown);
      shown = Math.max(shown, percent);
    },
  }).finally(() => progress.stop());
  return { ...replay, state: last.State ?? replay.state, stateReason: last.StateReason };
};
