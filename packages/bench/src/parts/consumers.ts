/**
 * Consumer cost, in-process: each app-bus consumer's real handler (its production bundle) against a real
 * dynalite on 127.0.0.1, with the tables created from the services' CloudFormation resources by
 * local-stack's `createTables`. Counts DynamoDB requests per new event and per duplicate at the SDK client.
 */
import type { AddressInfo } from 'node:net';
import { createTables } from '@genesys-events/local-stack/create-tables.cjs';
import dynalite from 'dynalite';
import { type BuiltFunction, importHandler, readBuiltFunctions } from '../build-functions';
import { lambdaEnvironment } from '../environment';
import { benchId, partnerEnvelopeJson, seedEventJson } from '../fixtures/bodies';
import { forwardedTargetEvent, lambdaContext, publishedTargetEvent } from '../fixtures/lambda-events';
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
    const consumers = readBuiltFunctions(paths).filter((fn) => fn.trigger.kind === 'eventbridge');
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
  let next = firstId;
  const newEvent = () => {
    const n = next;
    next += 1;
    // Half seed events published by ingest, half Genesys envelopes forwarded from the partner bus.
    const id = benchId(n);
    const event =
      n % 2 === 0 ? publishedTargetEvent(seedEventJson(id), id) : forwardedTargetEvent(partnerEnvelopeJson(id));
    stored.push(JSON.stringify(event));
    return event;
  };
  const consume = (expected: string) => async (event: unknown) => {
    const outcome = outcomeOf(await handler(event, context));
    if (outcome !== expected) throw new Error(`bench: ${fn.name} answered ${outcome} for a ${expected} event`);
  };
  // One of each first, so that a consumer that does not store or dedupe fails loudly.
  await consume('stored')(newEvent());
  await consume('duplicate')(JSON.parse(stored[0] ?? '{}'));

  const run = async (expected: 'stored' | 'duplicate', nextEvent: () => unknown) => {
    let event: unknown;
    let calls = 0;
    const call = consume(expected);
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
  const fresh = await run('stored', newEvent);
  let replayed = 0;
  const dup = await run('duplicate', () => {
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

/** conversation-events answers `'stored' | 'duplicate'`, analytics `{ stored: 'stored' | 'duplicate' }`. */
const outcomeOf = (answer: unknown): unknown =>
  typeof answer === 'object' && answer !== null ? (answer as { stored?: unknown }).stored : answer;
