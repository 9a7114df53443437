/**
 * The bare reference of a function: a handler that imports only the same `@aws-sdk/*` packages, creates the
 * same clients, and on its first event makes the same AWS calls (seen by the stub when the real function
 * served the same event) with plain SDK commands. Built with the functions' own esbuild options.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { type BuiltFunction, functionBuildOptions } from '../build-functions';
import type { BenchPaths } from '../paths';

const CLIENT_CLASSES: Readonly<Record<string, string>> = {
  '@aws-sdk/client-athena': 'AthenaClient',
  '@aws-sdk/client-dynamodb': 'DynamoDBClient',
  '@aws-sdk/client-eventbridge': 'EventBridgeClient',
  '@aws-sdk/client-ssm': 'SSMClient',
  '@aws-sdk/client-sqs': 'SQSClient',
};

/** The plain SDK call of each operation the stub can see, with an input of the same order of size. */
const CALLS: Readonly<Record<string, { readonly sdk: string; readonly command: string; readonly input: string }>> = {
  'AWSEvents.PutEvents': {
    sdk: '@aws-sdk/client-eventbridge',
    command: 'PutEventsCommand',
    input: `{ Entries: [{ EventBusName: 'genesys-events-bench', Source: 'bench.bare', DetailType: 'bare', Detail: text }] }`,
  },
  'DynamoDB_20120810.PutItem': {
    sdk: '@aws-sdk/client-dynamodb',
    command: 'PutItemCommand',
    input: `{ TableName: 'bench', Item: { id: { S: 'bare' }, body: { S: text } }, ConditionExpression: 'attribute_not_exists(id)' }`,
  },
  'DynamoDB_20120810.UpdateItem': {
    sdk: '@aws-sdk/client-dynamodb',
    command: 'UpdateItemCommand',
    input: `{ TableName: 'bench', Key: { id: { S: 'bare' } }, UpdateExpression: 'SET body = :b', ExpressionAttributeValues: { ':b': { S: text } } }`,
  },
  'DynamoDB_20120810.GetItem': {
    sdk: '@aws-sdk/client-dynamodb',
    command: 'GetItemCommand',
    input: `{ TableName: 'bench', Key: { id: { S: 'bare' } } }`,
  },
  'DynamoDB_20120810.DeleteItem': {
    sdk: '@aws-sdk/client-dynamodb',
    command: 'DeleteItemCommand',
    input: `{ TableName: 'bench', Key: { id: { S: 'bare' } } }`,
  },
  'DynamoDB_20120810.Query': {
    sdk: '@aws-sdk/client-dynamodb',
    command: 'QueryCommand',
    input: `{ TableName: 'bench', KeyConditionExpression: 'id = :id', ExpressionAttributeValues: { ':id': { S: 'bare' } } }`,
  },
  'DynamoDB_20120810.BatchGetItem': {
    sdk: '@aws-sdk/client-dynamodb',
    command: 'BatchGetItemCommand',
    input: `{ RequestItems: { bench: { Keys: [{ id: { S: 'bare' } }] } } }`,
  },
  'DynamoDB_20120810.BatchWriteItem': {
    sdk: '@aws-sdk/client-dynamodb',
    command: 'BatchWriteItemCommand',
    input: `{ RequestItems: { bench: [{ DeleteRequest: { Key: { id: { S: 'bare' } } } }] } }`,
  },
  'AmazonAthena.StartQueryExecution': {
    sdk: '@aws-sdk/client-athena',
    command: 'StartQueryExecutionCommand',
    input: `{ QueryString: text, WorkGroup: 'bench', QueryExecutionContext: { Database: 'bench' } }`,
  },
  'AmazonAthena.GetQueryExecution': {
    sdk: '@aws-sdk/client-athena',
    command: 'GetQueryExecutionCommand',
    input: `{ QueryExecutionId: 'bench-query' }`,
  },
  'AmazonAthena.GetQueryResults': {
    sdk: '@aws-sdk/client-athena',
    command: 'GetQueryResultsCommand',
    input: `{ QueryExecutionId: 'bench-query' }`,
  },
  'AmazonSSM.GetParameters': {
    sdk: '@aws-sdk/client-ssm',
    command: 'GetParametersCommand',
    input: `{ Names: ['/genesys-events/bench/secrets'], WithDecryption: true }`,
  },
};

/**
 * The source of a function's bare handler.
 *
 * @example
 * ```ts
 * bareHandlerSource(['@aws-sdk/client-eventbridge'], ['AWSEvents.PutEvents']);
 * ```
 */
export const bareHandlerSource = (sdkImports: readonly string[], operations: readonly string[]): string => {
  const calls = operations.map((operation) => {
    const call = CALLS[operation];
    if (!call) throw new Error(`bench: the bare handler cannot make ${operation}`);
    return call;
  });
  const packages = [...new Set([...sdkImports, ...calls.map((call) => call.sdk)])];
  const alias = (sdk: string) => `sdk${packages.indexOf(sdk)}`;
  const lines = packages.map((sdk) => `import * as ${alias(sdk)} from '${sdk}';`);
  for (const sdk of packages) {
    const className = CLIENT_CLASSES[sdk];
    if (className) lines.push(`const ${alias(sdk)}Client = new ${alias(sdk)}.${className}({});`);
  }
  if (packages.includes('@aws-sdk/lib-dynamodb') && packages.includes('@aws-sdk/client-dynamodb')) {
    const dynamo = alias('@aws-sdk/client-dynamodb');
    lines.push(`${alias('@aws-sdk/lib-dynamodb')}.DynamoDBDocumentClient.from(${dynamo}Client);`);
  }
  lines.push('export const handler = async (event) => {', '  const text = JSON.stringify(event);');
  for (const call of calls) {
    lines.push(`  await ${alias(call.sdk)}Client.send(new ${alias(call.sdk)}.${call.command}(${call.input}));`);
  }
  lines.push("  return { statusCode: 200, body: '{}' };", '};');
  return lines.join('\n');
};

/**
 * Builds a function's bare handler into the bench cache and answers its path.
 *
 * @example
 * ```ts
 * const bare = await buildBareHandler(paths, fn, stub.takeOperations());
 * ```
 */
export const buildBareHandler = async (
  paths: BenchPaths,
  fn: BuiltFunction,
  operations: readonly string[],
): Promise<string> => {
  const { outExtension: _unused, ...options } = functionBuildOptions(paths.root);
  mkdirSync(paths.bare, { recursive: true });
  const outfile = join(paths.bare, `${fn.name}.mjs`);
  await build({
    ...options,
    absWorkingDir: paths.root,
    stdin: { contents: bareHandlerSource(fn.sdkImports, operations), resolveDir: paths.root, loader: 'js' },
    outfile,
    logLevel: 'warning',
  });
  return outfile;
};
