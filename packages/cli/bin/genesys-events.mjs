#!/usr/bin/env node
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
// Runs the CLI from an esbuild bundle of its TypeScript sources and core's. Plain node cannot run them
// directly (core imports without file extensions), and compiling ahead of time would need a build step in a
// fresh clone. The bundle is rebuilt only when a source is newer, so a normal start costs a few stat calls.
// Bundles live under node_modules/.cache/genesys-events-cli/<stamp>/: a new stamp per source change means
// two commands starting at once never read a half-written bundle.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const cliRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = join(cliRoot, '..', '..');
const { buildStamp } = createRequire(import.meta.url)(join(repoRoot, 'scripts', 'build-stamp.cjs'));
const cacheDir = join(repoRoot, 'node_modules', '.cache', 'genesys-events-cli');
const sources = [
  join(cliRoot, 'src'),
  ...['core', 'lake', 'local-lake'].map((name) => join(repoRoot, 'packages', name, 'src')),
];
// A change of dependencies (the lockfile) or of these build options (this file) also calls for a new bundle.
const inputs = [join(repoRoot, 'pnpm-lock.yaml'), fileURLToPath(import.meta.url)];

const entry = join(cacheDir, buildStamp([...sources, ...inputs]), 'main.mjs');
if (!existsSync(entry)) {
  try {
    await build(dirname(entry));
  } catch (error) {
    // esbuild has printed the details; this is the one-line reason.
    console.error(`genesys-events: could not build the CLI from its sources: ${String(error.message).split('\n')[0]}`);
    process.exit(1);
  }
}
const { main } = await import(pathToFileURL(entry).href);
process.exitCode = await main({ argv: process.argv.slice(2), root: repoRoot });

async function build(outDir) {
  const { build: esbuild } = await import('esbuild');
  const staging = `${outDir}.${process.pid}.tmp`;
  mkdirSync(cacheDir, { recursive: true });
  await esbuild({
    entryPoints: { main: join(cliRoot, 'src', 'main.ts') },
    outdir: staging,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Commands import the AWS SDK and DuckDB lazily; splitting keeps them out of the chunk every command loads.
    splitting: true,
    // DuckDB is a native addon: it is loaded from node_modules (the root declares it), never bundled.
    external: ['@duckdb/*'],
    // Bundled CommonJS dependencies (cli-progress, the AWS SDK) call require for Node built-ins.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    legalComments: 'none',
    logLevel: 'error',
  });
  try {
    renameSync(staging, outDir);
  } catch {
    // Another command built the same stamp first: use that one.
    rmSync(staging, { recursive: true, force: true });
  }
  removeStaleBundles(outDir);
}

/** Older bundles go once they are an hour old: a command started before the rebuild may still load chunks. */
function removeStaleBundles(current) {
  const hourAgo = Date.now() - 3_600_000;
  for (const name of readdirSync(cacheDir)) {
    const path = join(cacheDir, name);
    if (path === current) continue;
    const stat = statSync(path, { throwIfNoEntry: false });
    if (stat && stat.mtimeMs < hourAgo) rmSync(path, { recursive: true, force: true });
  }
}
