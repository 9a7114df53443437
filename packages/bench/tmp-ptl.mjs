import { build } from 'esbuild';

const out = '/tmp/ptl/layer/nodejs/node_modules/@aws-lambda-powertools';
await build({
  entryPoints: {
    'logger/index': '@aws-lambda-powertools/logger',
    'logger/middleware': '@aws-lambda-powertools/logger/middleware',
    'metrics/index': '@aws-lambda-powertools/metrics',
    'metrics/middleware': '@aws-lambda-powertools/metrics/middleware',
  },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node24',
  minify: true,
  outdir: out,
  outExtension: { '.js': '.mjs' },
  chunkNames: 'shared/[name]-[hash]',
  metafile: true,
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
