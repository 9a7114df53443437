import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { AthenaClient } from '@aws-sdk/client-athena';
import { AWS_CLIENT_SETTINGS, readRetentionDays } from '@genesys-events/consumer-kit/store';
import { startQuery } from '@genesys-events/lake/athena';
import middy from '@middy/core';
import type { ScheduledEvent } from 'aws-lambda';
import { readLakeTarget } from '../config';
import { type LakeStatement, startToken, statementSql } from '../model/lake-statements';
import { logger } from '../observability/logger';
import { metrics } from '../observability/metrics';

const DAY_MS = 86_400_000;

/**
 * The lake's nightly retention (schedule): starts the `DELETE` of every row received more than `retentionDays`
 * ago (the cutoff at UTC midnight, so a repeated run the same day starts nothing new); its query state event
 * carries the chain on to compaction and `VACUUM`, which expires old snapshots so deleted rows leave the
 * files (`report-lake-query`).
 *
 * @example
 * ```ts
 * await lambdaHandler({}, { retentionDays: 90, now: () => new Date(), start });
 * ```
 */
export const lambdaHandler = async (
  _event: unknown,
  {
    retentionDays,
    now,
    start,
  }: { retentionDays: number; now: () => Date; start: (statement: LakeStatement) => Promise<string> },
): Promise<{ queryId: string; cutoff: string }> => {
  const midnight = Date.parse(now().toISOString().slice(0, 10));
  const cutoff = new Date(midnight - retentionDays * DAY_MS).toISOString();
  const queryId = await start({ kind: 'expire', cutoff, attempt: 1 });
  logger.info('lake retention started', { cutoff, queryId });
  return { queryId, cutoff };
};

const env = process.env;
const { workGroup, database } = readLakeTarget(env);
const athena = new AthenaClient(AWS_CLIENT_SETTINGS);
const retentionDays = readRetentionDays(env);

export const handler = middy((event: ScheduledEvent) =>
  lambdaHandler(event, {
    retentionDays,
    now: () => new Date(),
    start: (statement) => startQuery(athena, statementSql(statement), { workGroup, database }, startToken(statement)),
  }),
)
  .use(logMetrics(metrics))
  .use(injectLambdaContext(logger, { resetKeys: true }));
