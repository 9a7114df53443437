'use strict';
const { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { describe, expect, it } = require('@jest/globals');
const LocalArchivePlugin = require('./index.cjs');

const BUS = 'genesys-events-dev';
const pattern = { 'detail-type': ['conversation:created'] };

/** A serverless service folder with one service, `timeline`, whose function `store` has one rule. */
const fakeServerless = ({ plugins }) => {
  const serviceDir = mkdtempSync(join(tmpdir(), 'local-archive-plugin-'));
  mkdirSync(join(serviceDir, 'services', 'timeline', 'serverless'), { recursive: true });
  writeFileSync(join(serviceDir, 'services', 'timeline', 'serverless', 'functions.yml'), 'store:\n  handler: h\n');
  const functions = {
    store: { name: 'genesys-events-dev-store', events: [{ eventBridge: { eventBus: BUS, pattern } }] },
  };
  const logged = [];
  const serverless = {
    serviceDir,
    service: {
      service: 'genesys-events',
      provider: { stage: 'dev', region: 'eu-west-1' },
      custom: {
        appBusName: BUS,
        localArchive: { dir: 'archive', retentionDays: '30' },
        'serverless-offline': { host: '127.0.0.1', lambdaPort: 3302 },
        'serverless-offline-aws-eventbridge': { account: '000000000000' },
      },
      functions,
      getFunction: (key) => functions[key],
    },
    pluginManager: { plugins },
    cli: { log: (text) => logged.push(text) },
  };
  return { serverless, dir: join(serviceDir, 'archive'), logged };
};

/** Stands in for serverless-offline-aws-eventbridge: it dispatches each batch with invokeSubscribers. */
class FakeBus {
  constructor() {
    this.dispatched = [];
  }
  invokeSubscribers(entries) {
    this.dispatched.push(entries);
    return ['invoked'];
  }
}

const entry = { EventBusName: BUS, Source: 's', DetailType: 'conversation:created', Detail: '{"a":1}' };

describe('the local-archive plugin', () => {
  it('writes the local rules of each service when offline starts', async () => {
    const { serverless, dir } = fakeServerless({ plugins: [new FakeBus()] });

    await new LocalArchivePlugin(serverless).start();

    expect(JSON.parse(readFileSync(join(dir, 'rules.json'), 'utf8'))).toEqual({
      appBus: BUS,
      lambdaEndpoint: 'http://127.0.0.1:3302',
      account: '000000000000',
      region: 'eu-west-1',
      services: { timeline: [{ function: 'store', functionName: 'genesys-events-dev-store', pattern }] },
    });
  });

  it('archives every batch the bus dispatches, and the bus still dispatches it unchanged', async () => {
    const bus = new FakeBus();
    const { serverless, dir } = fakeServerless({ plugins: [{}, bus] });
    const plugin = new LocalArchivePlugin(serverless);
    await plugin.start();

    const result = bus.invokeSubscribers([entry]);
    await plugin.stop();

    expect(result).toEqual(['invoked']);
    expect(bus.dispatched).toEqual([[entry]]);
    const [file] = readdirSync(dir).filter((name) => name.startsWith('events-'));
    expect(JSON.parse(readFileSync(join(dir, file ?? ''), 'utf8'))).toMatchObject({
      source: 's',
      'detail-type': 'conversation:created',
      detail: { a: 1 },
    });
  });

  it('taps the bus once, however often offline starts it', async () => {
    const bus = new FakeBus();
    const { serverless, dir } = fakeServerless({ plugins: [bus] });
    const plugin = new LocalArchivePlugin(serverless);
    await plugin.start();
    await plugin.start();

    bus.invokeSubscribers([entry]);
    await plugin.stop();

    const files = readdirSync(dir).filter((name) => name.startsWith('events-'));
    expect(
      readFileSync(join(dir, files[0] ?? ''), 'utf8')
        .trim()
        .split('\n'),
    ).toHaveLength(1);
  });

  it('says so and archives nothing when there is no local bus', async () => {
    const { serverless, logged } = fakeServerless({ plugins: [{}] });

    await new LocalArchivePlugin(serverless).start();

    expect(logged.join('\n')).toContain('nothing is archived');
  });

  it('refuses to start without an app bus to archive', () => {
    const { serverless } = fakeServerless({ plugins: [] });
    serverless.service.custom.appBusName = undefined;

    expect(() => new LocalArchivePlugin(serverless).settings()).toThrow('no app bus');
  });
});
