/**
 * The answer-path double of AWS: `send` on the EventBridge and DynamoDB client prototypes answers after a
 * set delay, as a round trip to AWS would, PutEvents accepting every entry and DynamoDB answering from a
 * `DynamoMemory`. It counts each call by command and measures what the caller really waited, and knows
 * how many calls are still unanswered.
 */
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import type { DynamoMemory, SentCommand } from './dynamo-memory';
import { CallCounts } from './sdk-stubs';

/** What the stub saw since its last reset. */
export interface AwsStub {
  /** Calls by command name without its `Command` suffix (`PutEvents`, `PutItem`, ...). */
  readonly calls: CallCounts;
  /** Milliseconds during which at least one call was waiting for its answer (overlapping calls count once). */
  readonly waitedMs: () => number;
  /** Calls made and not answered yet. */
  readonly pending: () => number;
  readonly reset: () => void;
}

/** Options of {@link stubAws}. */
export interface AwsStubOptions {
  /** How long each call takes to be answered, in milliseconds (0: on the next microtask). */
  readonly delayMs: number;
  readonly dynamo: DynamoMemory;
}

type Send = (command: SentCommand) => Promise<unknown>;

/** Timers fire late (here 0.3 to 0.5 ms after a 10 ms one), which would bill the stub's slack to the code. */
const TIMER_SLACK_MS = 1;

/**
 * Waits until a moment: a timer for most of the wait, then turns of the event loop until it has come, so
 * that an answer comes at its delay (a few microseconds after) rather than whenever a timer fires. The
 * loop still runs anything else that is due meanwhile.
 */
const waitUntil = async (moment: number): Promise<void> => {
  const early = moment - performance.now() - TIMER_SLACK_MS;
  if (early > 0) await sleep(early);
  while (performance.now() < moment) await nextTurn();
};

/**
 * Installs the stub on both client prototypes (replacing any earlier stub) and answers its counters.
 *
 * @example
 * ```ts
 * const aws = stubAws({ delayMs: 10, dynamo: dynamoMemory(keySchemasOf(serviceResources(root))) });
 * await handler(event, context);
 * aws.calls.total(); // calls this request made
 * ```
 */
export const stubAws = ({ delayMs, dynamo }: AwsStubOptions): AwsStub => {
  const calls = new CallCounts();
  let waited = 0;
  let pending = 0;
  let waitingSince = 0;
  let eventId = 0;
  const answerAfterDelay =
    (answer: (command: SentCommand) => unknown): Send =>
    async (command) => {
      calls.add(command.constructor.name.replace(/Command$/, ''));
      const started = performance.now();
      if (pending === 0) waitingSince = started;
      pending += 1;
      try {
        await waitUntil(started + delayMs);
        return answer(command);
      } finally {
        pending -= 1;
        if (pending === 0) waited += performance.now() - waitingSince;
      }
    };
  const putEvents = (command: SentCommand) => {
    if (command.constructor.name !== 'PutEventsCommand') {
      throw new Error(`bench: the EventBridge stub does not answer ${command.constructor.name}`);
    }
    const entries = (command.input as { Entries?: unknown[] } | undefined)?.Entries ?? [];
    return {
      $metadata: { httpStatusCode: 200 },
      FailedEntryCount: 0,
      Entries: entries.map(() => {
        eventId += 1;
        return { EventId: `bench-answer-${eventId}` };
      }),
    };
  };
  (EventBridgeClient.prototype as unknown as { send: Send }).send = answerAfterDelay(putEvents);
  (DynamoDBClient.prototype as unknown as { send: Send }).send = answerAfterDelay(dynamo);
  return {
    calls,
    waitedMs: () => waited,
    pending: () => pending,
    reset: () => {
      calls.reset();
      waited = 0;
    },
  };
};
