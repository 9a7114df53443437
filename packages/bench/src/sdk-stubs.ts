/**
 * In-process AWS SDK doubles. The function bundles import `@aws-sdk/*` from the repository root (it is
 * excluded from them, as on Lambda), and so does the bench, so both see the same client classes.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** Calls counted by name (SDK command or DynamoDB operation). */
export class CallCounts {
  readonly #counts = new Map<string, number>();

  add(name: string): void {
    this.#counts.set(name, (this.#counts.get(name) ?? 0) + 1);
  }

  total(filter: (name: string) => boolean = () => true): number {
    let sum = 0;
    for (const [name, count] of this.#counts) if (filter(name)) sum += count;
    return sum;
  }

  reset(): void {
    this.#counts.clear();
  }
}

type Send = (command: { constructor: { name: string } }) => Promise<unknown>;

/**
 * Stubs `send` on the EventBridge client prototype: PutEvents accepts every entry with a new event id.
 * Nothing leaves the process; the commands are counted.
 *
 * @example
 * ```ts
 * const putEvents = stubPutEvents();
 * putEvents.total(); // PutEvents calls so far
 * ```
 */
export const stubPutEvents = (): CallCounts => {
  const calls = new CallCounts();
  let eventId = 0;
  const send: Send = async (command) => {
    calls.add(command.constructor.name);
    eventId += 1;
    return { $metadata: { httpStatusCode: 200 }, FailedEntryCount: 0, Entries: [{ EventId: `bench-${eventId}` }] };
  };
  (EventBridgeClient.prototype as unknown as { send: Send }).send = send;
  return calls;
};

/**
 * Stubs `send` on the DynamoDB client prototype: every command succeeds with an empty answer (for ingest's
 * delivery records, a first delivery). The commands are counted.
 *
 * @example
 * ```ts
 * const dynamo = stubDynamo();
 * ```
 */
export const stubDynamo = (): CallCounts => {
  const calls = new CallCounts();
  const send: Send = async (command) => {
    calls.add(command.constructor.name);
    return { $metadata: { httpStatusCode: 200 } };
  };
  (DynamoDBClient.prototype as unknown as { send: Send }).send = send;
  return calls;
};

/** DynamoDB operations that write. */
export const DYNAMO_WRITES = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'TransactWriteItems']);

interface Stack {
  add: (middleware: unknown, options: Record<string, unknown>) => void;
}

/**
 * Counts every DynamoDB request at the SDK client: a middleware on the client's `middlewareStack` in its
 * `build` step (after serialisation, before the retry middleware), so each request the code makes counts
 * once, by its operation (`PutItem`, `Query`, ...), whatever the SDK retries.
 * The middleware is added on each client's first `send` (the handlers create their clients privately);
 * document clients share their client's stack.
 *
 * @example
 * ```ts
 * const requests = countDynamoRequests();
 * requests.total((operation) => DYNAMO_WRITES.has(operation));
 * ```
 */
export const countDynamoRequests = (): CallCounts => {
  const requests = new CallCounts();
  const instrumented = new WeakSet<object>();
  const counter =
    (next: (args: unknown) => Promise<unknown>) => async (args: { request?: { headers?: Record<string, string> } }) => {
      const headers = args.request?.headers ?? {};
      const target = Object.entries(headers).find(([name]) => name.toLowerCase() === 'x-amz-target')?.[1] ?? '';
      requests.add(target.slice(target.lastIndexOf('.') + 1) || 'unknown');
      return next(args);
    };
  for (const Client of [DynamoDBClient, DynamoDBDocumentClient]) {
    const prototype = Client.prototype as unknown as { send: (...args: unknown[]) => unknown };
    const inherited = prototype.send;
    prototype.send = function sendCounted(this: { middlewareStack: Stack }, ...args: unknown[]) {
      if (!instrumented.has(this.middlewareStack)) {
        this.middlewareStack.add(counter, { step: 'build', priority: 'low', name: 'benchRequestCounter' });
        instrumented.add(this.middlewareStack);
      }
      return inherited.apply(this, args);
    };
  }
  return requests;
};

/**
 * Counts what a process writes to stdout and stderr (where Powertools logs and metrics go), passing it on.
 *
 * @example
 * ```ts
 * const output = countOutput();
 * output.bytes; // characters written so far
 * ```
 */
export const countOutput = () => {
  const output = { bytes: 0, lines: 0 };
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
    stream.write = function benchCountingWrite(chunk: string | Uint8Array, ...rest: unknown[]) {
      output.bytes += chunk.length;
      output.lines += 1;
      return write(chunk, ...rest);
    } as typeof stream.write;
  }
  return output;
};
