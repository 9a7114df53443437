/**
 * A stand-in for the AWS APIs a function calls on its first event, on 127.0.0.1: it answers the JSON
 * protocols of EventBridge (PutEvents), DynamoDB, SSM and Athena as AWS does for a success, so the SDK runs its
 * whole request path (endpoint, signing, HTTP, parsing) and the function takes its success path.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

type Answer = (operation: string, sequence: number) => unknown;

const ANSWERS: Record<string, { readonly contentType: string; readonly answer: Answer }> = {
  AWSEvents: {
    contentType: 'application/x-amz-json-1.1',
    answer: (operation, sequence) =>
      operation === 'PutEvents' ? { FailedEntryCount: 0, Entries: [{ EventId: `bench-stub-${sequence}` }] } : undefined,
  },
  DynamoDB_20120810: {
    contentType: 'application/x-amz-json-1.0',
    answer: (operation) =>
      operation === 'Query' || operation === 'Scan' ? { Count: 0, Items: [], ScannedCount: 0 } : {},
  },
  // A query that succeeded with no rows (a summary of an empty window, a statement not of the lake's).
  AmazonAthena: {
    contentType: 'application/x-amz-json-1.1',
    answer: (operation, sequence) => ATHENA_ANSWERS[operation]?.(sequence),
  },
  AmazonSSM: {
    contentType: 'application/x-amz-json-1.1',
    answer: (operation) => (operation === 'GetParameters' ? { Parameters: [], InvalidParameters: [] } : undefined),
  },
};

const ATHENA_ANSWERS: Record<string, (sequence: number) => unknown> = {
  StartQueryExecution: (sequence) => ({ QueryExecutionId: `bench-query-${sequence}` }),
  GetQueryExecution: () => ({
    QueryExecution: {
      QueryExecutionId: 'bench-query',
      Query: 'SELECT 1',
      Status: { State: 'SUCCEEDED' },
      Statistics: {},
    },
  }),
  GetQueryResults: () => ({
    ResultSet: {
      ResultSetMetadata: { ColumnInfo: [{ Name: 'n', Type: 'bigint' }] },
      Rows: [{ Data: [{ VarCharValue: 'n' }] }],
    },
  }),
};

/** A running stub. */
export interface AwsStub {
  readonly endpoint: string;
  /** The operations (`AWSEvents.PutEvents`, `DynamoDB_20120810.PutItem`, ...) since the last call. */
  readonly takeOperations: () => string[];
  readonly close: () => Promise<void>;
}

/**
 * Starts the stub on a free port of 127.0.0.1.
 *
 * @example
 * ```ts
 * const stub = await startAwsStub();
 * env.AWS_ENDPOINT_URL_DYNAMODB = stub.endpoint;
 * ```
 */
export const startAwsStub = async (): Promise<AwsStub> => {
  let operations: string[] = [];
  let sequence = 0;
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const target = String(request.headers['x-amz-target'] ?? '');
      const [service = '', operation = ''] = target.split('.');
      operations.push(target);
      sequence += 1;
      const protocol = ANSWERS[service];
      const body = protocol?.answer(operation, sequence);
      if (!protocol || body === undefined) {
        response.writeHead(400, { 'content-type': 'application/x-amz-json-1.1' });
        response.end(JSON.stringify({ __type: 'UnknownOperationException', message: `bench stub: ${target}` }));
        return;
      }
      response.writeHead(200, { 'content-type': protocol.contentType, 'x-amzn-requestid': `bench-${sequence}` });
      response.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    takeOperations: () => {
      const taken = operations;
      operations = [];
      return taken;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
