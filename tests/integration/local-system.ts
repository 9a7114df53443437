import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { recordSystemOutput } from './leak-watch';

const repositoryRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

// Two checkouts can run their suites side by side when one moves every port by INTEGRATION_PORT_OFFSET.
const offset = Number(process.env.INTEGRATION_PORT_OFFSET ?? 0);

/** Ports of the test system, apart from the defaults a developer's `npm run dev` uses. */
export const TEST_PORTS = {
  http: 3300 + offset,
  lambda: 3302 + offset,
  eventBridge: 4310 + offset,
  eventBridgePubSub: 4311 + offset,
  dynamodb: 4367 + offset,
  oidc: 4350 + offset,
  lake: 4390 + offset,
} as const;

/** The test system's lake folder: its own, emptied at every start, never the developer's .local-data/lake. */
export const TEST_LAKE_DIR = join(tmpdir(), `genesys-events-it-lake-${TEST_PORTS.http}`);

/** Where the test system answers HTTP. */
export const baseUrl = `http://127.0.0.1:${TEST_PORTS.http}`;

/**
 * The local OIDC issuer the test system starts and trusts: its URL, the audience it mints for, and the
 * directory of its signing key (fresh for each run, beside the leak watch's files).
 */
export const TEST_OIDC = {
  issuer: `http://127.0.0.1:${TEST_PORTS.oidc}`,
  audience: 'genesys-events',
  dir: join(repositoryRoot, 'node_modules', '.cache', 'integration', 'oidc'),
} as const;

/** The test system's local archive of the app bus (fresh for each run), which `genesys-events backfill` reads. */
export const TEST_ARCHIVE_DIR = join(repositoryRoot, 'node_modules', '.cache', 'integration', 'archive');

// The dev secrets live in their own module so the leak watch can read them without a cycle.
export { DEV_EVENTBRIDGE_API_KEYS, DEV_OPEN_MESSAGING_SECRETS, DEV_SECRETS } from './dev-secrets';

const READY_TIMEOUT_MS = 90_000;

/**
 * Starts `serverless offline` at the repository root, exactly as `npm run dev` does but on test ports,
 * and resolves once it serves HTTP. The process leads its own group so that stopping it stops everything.
 */
export const startLocalSystem = async (): Promise<ChildProcess> => {
  rmSync(TEST_ARCHIVE_DIR, { recursive: true, force: true });
  rmSync(TEST_LAKE_DIR, { recursive: true, force: true });
  mkdirSync(TEST_LAKE_DIR, { recursive: true });
  const child = spawn(
    join(repositoryRoot, 'node_modules', '.bin', 'serverless'),
    ['offline', 'start', '--stage', 'dev'],
    {
      cwd: repositoryRoot,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        LOCAL_HTTP_PORT: String(TEST_PORTS.http),
        LOCAL_LAMBDA_PORT: String(TEST_PORTS.lambda),
        LOCAL_EVENTBRIDGE_PORT: String(TEST_PORTS.eventBridge),
        LOCAL_EVENTBRIDGE_PUBSUB_PORT: String(TEST_PORTS.eventBridgePubSub),
        LOCAL_DYNAMODB_PORT: String(TEST_PORTS.dynamodb),
        AWS_ENDPOINT_URL_EVENTBRIDGE: `http://127.0.0.1:${TEST_PORTS.eventBridge}`,
        AWS_ENDPOINT_URL_DYNAMODB: `http://127.0.0.1:${TEST_PORTS.dynamodb}`,
        LOCAL_OIDC_PORT: String(TEST_PORTS.oidc),
        LOCAL_OIDC_DIR: TEST_OIDC.dir,
        OIDC_ISSUER_URL: TEST_OIDC.issuer,
        OIDC_AUDIENCE: TEST_OIDC.audience,
        LOCAL_ARCHIVE_DIR: TEST_ARCHIVE_DIR,
        LOCAL_LAKE_PORT: String(TEST_PORTS.lake),
        LOCAL_LAKE_DIR: TEST_LAKE_DIR,
        AWS_ENDPOINT_URL_ATHENA: `http://127.0.0.1:${TEST_PORTS.lake}`,
      },
    },
  );
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    recordSystemOutput(chunk.toString());
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  try {
    await waitUntilServing(child);
  } catch (error) {
    stopLocalSystem(child);
    throw new Error(`the local system did not start: ${(error as Error).message}\n${output.join('').slice(-4000)}`);
  }
  return child;
};

/** Stops the local system and everything it started. */
export const stopLocalSystem = (child: ChildProcess): void => {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // already gone
  }
};

const waitUntilServing = async (child: ChildProcess): Promise<void> => {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`serverless offline exited with ${child.exitCode}`);
    try {
      // The read route answers (401 without a token: it verifies tokens itself) once the server is up.
      const response = await fetch(`${baseUrl}/conversations/readiness-probe`);
      if (response.status === 401 || response.status === 404) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no answer on ${baseUrl} within ${READY_TIMEOUT_MS} ms`);
};
