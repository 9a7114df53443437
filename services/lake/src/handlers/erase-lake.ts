import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { AthenaClient } from '@aws-sdk/client-athena';
import { erasureRequestOf } from '@genesys-events/consumer-kit';
import { correlateWithEvent } from '@genesys-events/consumer-kit/observability';
import {
  AWS_CLIENT_SETTINGS,
  type ConversationTable,
  conversationTable,
  documentClient,
} from '@genesys-events/consumer-kit/store';
import type { AppBusEnvelope } from '@genesys-events/core';
import { type AthenaTarget, startQuery } from '@genesys-events/lake/athena';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { readErasuresConfig, readLakeTarget } from '../config';
import { type LakeStatement, startToken, statementSql } from '../model/lake-statements';
import { logger } from '../observability/logger';
import { count, metrics } from '../observability/metrics';

/**
 * The lake's part of `conversation.erasure.requested`: it writes the conversation's tombstone first (from then
 * on Firehose's transformation drops its events), then starts the erasure on the Iceberg table: a count of its
 * rows, whose query state event carries the chain on to the `DELETE` and the report (`report-lake-query`).
 * The start is idempotent on the request, so a redelivered request starts nothing twice. A malformed request
 * is logged and ignored (no store could act on it either).
 *
 * @example
 * ```ts
 * await lambdaHandler(erasureRequestedEnvelope, { tombstones, start });
 * ```
 */
export const lambdaHandler = async (
  event: AppBusEnvelope,
  { tombstones, start }: { tombstones: ConversationTable; start: (statement: LakeStatement) => Promise<string> },
): Promise<{ queryId?: string }> => {
  const request = erasureRequestOf(event);
  if (!request) {
    logger.warn('erasure request not usable', { detailType: event['detail-type'] });
    return {};
  }
  await tombstones.erase(request.conversationId);
  const queryId = await start({ kind: 'erasure-count', ...request, attempt: 1 });
  logger.info('lake erasure started', { ...request, queryId });
  count('LakeErasureStarted');
  return { queryId };
};

const env = process.env;
const { workGroup, database } = readLakeTarget(env);
const target: AthenaTarget = { workGroup, database };
const athena = new AthenaClient(AWS_CLIENT_SETTINGS);
const tombstones = conversationTable({ client: documentClient(), ...readErasuresConfig(env) });

export const handler = middy<AppBusEnvelope, { queryId?: string }, Error, Context>((event: AppBusEnvelope) =>
  lambdaHandler(event, {
    tombstones,
    start: (statement) => startQuery(athena, statementSql(statement), target, startToken(statement)),
  }),
)
  .use(logMetrics(metrics))
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(correlateWithEvent(logger));
