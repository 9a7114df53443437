import {
  DescribeArchiveCommand,
  DescribeEventBusCommand,
  DescribeReplayCommand,
  type DescribeReplayCommandOutput,
  type EventBridgeClient,
  StartReplayCommand,
} from '@aws-sdk/client-eventbridge';
import { CliError } from '../cli/errors';

/**
 * The name of a stage's app-bus archive (`AppBusArchive` in services/ingest/serverless/resources.yml).
 *
 * @example
 * ```ts
 * archiveNameOf('genesys-events-prod'); // 'genesys-events-prod-archive'
 * ```
 */
export const archiveNameOf = (busName: string): string => `${busName}-archive`;

/**
 * What to replay: the window of the stage's archive, onto its app bus, to these rules only.
 *
 * @example
 * ```ts
 * const request: ReplayRequest = { eventBridge, replayName, service: 'analytics', busName: 'genesys-events-prod', from, to, ruleArns };
 * ```
 */
export interface ReplayRequest {
  readonly eventBridge: EventBridgeClient;
  readonly replayName: string;
  readonly service: string;
  readonly busName: string;
  readonly from: Date;
  readonly to: Date;
  readonly ruleArns: readonly string[];
}

/**
 * A started (or finished) replay.
 *
 * @example
 * ```ts
 * const replay: Replay = { replayName: 'backfill-analytics-...', replayArn: 'arn:...', state: 'STARTING', archiveName: 'genesys-events-prod-archive' };
 * ```
 */
export interface Replay {
  readonly replayName: string;
  readonly replayArn?: string | undefined;
  readonly state: string;
  readonly stateReason?: string | undefined;
  readonly archiveName: string;
}

/**
 * Starts an EventBridge replay of the window from the stage's archive onto its app bus, delivered only to
 * `ruleArns` (`Destination.FilterArns`): the other services' rules never see the replayed events.
 *
 * @example
 * ```ts
 * await startServiceReplay({ eventBridge, replayName, service: 'analytics', busName: 'genesys-events-prod', from, to, ruleArns });
 * ```
 */
export const startServiceReplay = async (request: ReplayRequest): Promise<Replay> => {
  const { eventBridge, busName } = request;
  const archiveName = archiveNameOf(busName);
  const bus = await eventBridge.send(new DescribeEventBusCommand({ Name: busName }));
  const archive = await eventBridge.send(new DescribeArchiveCommand({ ArchiveName: archiveName }));
  if (!bus.Arn || !archive.ArchiveArn)
    throw new CliError(`the bus ${busName} or its archive ${archiveName} has no ARN`);
  const started = await eventBridge.send(
    new StartReplayCommand({
      ReplayName: request.replayName,
      Description: `genesys-events backfill of ${request.service}`,
      EventSourceArn: archive.ArchiveArn,
      EventStartTime: request.from,
      EventEndTime: request.to,
      Destination: { Arn: bus.Arn, FilterArns: [...request.ruleArns] },
    }),
  );
  return {
    replayName: request.replayName,
    replayArn: started.ReplayArn,
    state: started.State ?? 'STARTING',
    archiveName,
  };
};

const FINAL_STATES = new Set(['COMPLETED', 'FAILED', 'CANCELLED']);

/**
 * Options of {@link waitForReplay}; `sleep` is injected so tests wait for nothing.
 *
 * @example
 * ```ts
 * const options: WaitOptions = { eventBridge, replayName, intervalMs: 15_000, sleep: (ms) => new Promise((r) => setTimeout(r, ms)) };
 * ```
 */
export interface WaitOptions {
  readonly eventBridge: EventBridgeClient;
  readonly replayName: string;
  readonly intervalMs: number;
  readonly sleep: (ms: number) => Promise<void>;
  /** Each answer of DescribeReplay, for a progress display. */
  readonly onPoll?: (replay: DescribeReplayCommandOutput) => void;
}

/**
 * Polls DescribeReplay until the replay has COMPLETED, FAILED or been CANCELLED, and returns its last
 * answer. Asks first and sleeps between asks, so a replay that is already over costs one call.
 *
 * @example
 * ```ts
 * const { State } = await waitForReplay({ eventBridge, replayName, intervalMs: 15_000, sleep });
 * ```
 */
export const waitForReplay = async (options: WaitOptions): Promise<DescribeReplayCommandOutput> => {
  for (;;) {
    const replay = await options.eventBridge.send(new DescribeReplayCommand({ ReplayName: options.replayName }));
    options.onPoll?.(replay);
    if (FINAL_STATES.has(replay.State ?? '')) return replay;
    await options.sleep(options.intervalMs);
  }
};

/**
 * How far a replay is through its window, 0 to 100, from the time of the last event it replayed.
 *
 * @example
 * ```ts
 * replayPercent({ EventStartTime: from, EventEndTime: to, EventLastReplayedTime: middle, $metadata: {} }); // 50
 * ```
 */
export const replayPercent = (replay: DescribeReplayCommandOutput): number => {
  if (replay.State === 'COMPLETED') return 100;
  const [start, end, last] = [replay.EventStartTime, replay.EventEndTime, replay.EventLastReplayedTime];
  if (!start || !end || !last || end <= start) return 0;
  const percent = ((last.getTime() - start.getTime()) / (end.getTime() - start.getTime())) * 100;
  return Math.max(0, Math.min(100, Math.floor(percent)));
};
