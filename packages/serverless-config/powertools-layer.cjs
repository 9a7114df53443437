'use strict';
// Powertools (Logger, Metrics) reaches Lambda in a layer of the project's own, built when a stack is
// packaged and by the bench: one minified ES module per entry point the functions import, plus the chunks
// they share. The public Powertools layer holds the same code as about 45 separate modules; a function
// importing them spent about 18 ms more of its cold start than one importing this layer (measured in
// fresh processes on the same machine). The function bundles leave Powertools out (esbuild.yml) and
// resolve it from the layer's `nodejs/node_modules`, as they resolve the AWS SDK from the runtime.

const { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const builtinsThroughRequire = require('./esbuild-plugins.cjs');

const SCOPE = '@aws-lambda-powertools';
/**
 * The packages the functions import from Powertools, with the subpaths they import. `commons` is there for
 * `cleanupMiddlewares`, which ingest calls when a middleware answers early (Logger and Metrics share its
 * code already, so it adds an entry module, not a second copy).
 */
const PACKAGES = { commons: ['.'], logger: ['.', './middleware'], metrics: ['.', './middleware'] };

/** `logger/index` for `.`, `logger/middleware` for `./middleware`: where each entry point is written. */
const outputName = (name, subpath) => `${name}/${subpath === '.' ? 'index' : subpath.slice(2)}`;

const entryPoints = () =>
  Object.entries(PACKAGES).flatMap(([name, subpaths]) =>
    subpaths.map((subpath) => ({ in: `${SCOPE}/${name}${subpath.slice(1)}`, out: outputName(name, subpath) })),
  );

/** The installed version of a Powertools package: the layer says which one it holds. */
const installedVersion = (name, resolveFrom) => {
  let dir = dirname(require.resolve(`${SCOPE}/${name}`, { paths: [resolveFrom] }));
  while (!existsSync(join(dir, 'package.json')) || readPackage(dir).name !== `${SCOPE}/${name}`) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`powertools layer: no package.json found for ${SCOPE}/${name}`);
    dir = parent;
  }
  return readPackage(dir).version;
};

const readPackage = (dir) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));

/** A package.json whose exports point each subpath the functions import at its bundled module. */
const packageJson = (name, version) => ({
  name: `${SCOPE}/${name}`,
  version,
  description: 'Bundled for the genesys-events Powertools layer',
  type: 'module',
  exports: Object.fromEntries(
    PACKAGES[name].map((subpath) => [subpath, `./${outputName(name, subpath).slice(name.length + 1)}.mjs`]),
  ),
});

/**
 * Builds the layer's content into `layerDir` (emptied first): `nodejs/node_modules/@aws-lambda-powertools/`
 * with `commons/`, `logger/` and `metrics/` (a package.json and a module per entry point) and `_chunks/`. Packages are
 * resolved from `resolveFrom`, the directory whose installed Powertools the bundles were built against.
 */
async function buildPowertoolsLayer({ layerDir, resolveFrom }) {
  const { build } = require(require.resolve('esbuild', { paths: [resolveFrom, __dirname] }));
  const modules = join(layerDir, 'nodejs', 'node_modules', SCOPE);
  rmSync(layerDir, { recursive: true, force: true });
  mkdirSync(modules, { recursive: true });
  await build({
    absWorkingDir: resolveFrom,
    entryPoints: entryPoints(),
    outdir: modules,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node24',
    minify: true,
    // Powertools is not ours to audit for reliance on function and class names; keep them.
    keepNames: true,
    outExtension: { '.js': '.mjs' },
    chunkNames: '_chunks/[name]-[hash]',
    plugins: builtinsThroughRequire,
    // The require-over-import plugin and bundled CommonJS call `require`, which ES modules lack.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    logLevel: 'error',
  });
  for (const name of Object.keys(PACKAGES)) {
    const manifest = packageJson(name, installedVersion(name, resolveFrom));
    writeFileSync(join(modules, name, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  }
}

module.exports = { buildPowertoolsLayer, POWERTOOLS_PACKAGES: PACKAGES, POWERTOOLS_SCOPE: SCOPE };
