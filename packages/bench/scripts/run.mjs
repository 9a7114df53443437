#!/usr/bin/env node
// Compiles the bench (TypeScript, and core's extensionless imports) with esbuild into
// node_modules/.cache/bench/ at the repository root, then runs it with this process's arguments
// (`--short`, `--profile`). The AWS SDK, DuckDB, dynalite and esbuild stay external: the bench must share
// the SDK classes with the function bundles it loads, and those resolve it from the root, as on Lambda;
// DuckDB is a native addon.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const cacheDir = join(packageDir, '..', '..', 'node_modules', '.cache', 'bench');

await build({
  absWorkingDir: packageDir,
  entryPoints: [
    { in: 'src/main.ts', out: 'bench' },
    { in: 'src/cold-start/child.ts', out: 'cold-start-child' },
  ],
  outdir: cacheDir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  keepNames: true,
  sourcemap: 'linked',
  external: ['@aws-sdk/*', '@duckdb/*', 'dynalite', 'esbuild'],
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  logLevel: 'warning',
});

await import(pathToFileURL(join(cacheDir, 'bench.mjs')).href);
