import { CliError } from '../cli/errors';
import type { CliIo } from '../cli/io';
import { progressBar, report } from '../cli/output';
import { archiveDirOf, readArchiveWindow, readLocalRules } from './local-archive';
import { deliverToService, lambdaInvoker } from './local-delivery';
import { type BackfillOutcome, type BackfillRequest, sleep } from './outcome';

/** A cold function (esbuild bundle, first SDK client) can take a few seconds; a stuck one is given up on. */
const INVOKE_TIMEOUT_MS = 30_000;

/**
 * A local backfill request: the archive folder may be named (`--archive-dir`).
 *
 * @example
 * ```ts
 * const request: LocalBackfillRequest = { service: 'analytics', from, to, replayName, json: true };
 * ```
 */
export interface LocalBackfillRequest extends BackfillRequest {
  readonly archiveDir?: string | undefined;
  readonly retrySleep?: (ms: number) => Promise<void>;
}

/**
 * Backfills one service under `npm run dev`: the local archive's events in the window go to the functions
 * of that service whose rules match them, through serverless-offline's Lambda API. Unknown service: exit 2.
 *
 * @example
 * ```ts
 * const outcome = await backfillLocally(io, { service: 'analytics', from, to, replayName, json: false });
 * ```
 */
export const backfillLocally = async (io: CliIo, request: LocalBackfillRequest): Promise<BackfillOutcome> => {
  const dir = archiveDirOf(io, request.archiveDir);
  const localRules = await readLocalRules(dir);
  const rules = localRules.services[request.service];
  if (!rules) {
    const known = Object.keys(localRules.services).join(', ') || 'none';
    throw new CliError(`unknown service "${request.service}": the local system has ${known}`, { exitCode: 2 });
  }
  if (rules.length === 0) throw new CliError(`${request.service} has no rules on the app bus: nothing to backfill`);
  const { events, skipped } = await readArchiveWindow({ dir, from: request.from, to: request.to });
  if (skipped > 0) report(io, `${skipped} unreadable archive line(s) skipped`);
  const progress = progressBar(io, { total: events.length, json: request.json, label: 'backfill' });
  const failures: string[] = [];
  const counts = await deliverToService({
    rules,
    context: localRules,
    events,
    replayName: request.replayName,
    invoke: lambdaInvoker(localRules.lambdaEndpoint, INVOKE_TIMEOUT_MS),
    sleep: request.retrySleep ?? sleep,
    onEvent: () => progress.advance(),
    onFailure: (rule, event, reason) => failures.push(`${rule.function}, event ${event.id}: ${reason}`),
  }).finally(() => progress.stop());
  // After the bar, so they do not garble it; ids and reasons only, never event content.
  for (const failure of failures) report(io, failure);
  const state = counts.failed > 0 ? 'FAILED' : 'COMPLETED';
  return {
    json: {
      replayName: request.replayName,
      state,
      service: request.service,
      stage: 'dev',
      from: request.from.toISOString(),
      to: request.to.toISOString(),
      archive: dir,
      ...counts,
    },
    line: `${request.replayName} ${state}: ${counts.events} archived event(s) in the window, ${counts.matched} for ${request.service}'s rules, ${counts.delivered} delivered, ${counts.failed} failed`,
    failure: counts.failed > 0 ? `${counts.failed} delivery(ies) to ${request.service} failed` : undefined,
  };
};
