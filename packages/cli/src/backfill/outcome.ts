/**
 * What a backfill ended with: the one JSON line of `--json`, the human line, and the reason to exit 1
 * when it did not fully succeed.
 *
 * @example
 * ```ts
 * const outcome: BackfillOutcome = { json: { replayName, state: 'COMPLETED' }, line: `${replayName} COMPLETED` };
 * ```
 */
export interface BackfillOutcome {
  readonly json: Record<string, unknown>;
  readonly line: string;
  readonly failure?: string | undefined;
}

/**
 * What both backfills take.
 *
 * @example
 * ```ts
 * const request: BackfillRequest = { service: 'analytics', from, to, replayName: 'backfill-analytics-...', json: false };
 * ```
 */
export interface BackfillRequest {
  readonly service: string;
  readonly from: Date;
  readonly to: Date;
  readonly replayName: string;
  readonly json: boolean;
}

/**
 * Waits `ms` milliseconds: between replay polls and between local retries (tests inject their own).
 *
 * @example
 * ```ts
 * await sleep(300);
 * ```
 */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
