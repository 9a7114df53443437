/**
 * The local loop: `serverless offline start --stage dev` at the repository root, as `npm run dev` runs it,
 * on free ports of 127.0.0.1 of its own; the time until it answers HTTP, then signed seed header webhooks
 * posted one at a time and how long each takes to show at GET /conversations/{id}. Stops the whole
 * process group it started.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { signSeedHeader } from '@genesys-events/core';
import { seedEventJson } from '../fixtures/bodies';
import { percentile } from '../measure';
import type { BenchPaths } from '../paths';
import type { BenchSettings } from '../settings';

/** The local loop's figures. */
export interface LocalLoopFigures {
  /** From spawning `serverless offline` to its first HTTP answer, ms. */
  readonly readyMs: number;
  /** POST of the first webhook to its conversation at GET (functions load on first use), ms. */
  readonly firstEventMs: number;
  readonly postToGetP50Ms: number;
  readonly postToGetP95Ms: number;
  readonly events: number;
}

const READY_TIMEOUT_MS = 90_000;
const VISIBLE_TIMEOUT_MS = 15_000;
const POLL_MS = 20;

/**
 * Runs the local loop part.
 *
 * @example
 * ```ts
 * const { readyMs, postToGetP95Ms } = await runLocalLoopPart(settings, paths);
 * ```
 */
export const runLocalLoopPart = async (settings: BenchSettings, paths: BenchPaths): Promise<LocalLoopFigures> => {
  const [http, lambda, eventBridge, eventBridgePubSub, dynamodb, lake] = await freePorts(6);
  const baseUrl = `http://127.0.0.1:${http}`;
  const secret = devSecret(paths.root);
  const output: string[] = [];
  const started = performance.now();
  const child = spawn(join(paths.root, 'node_modules', '.bin', 'serverless'), ['offline', 'start', '--stage', 'dev'], {
    cwd: paths.root,
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
      // The local lake too, in the bench's cache rather than a developer's .local-data/lake.
      LOCAL_LAKE_PORT: String(lake),
      LOCAL_LAKE_DIR: join(paths.cache, 'local-loop-lake'),
      AWS_ENDPOINT_URL_ATHENA: `http://127.0.0.1:${lake}`,
    },
  });
  const keep = (chunk: Buffer) => output.push(chunk.toString());
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  try {
    await waitUntilServing(baseUrl, child);
    const readyMs = performance.now() - started;
    const postAndWait = async () => {
      const conversationId = randomUUID();
      const { body, headers } = signSeedHeader({ body: seedEventJson(conversationId), secret });
      const posted = performance.now();
      const answer = await fetch(`${baseUrl}/webhooks/genesys`, { method: 'POST', body, headers });
      const text = await answer.text();
      if (answer.status !== 200) throw new Error(`bench: POST /webhooks/genesys answered ${answer.status} ${text}`);
      await waitUntilVisible(baseUrl, conversationId);
      return performance.now() - posted;
    };
    const firstEventMs = await postAndWait();
    const latencies: number[] = [];
    for (let i = 0; i < settings.localEvents; i += 1) latencies.push(await postAndWait());
    return {
      readyMs,
      firstEventMs,
      postToGetP50Ms: percentile(latencies, 50),
      postToGetP95Ms: percentile(latencies, 95),
      events: latencies.length,
    };
  } catch (error) {
    throw new Error(`${(error as Error).message}\n--- serverless offline output ---\n${output.join('').slice(-3000)}`);
  } finally {
    await stopGroup(child);
  }
};

/** The current seed secret of the local system, from `.env.dev` (never hard-coded). */
const devSecret = (root: string): string => {
  const line = readFileSync(join(root, '.env.dev'), 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('GENESYS_WEBHOOK_SECRETS='));
  const secret = line
    ?.slice(line.indexOf('=') + 1)
    .split(',')[0]
    ?.trim();
  if (!secret) throw new Error('bench: .env.dev has no GENESYS_WEBHOOK_SECRETS');
  return secret;
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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const waitUntilServing = async (baseUrl: string, child: ChildProcess): Promise<void> => {
  const deadline = performance.now() + READY_TIMEOUT_MS;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`bench: serverless offline exited with ${child.exitCode}`);
    try {
      // Any answer means it serves; an unknown conversation is a cheap 404.
      const response = await fetch(`${baseUrl}/conversations/readiness-probe`);
      await response.arrayBuffer();
      return;
    } catch {
      await sleep(POLL_MS);
    }
  }
  throw new Error(`bench: serverless offline did not answer within ${READY_TIMEOUT_MS} ms`);
};

const waitUntilVisible = async (baseUrl: string, conversationId: string): Promise<void> => {
  const deadline = performance.now() + VISIBLE_TIMEOUT_MS;
  while (performance.now() < deadline) {
    const response = await fetch(`${baseUrl}/conversations/${conversationId}`);
    const body = (await response.json().catch(() => ({}))) as { events?: unknown[] };
    if (response.status === 200 && (body.events?.length ?? 0) > 0) return;
    await sleep(POLL_MS);
  }
  throw new Error(`bench: conversation ${conversationId} was not visible within ${VISIBLE_TIMEOUT_MS} ms`);
};

/** Stops the process group of `serverless offline` (it leads its own group), and waits for it. */
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
  // Anything of the group that outlived its leader.
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
