import { type ChildProcess, spawn } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repositoryRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const port = (name: string, fallback: number): number => Number(process.env[name] ?? fallback);

/**
 * Ports of the fault-injection system, apart from `npm run dev` and the integration tests. The real local
 * bus and dynalite listen on `eventBridge` and `dynamodb`; the functions reach them only through the fault
 * proxies. `lake` is the local lake's Athena-compatible endpoint, which offline starts too: left on its
 * default (4590) it would collide with a running `npm run dev`. Each can be moved with its `FAULT_*_PORT`
 * variable.
 */
export const FAULT_PORTS = {
  http: port('FAULT_HTTP_PORT', 3500),
  lambda: port('FAULT_LAMBDA_PORT', 3502),
  eventBridge: port('FAULT_EVENTBRIDGE_PORT', 4510),
  eventBridgePubSub: port('FAULT_EVENTBRIDGE_PUBSUB_PORT', 4511),
  dynamodb: port('FAULT_DYNAMODB_PORT', 4667),
  eventBridgeProxy: port('FAULT_EVENTBRIDGE_PROXY_PORT', 4520),
  dynamodbProxy: port('FAULT_DYNAMODB_PROXY_PORT', 4677),
  oidc: port('FAULT_OIDC_PORT', 4550),
  lake: port('FAULT_LAKE_PORT', 4690),
} as const;

export const faultBaseUrl = `http://127.0.0.1:${FAULT_PORTS.http}`;

/** The local OIDC issuer the fault system starts (keys in its private service folder) and trusts. */
export const faultIssuer = `http://127.0.0.1:${FAULT_PORTS.oidc}`;

/** Everything the fault system prints, for a look after a failed run. */
export const FAULT_SYSTEM_LOG = join(repositoryRoot, 'node_modules', '.cache', 'faults', 'local-system.log');

const READY_TIMEOUT_MS = 120_000;

/** A running `serverless offline` and what it has printed so far. */
export interface FaultSystem {
  readonly child: ChildProcess;
  /** Everything printed (stdout and stderr) since start. */
  readonly output: () => string;
  /** The private service folder it runs in (see {@link privateServiceDir}). */
  readonly serviceDir: string;
}

/** What every `serverless offline` writes into its service folder; the rest of the checkout is shared. */
const PER_RUN_OUTPUTS = new Set(['.esbuild', '.serverless', '.git', '.local-data']);

/**
 * A temporary service folder holding the checkout's root files (serverless.yml, .env.dev, ...; copied now,
 * as osls wants a real file) and symlinks to its folders (packages, services, node_modules, ...), so the
 * system runs exactly the checkout's configuration and code, but serverless-esbuild writes its bundles to a
 * `.esbuild` of its own: every `serverless offline` at the repository root rewrites `.esbuild/.build` when
 * it starts and deletes it when it stops, which breaks the cold starts of any other offline process
 * running beside it (other engineers' tests in this checkout).
 */
const privateServiceDir = (): string => {
  const directory = mkdtempSync(join(tmpdir(), 'genesys-events-faults-'));
  for (const entry of readdirSync(repositoryRoot, { withFileTypes: true })) {
    if (PER_RUN_OUTPUTS.has(entry.name)) continue;
    const source = join(repositoryRoot, entry.name);
    if (entry.isFile()) copyFileSync(source, join(directory, entry.name));
    else symlinkSync(source, join(directory, entry.name));
  }
  return directory;
};

/** Fails fast, with the port's name, when something else already listens on one of our ports. */
export const assertPortsFree = async (): Promise<void> => {
  for (const [name, value] of Object.entries(FAULT_PORTS)) {
    await new Promise<void>((resolve, reject) => {
      const probe = createServer();
      probe.once('error', () =>
        reject(new Error(`port ${value} (${name}) on 127.0.0.1 is in use; move it with its FAULT_*_PORT variable`)),
      );
      probe.listen(value, '127.0.0.1', () => probe.close(() => resolve()));
    });
  }
};

/**
 * Starts `serverless offline` at the repository root on the fault ports, with the functions pointed at the
 * fault proxies, and resolves once it serves HTTP. The process leads its own group so stopping it stops
 * everything it started.
 */
export const startFaultSystem = async (extraEnv: Record<string, string>): Promise<FaultSystem> => {
  rmSync(dirname(FAULT_SYSTEM_LOG), { recursive: true, force: true });
  mkdirSync(dirname(FAULT_SYSTEM_LOG), { recursive: true });
  const serviceDir = privateServiceDir();
  const child = spawn(
    join(repositoryRoot, 'node_modules', '.bin', 'serverless'),
    ['offline', 'start', '--stage', 'dev'],
    {
      cwd: serviceDir,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        LOCAL_HTTP_PORT: String(FAULT_PORTS.http),
        LOCAL_LAMBDA_PORT: String(FAULT_PORTS.lambda),
        LOCAL_EVENTBRIDGE_PORT: String(FAULT_PORTS.eventBridge),
        LOCAL_EVENTBRIDGE_PUBSUB_PORT: String(FAULT_PORTS.eventBridgePubSub),
        LOCAL_DYNAMODB_PORT: String(FAULT_PORTS.dynamodb),
        AWS_ENDPOINT_URL_EVENTBRIDGE: `http://127.0.0.1:${FAULT_PORTS.eventBridgeProxy}`,
        AWS_ENDPOINT_URL_DYNAMODB: `http://127.0.0.1:${FAULT_PORTS.dynamodbProxy}`,
        LOCAL_OIDC_PORT: String(FAULT_PORTS.oidc),
        OIDC_ISSUER_URL: faultIssuer,
        // The local lake writes under the private service folder's .local-data; its endpoint needs a port of
        // its own like the rest, and the functions (the summary) must ask it there.
        LOCAL_LAKE_PORT: String(FAULT_PORTS.lake),
        AWS_ENDPOINT_URL_ATHENA: `http://127.0.0.1:${FAULT_PORTS.lake}`,
        ...extraEnv,
      },
    },
  );
  const chunks: string[] = [];
  const keep = (chunk: Buffer) => {
    const text = chunk.toString();
    chunks.push(text);
    appendFileSync(FAULT_SYSTEM_LOG, text);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  // Should jest die without running afterAll, the offline process must not outlive it.
  const killOnExit = () => stopFaultSystem(child);
  process.once('exit', killOnExit);
  child.once('exit', () => process.removeListener('exit', killOnExit));
  const system = { child, output: () => chunks.join(''), serviceDir };
  try {
    await waitUntilServing(child);
  } catch (error) {
    stopFaultSystem(child);
    await waitForExit(child);
    removeServiceDir(serviceDir);
    throw new Error(`the fault system did not start: ${(error as Error).message}\n${system.output().slice(-4000)}`);
  }
  return system;
};

/** Stops `serverless offline` and its whole process group. */
export const stopFaultSystem = (child: ChildProcess): void => {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // already gone
  }
};

/** Removes the private service folder (its symlinks, never what they point to). */
export const removeServiceDir = (serviceDir: string): void => {
  if (serviceDir.startsWith(join(tmpdir(), 'genesys-events-faults-'))) {
    rmSync(serviceDir, { recursive: true, force: true });
  }
};

/** Resolves once the process has exited (SIGKILL to its group after `graceMs`). */
export const waitForExit = async (child: ChildProcess, graceMs = 10_000): Promise<void> => {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const timer = setTimeout(() => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }, graceMs);
  await exited;
  clearTimeout(timer);
};

const waitUntilServing = async (child: ChildProcess): Promise<void> => {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`serverless offline exited with ${child.exitCode}`);
    try {
      // Any answer from the HTTP routes means the server is up (an unknown conversation is a 404; a
      // DynamoDB fault may make it a 500, which is an answer too).
      const response = await fetch(`${faultBaseUrl}/conversations/readiness-probe`);
      await response.text();
      return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no answer on ${faultBaseUrl} within ${READY_TIMEOUT_MS} ms`);
};
