/**
 * The local loop: `serverless offline start --stage dev` at the repository root, as `npm run dev` runs it,
 * on free ports of 127.0.0.1 of its own; the time until it answers HTTP, then signed seed header webhooks
 * posted one at a time and how long each takes to show at GET /conversations/{id} (read with a token of
 * its local issuer). Stops the whole
 * process group it started.
 */
import { randomUUID } from 'node:crypto';
import { signSeedHeader } from '@genesys-events/core';
import { seedEventJson } from '../fixtures/bodies';
import { sleep, startLocalSystem, stopLocalSystem } from '../local-system';
import { localAccessToken } from '../local-token';
import { percentile } from '../measure';
import type { BenchPaths } from '../paths';
import type { BenchSettings } from '../settings';
import { devCredentials } from '../throughput/traffic';

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
  const secret = devCredentials(paths.root).genesysSecret;
  const system = await startLocalSystem(paths.root);
  const { baseUrl } = system;
  try {
    const authorization = `Bearer ${await localAccessToken(system.issuer, 'conversations:read')}`;
    const postAndWait = async () => {
      const conversationId = randomUUID();
      const { body, headers } = signSeedHeader({ body: seedEventJson(conversationId), secret });
      const posted = performance.now();
      const answer = await fetch(`${baseUrl}/webhooks/genesys`, { method: 'POST', body, headers });
      const text = await answer.text();
      if (answer.status !== 200) throw new Error(`bench: POST /webhooks/genesys answered ${answer.status} ${text}`);
      await waitUntilVisible(baseUrl, conversationId, authorization);
      return performance.now() - posted;
    };
    const firstEventMs = await postAndWait();
    const latencies: number[] = [];
    for (let i = 0; i < settings.localEvents; i += 1) latencies.push(await postAndWait());
    return {
      readyMs: system.readyMs,
      firstEventMs,
      postToGetP50Ms: percentile(latencies, 50),
      postToGetP95Ms: percentile(latencies, 95),
      events: latencies.length,
    };
  } catch (error) {
    throw new Error(`${(error as Error).message}\n--- serverless offline output ---\n${system.output().slice(-3000)}`);
  } finally {
    await stopLocalSystem(system);
  }
};

const waitUntilVisible = async (baseUrl: string, conversationId: string, authorization: string): Promise<void> => {
  const deadline = performance.now() + VISIBLE_TIMEOUT_MS;
  while (performance.now() < deadline) {
    const response = await fetch(`${baseUrl}/conversations/${conversationId}`, { headers: { authorization } });
    const body = (await response.json().catch(() => ({}))) as { events?: unknown[] };
    if (response.status === 200 && (body.events?.length ?? 0) > 0) return;
    await sleep(POLL_MS);
  }
  throw new Error(`bench: conversation ${conversationId} was not visible within ${VISIBLE_TIMEOUT_MS} ms`);
};
