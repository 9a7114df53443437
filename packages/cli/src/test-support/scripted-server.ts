import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the server received. */
export interface ReceivedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** An answer to give: a status, a JSON body and extra headers, or `'hang'` to never answer (a timeout). */
export type ScriptedAnswer =
  | { readonly status: number; readonly body?: unknown; readonly headers?: Readonly<Record<string, string>> }
  | 'hang';

/** A local HTTP server on 127.0.0.1 and an ephemeral port whose answers a test decides. */
export interface ScriptedServer {
  readonly url: string;
  readonly requests: ReceivedRequest[];
  close(): Promise<void>;
}

/**
 * Starts a server that answers each request with `answer(request, index)`; requests are recorded.
 *
 * @example
 * ```ts
 * const server = await scriptedServer(() => ({ status: 200, body: { status: 'accepted' } }));
 * ```
 */
export const scriptedServer = async (
  answer: (request: ReceivedRequest, index: number) => ScriptedAnswer,
): Promise<ScriptedServer> => {
  const requests: ReceivedRequest[] = [];
  const server: Server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const request = {
        method: incoming.method ?? '',
        path: incoming.url ?? '',
        headers: incoming.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(request);
      const scripted = answer(request, requests.length - 1);
      if (scripted === 'hang') return;
      outgoing.writeHead(scripted.status, { 'content-type': 'application/json', ...scripted.headers });
      outgoing.end(JSON.stringify(scripted.body ?? {}));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};

/** The answer the system gives an accepted event. */
export const accepted = (detailType = 'conversation:created'): ScriptedAnswer => ({
  status: 200,
  body: { status: 'accepted', eventId: 'evt-test', detailType },
});
