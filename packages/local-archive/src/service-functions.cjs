'use strict';
// Which functions belong to which service: the root serverless.yml includes each service's
// services/<name>/serverless/functions.yml, so the functions a file defines (its top-level keys) are that
// service's. Read from the files, not from a list, so a service added later under services/ is found too.
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
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
  const servicesDir = join(root, 'services');
  const names = readdirSync(servicesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const services = {};
  for (const name of names) {
    let text;
    try {
      text = readFileSync(join(servicesDir, name, 'serverless', 'functions.yml'), 'utf8');
    } catch {
      continue; // a folder without functions (or not a service)
    }
    services[name] = functionKeysOf(text);
  }
  return services;
}

module.exports = { serviceFunctions, functionKeysOf };
