import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { AthenaClient } from '@aws-sdk/client-athena';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { appBusPublisher, type PublishEvent } from '@genesys-events/app-bus';
import { erasureCompletedEvent } from '@genesys-events/consumer-kit';
import { AWS_CLIENT_SETTINGS, requiredSetting } from '@genesys-events/consumer-kit/store';
import { type AthenaTarget, awaitQuery, describeQuery, startQuery } from '@genesys-events/lake/athena';
import middy from '@middy/core';
import type { EventBridgeEvent } from 'aws-lambda';
import { readLakeTarget } from '../config';
import { type LakeStatement, startToken, statementOf, statementSql } from '../model/lake-statements';
import { type NextStep, nextStep } from '../model/next-step';
import { logger } from '../observability/logger';
import { count, metrics } from '../observability/metrics';

/** The EventBridge event Athena sends when a query of the workgroup changes state (the fields read here). */
export type QueryStateChange = Pick<
  EventBridgeEvent<'Athena Query State Change', { queryExecutionId: string; currentState: string }>,
  'detail'
>;

/** What the reporter needs: Athena, starting statements, and publishing on the app bus. */
export interface ReporterDependencies {
  readonly athena: AthenaClient;
  readonly start: (statement: LakeStatement) => Promise<string>;
  readonly publish: PublishEvent;
  readonly now: () => Date;
}

/**
 * Carries the lake's statements on when Athena reports that one ended (rule on the default bus: source
 * `aws.athena`, the lake's workgroup, `SUCCEEDED` or `FAILED`): the next statement of its chain is started,
 * a finished erasure is reported with `conversation.erasure.completed` (service `lake`, the rows it counted),
 * a statement that failed is run again, and after the last attempt counted (`LakeStatementFailed`, alarmed).
 * Queries that are not lake statements (summaries, ad-hoc SQL) are ignored.
 *
 * @example
 * ```ts
 * await lambdaHandler({ detail: { queryExecutionId: 'q-1', currentState: 'SUCCEEDED' } }, dependencies);
 * ```
 */
export const lambdaHandler = async (
  event: QueryStateChange,
  dependencies: ReporterDependencies,
): Promise<NextStep | undefined> => {
  const { queryExecutionId, currentState } = event.detail;
  const statement = statementOf((await describeQuery(dependencies.athena, queryExecutionId)).QueryExecution?.Query);
  if (!statement) return undefined;
  const succeeded = currentState === 'SUCCEEDED';
  const rows =
    succeeded && statement.kind === 'erasure-count' ? await countOf(dependencies.athena, queryExecutionId) : 0;
  const step = nextStep(statement, { succeeded, rows, today: dependencies.now().toISOString().slice(0, 10) });
  await act(step, dependencies);
  logger.info('lake statement ended', {
    statement: statement.kind,
    state: currentState,
    queryExecutionId,
    next: step.action,
  });
  return step;
};

const countOf = async (athena: AthenaClient, queryId: string): Promise<number> => {
  const outcome = await awaitQuery(athena, queryId, { waitMs: 0 });
  return outcome.status === 'succeeded' ? Number(outcome.rows[0]?.n ?? 0) : 0;
};

const act = async (step: NextStep, { start, publish, now }: ReporterDependencies): Promise<void> => {
  switch (step.action) {
    case 'start':
      await start(step.statement);
      return;
    case 'report-erasure': {
      const { conversationId, requestId, rows } = step;
      await publish(
        erasureCompletedEvent({ conversationId, requestId, service: 'lake', deleted: { items: rows } }, now()),
      );
      logger.info('conversation erased', { conversationId, requestId, deletedItems: rows });
      count('ConversationErased');
      return;
    }
    case 'give-up':
      logger.error('lake statement failed for good', {
        statement: step.statement.kind,
        attempts: step.statement.attempt,
      });
      count('LakeStatementFailed');
      return;
    case 'done':
      return;
  }
};

const env = process.env;
const { workGroup, database } = readLakeTarget(env);
const target: AthenaTarget = { workGroup, database };
const athena = new AthenaClient(AWS_CLIENT_SETTINGS);
const dependencies: ReporterDependencies = {
  athena,
  start: (statement) => startQuery(athena, statementSql(statement), target, startToken(statement)),
  publish: appBusPublisher({
    client: new EventBridgeClient(AWS_CLIENT_SETTINGS),
    eventBusName: requiredSetting(env, 'APP_BUS_NAME'),
  }),
  now: () => new Date(),
};

export const handler = middy((event: QueryStateChange) => lambdaHandler(event, dependencies))
  .use(logMetrics(metrics))
  .use(injectLambdaContext(logger, { resetKeys: true }));
