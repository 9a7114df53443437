'use strict';
// A serverless plugin for `serverless offline`: the local app bus's archive. When offline starts it writes
// the local rules of each service (rules.json) and taps the local bus (serverless-offline-aws-eventbridge),
// so every event put on the app bus is appended to <dir>/events-<UTC day>.ndjson; day files past the
// retention are removed at start. `genesys-events backfill` replays from these files. Settings:
// custom.localArchive (dir, retentionDays, bus; the bus defaults to custom.appBusName).
const { mkdirSync } = require('node:fs');
const { join, resolve } = require('node:path');
const { createArchiveWriter, pruneArchive } = require('./src/archive-writer.cjs');
const { localRules, writeLocalRules } = require('./src/local-rules.cjs');
const { serviceFunctions } = require('./src/service-functions.cjs');
const { findLocalBus, onLocalBusBatches } = require('@genesys-events/local-stack/local-bus-tap.cjs');

const DEFAULTS = { dir: '.local-data/archive', retentionDays: 30 };
class LocalArchivePlugin {
  constructor(serverless) {
    this.serverless = serverless;
    this.hooks = {
      'before:offline:start:init': () => this.start(),
      'before:offline:start:end': () => this.stop(),
    };
  }

  settings() {
    const { custom = {}, provider = {} } = this.serverless.service;
    const own = custom.localArchive ?? {};
    const offline = custom['serverless-offline'] ?? {};
    const busName = own.bus ?? custom.appBusName;
    if (!busName) throw new Error('local-archive: no app bus: set custom.appBusName or custom.localArchive.bus');
    return {
      dir: resolve(this.serverless.serviceDir, String(own.dir || DEFAULTS.dir)),
      retentionDays: Number(own.retentionDays ?? DEFAULTS.retentionDays),
      busName: String(busName),
      lambdaEndpoint: `http://${offline.host ?? '127.0.0.1'}:${offline.lambdaPort ?? 3002}`,
      account: String(custom['serverless-offline-aws-eventbridge']?.account ?? '000000000000'),
      region: String(provider.region ?? 'us-east-1'),
    };
  }

  async start() {
    const settings = this.settings();
    mkdirSync(settings.dir, { recursive: true });
    const removed = await pruneArchive(settings);
    this.writeRules(settings);
    const bus = findLocalBus(this.serverless.pluginManager?.plugins ?? []);
    if (!bus) {
      this.log('no local bus (serverless-offline-aws-eventbridge) among the plugins: nothing is archived');
      return;
    }
    this.writer = createArchiveWriter({ dir: settings.dir, busName: settings.busName, log: (text) => this.log(text) });
    // Offline may run the start hook twice: one listener, which writes with the current writer. The
    // batches of a tenth of a second come together and go out in one append.
    this.tap ??= onLocalBusBatches(
      bus,
      (batches) => {
        for (const { entries, at } of batches) this.writer.record(entries, at);
      },
      { log: (text) => this.log(text) },
    );
    this.log(
      `archiving ${settings.busName} in ${settings.dir} for ${settings.retentionDays} days (${removed.length} expired day file(s) removed)`,
    );
  }

  writeRules(settings) {
    const { service } = this.serverless;
    const services = localRules({
      functions: service.functions ?? {},
      serviceFunctions: serviceFunctions(this.serverless.serviceDir),
      bus: { busName: settings.busName, resources: service.resources?.Resources ?? {} },
      functionName: (key) => service.getFunction?.(key)?.name ?? `${service.service}-${service.provider.stage}-${key}`,
    });
    const { busName: appBus, lambdaEndpoint, account, region } = settings;
    writeLocalRules(join(settings.dir, 'rules.json'), { appBus, lambdaEndpoint, account, region, services });
  }

  async stop() {
    this.tap?.flush();
    await this.writer?.flush();
  }

  log(message) {
    this.serverless.cli?.log?.(`local-archive: ${message}`);
  }
}

module.exports = LocalArchivePlugin;
