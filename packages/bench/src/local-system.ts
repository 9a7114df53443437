/**
 * The local system as `npm run dev` runs it (`serverless offline start --stage dev` at the repository
 * root), on free ports of 127.0.0.1 of its own so that it runs beside a developer's, in its own process
 * group so that stopping it stops everything it started (worker threads, dynalite, esbuild).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A running local system. */
export interface LocalSystem {
  readonly child: ChildProcess;
  /** The process group: the pid of `serverless offline`, which leads it. */
  readonly groupId: number;
  readonly baseUrl: string;
  /** Its local OIDC issuer, which grants the tokens its read routes take. */
  readonly issuer: string;
  /** Its DynamoDB (dynalite). */
  readonly dynamodbEndpoint: string;
  /** From spawning to its first HTTP answer, ms. */
  readonly readyMs: number;
  /** The last few KB it printed, for a failure message. */
  readonly output: () => string;
  /** Its issuer keys, archive and lake, removed once it is stopped. */
  readonly scratchDir: string;
}

const READY_TIMEOUT_MS = 90_000;
const POLL_MS = 20;

/**
 * Starts the local system with `env` added to ours, and resolves once it answers HTTP.
 *
 * @example
 * ```ts
 * const system = await startLocalSystem(paths.root, { LOCAL_DEAD_LETTER_DIR: dir });
 * try { ... } finally { await stopLocalSystem(system); }
 * ```
 */
export const startLocalSystem = async (root: string, env: Record<string, string> = {}): Promise<LocalSystem> => {
  const [http, lambda, eventBridge, eventBridgePubSub, dynamodb, oidc, lake] = await freePorts(7);
  const baseUrl = `http://127.0.0.1:${http}`;
  const issuer = `http://127.0.0.1:${oidc}`;
  let output = '';
  const started = performance.now();
  const scratchDir = mkdtempSync(join(tmpdir(), 'genesys-events-bench-'));
  const child = spawn(join(root, 'node_modules', '.bin', 'serverless'), ['offline', 'start', '--stage', 'dev'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      LOCAL_HTTP_PORT: String(http),
      LOCAL_LAMBDA_PORT: String(lambda),
      LOCAL_EVENTBRIDGE_PORT: String(eventBridge),
      LOCAL_EVENTBRIDGE_PUBSUB_PORT: String(eventBridgePubSub),
      LOCAL_DYNAMODB_PORT: String(dynamodb),
      AWS_ENDPOINT_URL_EVENTBRIDGE: `http://127.0.0.1:${eventBridge}`,
      AWS_ENDPOINT_URL_DYNAMODB: `http://127.0.0.1:${dynamodb}`,
      LOCAL_OIDC_PORT: String(oidc),
      LOCAL_OIDC_DIR: join(scratchDir, 'oidc'),
      OIDC_ISSUER_URL: issuer,
      // Its own archive: the bench's events and ports must not land in a developer's `npm run dev` archive.
      LOCAL_ARCHIVE_DIR: join(scratchDir, 'archive'),
      // And its own lake, with the Athena-compatible endpoint the summary asks on its own port.
      LOCAL_LAKE_PORT: String(lake),
      LOCAL_LAKE_DIR: join(scratchDir, 'lake'),
      AWS_ENDPOINT_URL_ATHENA: `http://127.0.0.1:${lake}`,
      ...env,
    },
  });
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-6000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const system = {
    child,
    groupId: child.pid as number,
    baseUrl,
    issuer,
    dynamodbEndpoint: `http://127.0.0.1:${dynamodb}`,
    output: () => output,
    scratchDir,
  };
  try {
    await waitUntilServing(baseUrl, child);
  } catch (error) {
    await stopLocalSystem(system);
    throw new Error(`${(error as Error).message}\n--- serverless offline output ---\n${output.slice(-3000)}`);
  }
  return { ...system, readyMs: performance.now() - started };
};

const freePorts = async (count: number): Promise<number[]> => {
  const servers = await Promise.all(
    Array.from({ length: count }, () => {
      const server = createServer();
      return new Promise<ReturnType<typeof createServer>>((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => resolve(server));
      });
    }),
  );
  const ports = servers.map((server) => (server.address() as { port: number }).port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
};

/**
 * Resolves after `ms`.
 *
 * @example
 * ```ts
 * await sleep(20);
 * ```
 */
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

const waitUntilServing = async (baseUrl: string, child: ChildProcess): Promise<void> => {
  const deadline = performance.now() + READY_TIMEOUT_MS;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`bench: serverless offline exited with ${child.exitCode}`);
    try {
      // Any answer means it serves (401 without a token: the read function verifies tokens itself).
      const response = await fetch(`${baseUrl}/conversations/readiness-probe`);
      await response.arrayBuffer();
      return;
    } catch {
      await sleep(POLL_MS);
    }
  }
  throw new Error(`bench: serverless offline did not answer within ${READY_TIMEOUT_MS} ms`);
};

/**
 * Stops the process group of `serverless offline` and waits for it, then for anything of the group that
 * outlived its leader.
 *
 * @example
 * ```ts
 * await stopLocalSystem(system);
 * ```
 */
export const stopLocalSystem = async ({
  child,
  scratchDir,
}: Pick<LocalSystem, 'child' | 'scratchDir'>): Promise<void> => {
  await stopGroup(child);
  // Its archive and lake hold every event sent (tens of MB a run): nothing to keep once it is stopped.
  rmSync(scratchDir, { recursive: true, force: true });
};

const stopGroup = async (child: ChildProcess): Promise<void> => {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-(child.pid as number), name);
    } catch {
      // the group is gone
    }
  };
  signal('SIGTERM');
  const stopped = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
  if (!stopped) signal('SIGKILL');
  await exited;
  for (let i = 0; i < 20 && groupAlive(child.pid); i += 1) await sleep(100);
  if (groupAlive(child.pid)) signal('SIGKILL');
};

const groupAlive = (pid: number): boolean => {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
};
