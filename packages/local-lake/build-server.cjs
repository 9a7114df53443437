'use strict';
// Bundles the local lake server (src/server/main.ts with the lake's and core's TypeScript) into one ES module
// under this package's node_modules/.cache, where Node resolves its native and external dependencies
// (DuckDB, mqtt, the AWS SDK) from this package. Rebuilt only when a source or the lockfile changed.
const { existsSync, mkdirSync, readdirSync, renameSync, rmSync } = require('node:fs');
const { join } = require('node:path');

const { buildStamp } = require('../../scripts/build-stamp.cjs');

const packageDir = __dirname;
const repoRoot = join(packageDir, '..', '..');
const cacheDir = join(packageDir, 'node_modules', '.cache', 'local-lake');
const sources = [
  join(packageDir, 'src'),
  join(repoRoot, 'packages', 'lake', 'src'),
  join(repoRoot, 'packages', 'core', 'src'),
];
const inputs = [join(repoRoot, 'pnpm-lock.yaml'), __filename];

/** Answers the path of an up-to-date server bundle, building it first when needed. */
async function buildServer() {
  const entry = join(cacheDir, `server-${buildStamp([...sources, ...inputs])}.mjs`);
  if (existsSync(entry)) return entry;
  const { build } = require('esbuild');
  mkdirSync(cacheDir, { recursive: true });
  const staging = `${entry}.${process.pid}.tmp.mjs`;
  await build({
    entryPoints: [join(packageDir, 'src', 'server', 'main.ts')],
    outfile: staging,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    external: ['@duckdb/*', 'mqtt', '@aws-sdk/*'],
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    legalComments: 'none',
    logLevel: 'error',
  });
  renameSync(staging, entry);
  for (const name of readdirSync(cacheDir))
    if (join(cacheDir, name) !== entry) rmSync(join(cacheDir, name), { force: true });
  return entry;
}

module.exports = { buildServer };
