/**
 * Consumer cost, in-process: each app-bus consumer's real handler (its production bundle) against a real
 * dynalite on 127.0.0.1, with the tables created from the services' CloudFormation resources by
 * local-stack's `createTables`, fed the bench events its rule matches. Counts DynamoDB requests per new
 * event and per repeated event at the SDK client.
 */

import type { AddressInfo } from 'node:net';
import { createTables } from '@genesys-events/local-stack/create-tables.cjs';
import dynalite from 'dynalite';
import { type BuiltFunction, importHandler, readBuiltFunctions } from '../build-functions';
import { isEventConsumer } from '../consumer-functions';
import { lambdaEnvironment } from '../environment';
import { hasBenchEvents, ruleEventStream } from '../fixtures/app-bus-stream';
import { lambdaContext } from '../fixtures/lambda-events';
import { type Measured, measure } from '../measure';
import type { BenchPaths } from '../paths';
import { type CallCounts, countDynamoRequests, countOutput, DYNAMO_WRITES, stubPutEvents } from '../sdk-stubs';
import { serviceResources } from '../serverless-files';
import type { BenchSettings } from '../settings';

/** One consumer's figures. */
export interface ConsumerFigures {
  readonly newEvents: Measured;
  readonly duplicates: Measured;
  readonly dynamoCallsPerNewEvent: number;
  readonly dynamoWritesPerNewEvent: number;
  readonly dynamoCallsPerDuplicate: number;
  readonly dynamoWritesPerDuplicate: number;
}

/**
 * Runs the consumers part (in a child process of its own).
 *
 * @example
 * ```ts
 * const { storeConversationEvent } = await runConsumersPart(settings, paths);
 * ```
 */
export const runConsumersPart = async (
  settings: BenchSettings,
  paths: BenchPaths,
): Promise<Record<string, ConsumerFigures>> => {
  countOutput();
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  try {
    const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await createTables({ endpoint, resources: serviceResources(paths.root), region: 'eu-west-1' });
    Object.assign(process.env, lambdaEnvironment(), { AWS_ENDPOINT_URL_DYNAMODB: endpoint });
    // A consumer that publishes (analytics' derived events) must not reach AWS; these events never do.
    stubPutEvents();
    const requests = countDynamoRequests();
    const results: Record<string, ConsumerFigures> = {};
    const consumers = readBuiltFunctions(paths).filter(isEventConsumer);
    let firstId = 1;
    for (const fn of consumers) {
      results[fn.name] = await measureConsumer(fn, requests, settings, firstId);
      firstId += 1_000_000;
    }
    return results;
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
};

/**
 * Whether the consumers part measures a function: an app-bus consumer the bench has events for. Erasure
 * functions and the lake's reporter store no events, so their cost per event is not this part's question.
 *
 * @example
 * ```ts
 * readBuiltFunctions(paths).filter(isMeasuredConsumer).map((fn) => fn.name); // ['consumeAnalyticsEvent', ...]
 * ```
 */
export const isMeasuredConsumer = (fn: Pick<BuiltFunction, 'trigger'>): boolean =>
  fn.trigger.kind === 'eventbridge' && hasBenchEvents(fn.trigger);

const measureConsumer = async (
  fn: BuiltFunction,
  requests: CallCounts,
  settings: BenchSettings,
  firstId: number,
): Promise<ConsumerFigures> => {
  Object.assign(process.env, fn.environment);
  const handler = await importHandler(fn);
  const context = lambdaContext();
  const stored: string[] = [];
  const eventOf = ruleEventStream(fn.trigger as Extract<BuiltFunction['trigger'], { kind: 'eventbridge' }>);
  let next = firstId;
  const newEvent = () => {
    const event = eventOf(next);
    next += 1;
    stored.push(JSON.stringify(event));
    return event;
  };
  const first = await handler(newEvent(), context);
  const expected = expectedOutcomes(first);
  if (!expected) throw new Error(`bench: ${fn.name} answered ${JSON.stringify(first)} for a new event`);
  const consume = (outcome: string) => async (event: unknown) => {
    const answered = outcomeOf(await handler(event, context));
    if (answered !== outcome) throw new Error(`bench: ${fn.name} answered ${answered}, expected ${outcome}`);
  };
  // A repeat first, so that a consumer that does not dedupe fails loudly.
  await consume(expected.repeated)(JSON.parse(stored[0] ?? '{}'));

  const run = async (outcome: string, nextEvent: () => unknown) => {
    let event: unknown;
    let calls = 0;
    const call = consume(outcome);
    requests.reset();
    const beforeEach = () => {
      event = nextEvent();
      calls += 1;
    };
    const { task } = await measure(
      [{ name: 'task', async: true, beforeEach, fn: () => call(event) }],
      settings.consumers,
    );
    if (!task) throw new Error('bench: consumer task not measured');
    return {
      measured: task,
      callsPer: requests.total() / calls,
      writesPer: requests.total((operation) => DYNAMO_WRITES.has(operation)) / calls,
    };
  };
  const fresh = await run(expected.fresh, newEvent);
  let replayed = 0;
  const dup = await run(expected.repeated, () => {
    replayed += 1;
    return JSON.parse(stored[replayed % stored.length] ?? '{}');
  });
  return {
    newEvents: fresh.measured,
    duplicates: dup.measured,
    dynamoCallsPerNewEvent: fresh.callsPer,
    dynamoWritesPerNewEvent: fresh.writesPer,
    dynamoCallsPerDuplicate: dup.callsPer,
    dynamoWritesPerDuplicate: dup.writesPer,
  };
};

/**
 * What a consumer answers: conversation-events `'stored' | 'duplicate'`, the analytics consumer
 * `{ stored }`, analytics' deriver `{ derivation }`.
 */
const outcomeOf = (answer: unknown): unknown => {
  if (typeof answer !== 'object' || answer === null) return answer;
  const { stored, derivation } = answer as { stored?: unknown; derivation?: unknown };
  return stored ?? derivation;
};

/**
 * The outcomes to expect from a consumer, from its answer to a new event: a store answers `stored`, then
 * `duplicate` for the same event; the deriver publishes a sentiment for a new session end, and again for
 * the same one (it stores nothing: the consumer's content key collapses the repeat).
 */
const expectedOutcomes = (answer: unknown): { fresh: string; repeated: string } | undefined => {
  const outcome = outcomeOf(answer);
  if (outcome === 'stored') return { fresh: 'stored', repeated: 'duplicate' };
  if (outcome === 'published') return { fresh: 'published', repeated: 'published' };
  return undefined;
};
