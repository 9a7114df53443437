import {
  createServer,
  request as forwardRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';

/**
 * What a fault proxy does with one request:
 * - `forward`: pass it on byte-for-byte and pass the answer back;
 * - `answer`: answer it here with `status` and `body`, never forwarding it;
 * - `hold`: never answer (the client times out), never forward;
 * - `forwardThenDrop`: forward it, let the upstream answer completely, then destroy the client's socket
 *   (the call took effect, but the client sees a network error).
 */
export type FaultAction =
  | { readonly kind: 'forward' }
  | { readonly kind: 'answer'; readonly status: number; readonly contentType: string; readonly body: string }
  | { readonly kind: 'hold' }
  | { readonly kind: 'forwardThenDrop' };

/** Decides the fault of one request from its headers (the body is only ever forwarded). */
export type FaultDecider = (request: IncomingMessage) => FaultAction;

/** A running fault proxy. */
export interface FaultProxy {
  readonly port: number;
  /** Stops listening, ends held requests and closes every open connection. */
  readonly close: () => Promise<void>;
}

/**
 * How long a held request is kept before the proxy destroys its socket: past the function's 8 s timeout, so
 * that only the client (its 2 s request timeout) or the end of the invocation ever ends a held call.
 */
export const HOLD_MS = 10_000;

/**
 * A plain `node:http` proxy on 127.0.0.1 in front of a local AWS API (the EventBridge mock or dynalite).
 * Every request is buffered, then handled as the decider says.
 */
export const startFaultProxy = async ({
  port,
  targetPort,
  decide,
  onHoldEnded = () => {},
}: {
  port: number;
  targetPort: number;
  decide: FaultDecider;
  /** Told how long each held request was held and whether the client ended it (not the proxy). */
  onHoldEnded?: (heldMs: number, endedByClient: boolean) => void;
}): Promise<FaultProxy> => {
  const held = new Set<NodeJS.Timeout>();
  const server: Server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const body = Buffer.concat(chunks);
      const action = decide(incoming);
      if (action.kind === 'answer') {
        outgoing.writeHead(action.status, {
          'content-type': action.contentType,
          'content-length': Buffer.byteLength(action.body),
          'x-amzn-requestid': 'fault-injection',
        });
        outgoing.end(action.body);
      } else if (action.kind === 'hold') {
        const heldSince = Date.now();
        let endedByProxy = false;
        const timer = setTimeout(() => {
          endedByProxy = true;
          incoming.socket.destroy();
        }, HOLD_MS);
        held.add(timer);
        incoming.socket.once('close', () => {
          clearTimeout(timer);
          held.delete(timer);
          onHoldEnded(Date.now() - heldSince, !endedByProxy);
        });
      } else {
        forward(incoming, body, targetPort, outgoing, action.kind === 'forwardThenDrop');
      }
    });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    port,
    close: async () => {
      for (const timer of held) clearTimeout(timer);
      held.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};

const forward = (
  incoming: IncomingMessage,
  body: Buffer,
  targetPort: number,
  outgoing: ServerResponse,
  dropAnswer: boolean,
): void => {
  const upstream = forwardRequest(
    { host: '127.0.0.1', port: targetPort, method: incoming.method, path: incoming.url, headers: incoming.headers },
    (answer) => {
      const parts: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => parts.push(chunk));
      answer.on('end', () => {
        if (dropAnswer) {
          // The upstream has done the work and answered; the client never hears it.
          incoming.socket.destroy();
          return;
        }
        outgoing.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
        outgoing.end(Buffer.concat(parts));
      });
    },
  );
  upstream.on('error', () => incoming.socket.destroy());
  upstream.end(body);
};

/** A small seeded PRNG (mulberry32): the same seed gives the same sequence of fault decisions. */
export const seededRandom = (seed: number): (() => number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
};
