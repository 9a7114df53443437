import type { IncomingMessage } from 'node:http';
import type { FaultAction, FaultDecider } from './fault-proxy';

/** How many requests got each fault, and how many went through untouched. */
export interface FaultCounters {
  /** PutEvents answered 400 ThrottlingException, not forwarded. */
  throttled: number;
  /** PutEvents answered 200 with FailedEntryCount 1, not forwarded (the entry was not published). */
  partial: number;
  /** PutEvents held past the client's 2 s request timeout, not forwarded. */
  timeout: number;
  /** PutEvents forwarded (published), then the answer lost: the client sees a network error. */
  lostAnswer: number;
  /** DynamoDB calls answered 500 InternalServerError or 400 ProvisionedThroughputExceededException. */
  dynamodb: number;
  putEventsForwarded: number;
  dynamodbForwarded: number;
  /** For each held PutEvents: how long until the client gave up on it (or the proxy ended it). */
  heldMs: number[];
}

export const emptyCounters = (): FaultCounters => ({
  throttled: 0,
  partial: 0,
  timeout: 0,
  lostAnswer: 0,
  dynamodb: 0,
  putEventsForwarded: 0,
  dynamodbForwarded: 0,
  heldMs: [],
});

/** Fault rates: EventBridge PutEvents by kind, DynamoDB for any call. */
export const FAULT_RATES = { throttled: 0.15, partial: 0.1, timeout: 0.05, lostAnswer: 0.05, dynamodb: 0.15 } as const;

const EVENTBRIDGE_JSON = 'application/x-amz-json-1.1';
const DYNAMODB_JSON = 'application/x-amz-json-1.0';
const FORWARD: FaultAction = { kind: 'forward' };

const target = (request: IncomingMessage): string => String(request.headers['x-amz-target'] ?? '');

/** Faults for the local EventBridge mock: only PutEvents is touched. */
export const eventBridgeFaults =
  (random: () => number, counters: FaultCounters): FaultDecider =>
  (request) => {
    if (target(request) !== 'AWSEvents.PutEvents') return FORWARD;
    const roll = random();
    let bound = FAULT_RATES.throttled;
    if (roll < bound) {
      counters.throttled += 1;
      return {
        kind: 'answer',
        status: 400,
        contentType: EVENTBRIDGE_JSON,
        body: JSON.stringify({ __type: 'ThrottlingException', message: 'Rate exceeded' }),
      };
    }
    bound += FAULT_RATES.partial;
    if (roll < bound) {
      counters.partial += 1;
      return {
        kind: 'answer',
        status: 200,
        contentType: EVENTBRIDGE_JSON,
        body: JSON.stringify({
          FailedEntryCount: 1,
          Entries: [{ ErrorCode: 'InternalFailure', ErrorMessage: 'injected' }],
        }),
      };
    }
    bound += FAULT_RATES.timeout;
    if (roll < bound) {
      counters.timeout += 1;
      return { kind: 'hold' };
    }
    bound += FAULT_RATES.lostAnswer;
    if (roll < bound) {
      counters.lostAnswer += 1;
      return { kind: 'forwardThenDrop' };
    }
    counters.putEventsForwarded += 1;
    return FORWARD;
  };

/** Faults for dynalite: any call may fail with a server error or throughput exception, never forwarded. */
export const dynamoDbFaults =
  (random: () => number, counters: FaultCounters): FaultDecider =>
  () => {
    const roll = random();
    if (roll >= FAULT_RATES.dynamodb) {
      counters.dynamodbForwarded += 1;
      return FORWARD;
    }
    counters.dynamodb += 1;
    const serverError = roll < FAULT_RATES.dynamodb / 2;
    return {
      kind: 'answer',
      status: serverError ? 500 : 400,
      contentType: DYNAMODB_JSON,
      body: JSON.stringify({
        __type: serverError
          ? 'com.amazonaws.dynamodb.v20120810#InternalServerError'
          : 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
        message: 'injected',
      }),
    };
  };
