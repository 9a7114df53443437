'use strict';
// A serverless plugin for `serverless offline`: the event lake, locally. It starts the local lake server in a
// process of its own (DuckDB's threads stay out of the functions' process): every app-bus event lands under
// custom.localLake.dir as Parquet partitioned by event date, within a second, and an Athena-compatible
// endpoint answers SQL over it on 127.0.0.1 (AWS_ENDPOINT_URL_ATHENA). It stops with offline.
const { fork } = require('node:child_process');
const { resolve } = require('node:path');
const { buildServer } = require('./build-server.cjs');
const { findLocalBus, onLocalBusBatches } = require('@genesys-events/local-stack/local-bus-tap.cjs');

const READY_TIMEOUT_MS = 60_000;

class LocalLakePlugin {
  constructor(serverless) {
    this.serverless = serverless;
    this.hooks = {
      'before:offline:start:init': () => this.start(),
      'before:offline:start:end': () => this.stop(),
    };
  }

  settings() {
    const custom = this.serverless.service.custom ?? {};
    const settings = custom.localLake ?? {};
    const pubSubPort = custom['serverless-offline-aws-eventbridge']?.pubSubPort ?? 4011;
    return {
      LOCAL_LAKE_DIR: resolve(this.serverless.serviceDir ?? process.cwd(), String(settings.dir ?? '.local-data/lake')),
      LOCAL_LAKE_PORT: String(settings.port ?? 4590),
      LOCAL_LAKE_BUS_URL: String(settings.busUrl ?? `mqtt://127.0.0.1:${pubSubPort}`),
      LOCAL_LAKE_BUS_NAME: String(settings.busName ?? custom.appBusName ?? ''),
      LOCAL_LAKE_FLUSH_MS: String(settings.flushMs ?? 1000),
      ...(settings.retentionDays === undefined ? {} : { RETENTION_DAYS: String(settings.retentionDays) }),
    };
  }

  async start() {
    const env = { ...process.env, ...this.settings() };
    const server = await buildServer();
    this.child = fork(server, [], { env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const ready = await new Promise((resolveReady, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`local lake not ready within ${READY_TIMEOUT_MS} ms`)),
        READY_TIMEOUT_MS,
      );
      this.child.once('message', (message) => {
        clearTimeout(timer);
        resolveReady(message);
      });
      this.child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`local lake exited with ${code} before it was ready`));
      });
    });
    this.tapBus();
    this.log(`lake in ${env.LOCAL_LAKE_DIR}, Athena API on ${ready.athena}`);
  }

  /**
   * Each batch the local bus dispatches also goes to the lake process, with the time the bus dispatched
   * it: the batches of a tenth of a second in one IPC message (the lake writes once a second anyway).
   */
  tapBus() {
    const bus = findLocalBus(this.serverless.pluginManager?.plugins ?? []);
    if (!bus) {
      this.log('no local bus found: the lake gets only what is published to the bus broker');
      return;
    }
    this.tap ??= onLocalBusBatches(
      bus,
      (batches) => {
        if (this.child?.connected) this.child.send({ batches });
      },
      { log: (text) => this.log(text) },
    );
  }

  async stop() {
    this.tap?.flush();
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    await new Promise((resolveStop) => {
      child.once('exit', resolveStop);
      child.kill('SIGTERM');
    });
    this.child = undefined;
  }

  log(message) {
    this.serverless.cli?.log?.(`local-lake: ${message}`);
  }
}

module.exports = LocalLakePlugin;
