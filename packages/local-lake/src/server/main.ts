import { athenaOperations } from '../athena/athena-operations';
import { serveAthena } from '../athena/athena-server';
import { queryBook } from '../athena/query-book';
import { envelopesOf } from '../ingest/bus-entries';
import { subscribeToLocalBus } from '../ingest/bus-subscriber';
import { type IngestListener, lakeIngest } from '../ingest/lake-ingest';
import { lakeTombstones } from '../ingest/tombstones';
import { openLocalLake } from '../store/local-lake';
import { readLakeServerConfig } from './config';
import { erasureReporter } from './erasure-report';

const HOUR_MS = 3_600_000;

/** One PutEvents call's entries as the plugin hands them over, with the time (ms) the bus dispatched them. */
interface HandedBatch {
  readonly entries: unknown;
  readonly at: number;
}
const DAY_MS = 86_400_000;

/** One JSON line per decision, like the functions' logs: ids, counts and reasons, never event content. */
const log: IngestListener['log'] = (level, message, fields = {}) => {
  const line = JSON.stringify({
    level: level.toUpperCase(),
    message,
    service: 'lake',
    timestamp: new Date().toISOString(),
    ...fields,
  });
  (level === 'info' ? process.stdout : process.stderr).write(`${line}\n`);
};

/**
 * The local lake server, started by the serverless plugin in a process of its own (DuckDB's threads stay
 * out of the functions' process): it subscribes to the local bus, writes every app-bus event to the lake
 * within a second, carries out erasure and retention, and answers Athena's API on 127.0.0.1.
 */
const main = async (): Promise<void> => {
  const config = readLakeServerConfig(process.env, process.cwd());
  const lake = await openLocalLake({ dir: config.dir });
  const tombstones = lakeTombstones(config.dir);
  const expire = async () => {
    const cutoff = new Date(Date.now() - config.retentionDays * DAY_MS);
    const expired = await lake.expire(cutoff.toISOString());
    const forgotten = tombstones.prune(cutoff);
    if (expired + forgotten > 0)
      log('info', 'retention applied', { expiredRows: expired, forgottenTombstones: forgotten });
  };
  await expire();
  const ingest = lakeIngest({
    lake,
    tombstones,
    listener: { log, erased: erasureReporter({ busName: config.busName, region: config.region }) },
    now: () => new Date(),
  });
  const identity = { busName: config.busName, account: '000000000000', region: config.region };
  const athena = await serveAthena({
    port: config.port,
    operations: athenaOperations({ book: queryBook(), run: lake.query }),
  });
  const take = (entries: unknown, at = new Date()) => ingest.accept(envelopesOf(entries, identity, at));
  // The plugin hands over the batches the bus dispatches in process (IPC), a tenth of a second's worth per
  // message, each with the time the bus dispatched it; other processes that share the bus publish to its
  // broker.
  let handedOver: Promise<void> = Promise.resolve();
  process.on('message', (message: { batches?: readonly HandedBatch[] }) => {
    if (!Array.isArray(message?.batches)) return;
    const envelopes = message.batches.flatMap(({ entries, at }) => envelopesOf(entries, identity, new Date(at)));
    handedOver = handedOver
      .then(() => ingest.accept(envelopes))
      .catch((error: Error) => log('error', 'local bus batch not taken', { reason: error.message }));
  });
  const subscription = await subscribeToLocalBus(config.busUrl, take, {
    onError: (error) => log('error', 'local bus message not taken', { reason: error.message }),
  });
  const flushing = setInterval(() => void ingest.flush(), config.flushMs);
  const retention = setInterval(() => void expire().catch(() => undefined), HOUR_MS);
  log('info', 'local lake ready', { dir: config.dir, athena: athena.url });
  process.send?.({ ready: true, athena: athena.url });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    clearInterval(flushing);
    clearInterval(retention);
    await subscription.close();
    await handedOver;
    await ingest.flush();
    await athena.close();
    await lake.close();
    process.exit(0);
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => void stop());
  // The plugin's process went away without stopping us: stop too, rather than linger.
  process.on('disconnect', () => void stop());
};

main().catch((error: unknown) => {
  log('error', 'local lake failed to start', { reason: (error as Error).message });
  process.exit(1);
});
