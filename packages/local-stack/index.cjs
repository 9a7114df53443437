'use strict';
// A serverless plugin for `serverless offline`: starts dynalite (the DynamoDB API on LevelDB, in memory)
// in a process of its own on 127.0.0.1 before the functions load, and creates every AWS::DynamoDB::Table of
// `resources` from its CloudFormation properties, so local tables are exactly the ones that deploy.
// Settings: custom.localStack.
const { createTables } = require('./create-tables.cjs');
const { startDynaliteProcess } = require('./dynalite-child.cjs');

const DEFAULTS = { host: '127.0.0.1', port: 4567 };

class LocalStackPlugin {
  constructor(serverless) {
    this.serverless = serverless;
    this.hooks = {
      'before:offline:start:init': () => this.start(),
      'before:offline:start:end': () => this.stop(),
    };
  }

  async start() {
    const settings = { ...DEFAULTS, ...(this.serverless.service.custom?.localStack ?? {}) };
    this.server = await startDynaliteProcess({ host: settings.host, port: Number(settings.port) });
    const { endpoint } = this.server;
    const resources = this.serverless.service.resources?.Resources ?? {};
    const names = await createTables({ endpoint, resources, region: process.env.AWS_REGION ?? 'us-east-1' });
    this.log(`dynalite on ${endpoint}, tables: ${names.join(', ') || '(none)'}`);
  }

  async stop() {
    if (!this.server) return;
    await this.server.stop();
    this.server = undefined;
  }

  log(message) {
    this.serverless.cli?.log?.(`local-stack: ${message}`);
  }
}

module.exports = LocalStackPlugin;
