// esbuild plugins of every function bundle, loaded by serverless-esbuild (`plugins` in esbuild.yml) and by
// the bench, so that both build the same bundles.

// Measured with the AWS SDK loaded, as in a function: importing node:http costs about 16 ms, every other
// built-in the bundles import (crypto, timers, querystring) under half a millisecond.
const { readFileSync } = require('node:fs');
const { resolve } = require('node:path');

const SLOW_TO_IMPORT = /^(node:)?http$/;
const NAMESPACE = 'builtin-without-facade';

/**
 * Loads `node:http` with `process.getBuiltinModule` instead of an ESM `import`. Importing a built-in from
 * ESM builds its ESM facade, which reads every export, lazy ones included: `node:http`'s lazy exports load
 * undici, about 16 ms of every cold start (`@middy/util` imports `STATUS_CODES` from it), where
 * `getBuiltinModule` returns the module the AWS SDK has already loaded. It is not `require`: a `require`
 * call in ESM output makes esbuild add its dynamic-require shim to every bundle (about 260 bytes).
 */
const builtinsThroughRequire = {
  name: 'builtins-without-facade',
  setup(build) {
    build.onResolve({ filter: SLOW_TO_IMPORT }, (args) =>
      args.kind === 'import-statement' ? { path: args.path, namespace: NAMESPACE } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => ({
      contents: esmOverRequire(args.path),
      loader: 'js',
    }));
  },
};

/**
 * An ES module re-exporting the built-in's plain exports from `getBuiltinModule`. Each is read through a call
 * marked pure, so that esbuild drops the unused ones (it keeps plain property reads). Getters (the lazy
 * exports) are left out: reading them is what costs.
 */
const esmOverRequire = (specifier) => {
  const exports = Object.entries(Object.getOwnPropertyDescriptors(require(specifier)))
    .filter(([name, descriptor]) => 'value' in descriptor && /^[A-Za-z_$][\w$]*$/.test(name))
    .map(([name]) => `export const ${name} = /* @__PURE__ */ pick(${JSON.stringify(name)});`);
  const head = [
    `const builtin = process.getBuiltinModule(${JSON.stringify(specifier)});`,
    'const pick = (name) => builtin[name];',
  ];
  return [...head, 'export default builtin;', ...exports].join('\n');
};

/**
 * Fails the build when a bundle would call `require` at run time. The bundles are ES modules without a
 * `require`, so esbuild turns such a call (a CommonJS dependency requiring a built-in or an external
 * package) into a shim that throws "Dynamic require ... is not supported" only when that line runs: in
 * production, on the first request that reaches it. Failing here names the culprit before it ships.
 */
const noRuntimeRequire = {
  name: 'no-runtime-require',
  setup(build) {
    // The metafile lists what a build wrote; serverless-esbuild does not ask for it by default.
    build.initialOptions.metafile = true;
    const root = build.initialOptions.absWorkingDir ?? process.cwd();
    build.onEnd((result) => {
      const outputs = result.outputFiles ?? [];
      const written = outputs.length > 0 ? outputs : writtenOutputs(result, root);
      const errors = written
        .filter(({ text }) => text.includes(DYNAMIC_REQUIRE_SHIM))
        .map(({ path }) => ({ text: `${path} calls require at run time; import the module instead` }));
      return { errors };
    });
  },
};

/** The message esbuild's shim throws; only a bundle that calls `require` contains it. */
const DYNAMIC_REQUIRE_SHIM = 'Dynamic require of';

/** The JavaScript files a build wrote (its metafile lists them), with their text. */
const writtenOutputs = (result, root) =>
  Object.keys(result.metafile?.outputs ?? {})
    .filter((path) => /\.m?js$/.test(path))
    .map((path) => ({ path, text: readFileSync(resolve(root, path), 'utf8') }));

module.exports = [builtinsThroughRequire, noRuntimeRequire];
