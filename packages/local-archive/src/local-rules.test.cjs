'use strict';
const { mkdtempSync, readFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { describe, expect, it } = require('@jest/globals');
const { isAppBus, localRules, writeLocalRules } = require('./local-rules.cjs');

const BUS = {
  busName: 'genesys-events-dev',
  resources: { AppEventBus: { Properties: { Name: 'genesys-events-dev' } } },
};
const appBus = { 'Fn::GetAtt': ['AppEventBus', 'Name'] };
const onBus = (pattern, extra = {}) => ({ eventBridge: { eventBus: appBus, pattern, ...extra } });
const functionName = (key) => `genesys-events-dev-${key}`;

describe('isAppBus', () => {
  it.each([
    ['its name', 'genesys-events-dev', true],
    ['its ARN', 'arn:aws:events:eu-west-1:000000000000:event-bus/genesys-events-dev', true],
    ['a GetAtt of its resource', appBus, true],
    ['a Ref of its resource', { Ref: 'AppEventBus' }, true],
    ['another bus', 'partner-bus', false],
    ['another resource', { Ref: 'PartnerEventBus' }, false],
    ['no bus (the default bus)', undefined, false],
  ])('recognises %s: %p', (_what, eventBus, expected) => {
    expect(isAppBus(eventBus, BUS)).toBe(expected);
  });
});

describe('localRules', () => {
  it("lists each service's app-bus rules with the function's name, one entry per rule", () => {
    const stored = { 'detail-type': [{ prefix: 'v2.detail.events.conversation.' }] };
    const messages = { 'detail-type': ['open-messaging.message'] };
    const functions = {
      store: { events: [onBus(stored), onBus(messages)] },
      read: { events: [{ httpApi: { path: '/x' } }] },
      tick: { events: [{ eventBridge: { schedule: 'rate(1 minute)' } }] },
      paused: { events: [onBus(stored, { enabled: false })] },
      partner: { events: [{ eventBridge: { eventBus: 'partner-bus', pattern: stored } }] },
    };

    const rules = localRules({
      functions,
      serviceFunctions: { timeline: ['store', 'read'], misc: ['tick', 'paused', 'partner', 'notLoaded'] },
      bus: BUS,
      functionName,
    });

    expect(rules).toEqual({
      timeline: [
        { function: 'store', functionName: 'genesys-events-dev-store', pattern: stored },
        { function: 'store', functionName: 'genesys-events-dev-store', pattern: messages },
      ],
      misc: [],
    });
  });
});

describe('writeLocalRules', () => {
  it('writes the manifest as JSON', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'local-archive-rules-')), 'rules.json');

    writeLocalRules(file, { appBus: 'b', services: {} });

    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ appBus: 'b', services: {} });
  });
});
