'use strict';
// The root serverless.yml's view of the services: every folder under services/ with a serverless/
// folder takes part in the whole system (`npm run dev`, the root package), with no list to edit. A
// service's functions come from its serverless/functions.yml, its resources from every other file there
// (resources.yml, or a .cjs that builds resources), and its handler paths from custom.paths.<camelName>,
// which its own serverless.yml sets to `.` and the root to services/<name>. The values are variable
// references, resolved by the framework like any other.

const { existsSync, readdirSync } = require('node:fs');
const { join, relative } = require('node:path');

const REPOSITORY_ROOT = join(__dirname, '..', '..');
const SERVICES_DIR = join(REPOSITORY_ROOT, 'services');
const FUNCTIONS_FILE = 'functions.yml';

/** `conversation-events` -> `conversationEvents`: the key of a service in custom.paths. */
const camelCase = (name) => name.replace(/-([a-z0-9])/g, (_match, letter) => letter.toUpperCase());

/**
 * Every service folder (services/<name>/serverless/), sorted by name, so the order is stable.
 *
 * @example
 * discoverServices(); // [{ name: 'analytics', dir: '/repo/services/analytics' }, ...]
 */
function discoverServices(servicesDir = SERVICES_DIR) {
  return readdirSync(servicesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(servicesDir, entry.name, 'serverless', FUNCTIONS_FILE)))
    .map((entry) => ({ name: entry.name, dir: join(servicesDir, entry.name) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** A file reference the framework resolves, relative to the repository root. */
const fileReference = (path) => `\${file(${relative(REPOSITORY_ROOT, path)})}`;

/**
 * What the root serverless.yml includes: `paths` (custom.paths, the shared config's too), `functions` and
 * `resources` (lists of file references; the resources start with operations.yml, which every stack has).
 *
 * @example
 * systemParts(); // { paths: { ingest: 'services/ingest', ... }, functions: ['${file(...)}'], resources: [...] }
 */
function systemParts(servicesDir = SERVICES_DIR) {
  const services = discoverServices(servicesDir);
  const paths = { serverlessConfig: relative(REPOSITORY_ROOT, __dirname) };
  const functions = [];
  // The whole system has HTTP routes (the webhooks), so it has both sets of operations.
  const resources = [
    fileReference(join(__dirname, 'operations.yml')),
    fileReference(join(__dirname, 'http-operations.yml')),
  ];
  for (const { name, dir } of services) {
    paths[camelCase(name)] = relative(REPOSITORY_ROOT, dir);
    const folder = join(dir, 'serverless');
    functions.push(fileReference(join(folder, FUNCTIONS_FILE)));
    for (const file of readdirSync(folder).sort()) {
      if (file !== FUNCTIONS_FILE && /\.(yml|cjs)$/.test(file)) resources.push(fileReference(join(folder, file)));
    }
  }
  return { paths, functions, resources };
}

module.exports = () => systemParts();
module.exports.systemParts = systemParts;
module.exports.discoverServices = discoverServices;
module.exports.camelCase = camelCase;
