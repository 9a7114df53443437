'use strict';
// Which functions belong to which service: the root serverless.yml includes each service's
// services/<name>/serverless/functions.yml, so the functions a file defines (its top-level keys) are that
// service's. Read from the files, not from a list, so a service added later under services/ is found too.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { discoverServices } = require('@genesys-events/serverless-config/services.cjs');
const yaml = require('js-yaml');

/** Any CloudFormation short form (!GetAtt, !Sub, !If, ...) read as its plain value: only the keys matter here. */
const anyTag = (kind) => new yaml.Type('!', { kind, multi: true, construct: (data) => data });
const SCHEMA = yaml.DEFAULT_SCHEMA.extend([anyTag('scalar'), anyTag('sequence'), anyTag('mapping')]);

/**
 * The function names one functions.yml defines.
 *
 * @example
 * functionKeysOf('consumeAnalyticsEvent:\n  handler: x.handler\n'); // ['consumeAnalyticsEvent']
 */
function functionKeysOf(text) {
  const document = yaml.load(text, { schema: SCHEMA });
  if (typeof document !== 'object' || document === null || Array.isArray(document)) return [];
  return Object.keys(document);
}

/**
 * Each service under `<root>/services` with a `serverless/functions.yml`, with the functions it defines,
 * by service name (the folder's).
 *
 * @example
 * serviceFunctions('/work/genesys-events');
 * // { analytics: ['consumeAnalyticsEvent', ...], 'conversation-events': [...], ingest: [...] }
 */
function serviceFunctions(root) {
  // The same services the root serverless.yml runs (packages/serverless-config/services.cjs).
  const services = {};
  for (const { name, dir } of discoverServices(join(root, 'services'))) {
    services[name] = functionKeysOf(readFileSync(join(dir, 'serverless', 'functions.yml'), 'utf8'));
  }
  return services;
}

module.exports = { serviceFunctions, functionKeysOf };
