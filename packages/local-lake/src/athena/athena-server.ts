import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AthenaApiError } from './athena-operations';

const TARGET_PREFIX = 'AmazonAthena.';
const MAX_BODY_BYTES = 1024 * 1024;

/** The local Athena endpoint; `url` is what `AWS_ENDPOINT_URL_ATHENA` points at. */
export interface AthenaServer {
  readonly url: string;
  readonly close: () => Promise<void>;
}

/**
 * Serves Athena operations over the AWS JSON 1.1 protocol on 127.0.0.1 (the AWS SDK's Athena client talks to
 * it unchanged): the operation comes from `X-Amz-Target`, errors answer 400 with `__type`, as AWS does.
 * Credentials and signatures are not checked: it listens on loopback only and reads a local folder.
 *
 * @example
 * ```ts
 * const server = await serveAthena({ port: 4590, operations: athenaOperations({ book, run }) });
 * // AWS_ENDPOINT_URL_ATHENA=http://127.0.0.1:4590
 * ```
 */
export const serveAthena = async ({
  port,
  operations,
}: {
  port: number;
  operations: Record<string, (input: Record<string, unknown>) => Promise<unknown>>;
}): Promise<AthenaServer> => {
  const server: Server = createServer((request, response) => {
    const reply = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
      response.end(JSON.stringify(body));
    };
    answer(request, operations)
      .then((body) => reply(200, body))
      .catch((error: unknown) => {
        const known = error instanceof AthenaApiError;
        reply(known ? 400 : 500, {
          __type: known ? error.type : 'InternalServerException',
          Message: (error as Error).message,
        });
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
};

const answer = async (
  request: IncomingMessage,
  operations: Record<string, (input: Record<string, unknown>) => Promise<unknown>>,
): Promise<unknown> => {
  const target = String(request.headers['x-amz-target'] ?? '');
  const operation = target.startsWith(TARGET_PREFIX) ? operations[target.slice(TARGET_PREFIX.length)] : undefined;
  if (request.method !== 'POST' || !operation) {
    throw new AthenaApiError(
      'UnknownOperationException',
      `the local Athena endpoint does not answer ${target || 'this'}`,
    );
  }
  return operation(await jsonBody(request));
};

const jsonBody = async (request: IncomingMessage): Promise<Record<string, unknown>> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new AthenaApiError('InvalidRequestException', 'request too large');
    chunks.push(chunk as Buffer);
  }
  try {
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as unknown;
    return typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  } catch {
    throw new AthenaApiError('InvalidRequestException', 'the request body is not JSON');
  }
};
