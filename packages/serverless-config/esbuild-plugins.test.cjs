'use strict';
const { mkdtempSync, readFileSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { describe, expect, it } = require('@jest/globals');
const { build } = require('esbuild');
const plugins = require('./esbuild-plugins.cjs');

/** Bundles one source file as the functions are bundled (ESM for Node), with the project's plugins. */
const bundle = async (name, source) => {
  const dir = mkdtempSync(join(tmpdir(), 'esbuild-plugins-'));
  writeFileSync(join(dir, name), source);
  await build({
    entryPoints: [join(dir, name)],
    bundle: true,
    format: 'esm',
    platform: 'node',
    outdir: join(dir, 'out'),
    absWorkingDir: dir,
    plugins,
    logLevel: 'silent',
  });
  return readFileSync(join(dir, 'out', `${name.replace(/\.\w+$/, '')}.js`), 'utf8');
};

describe('the function bundles’ esbuild plugins', () => {
  it('load node:http through getBuiltinModule, without its ESM facade or require', async () => {
    const text = await bundle(
      'http.mjs',
      "import { STATUS_CODES } from 'node:http'; export const ok = STATUS_CODES[200];",
    );

    expect(text).toContain('process.getBuiltinModule("node:http")');
    expect(text).not.toMatch(/from\s*["']node:http["']/);
  });

  it('fail the build of a bundle that would call require at run time', async () => {
    await expect(bundle('legacy.cjs', "module.exports = require('node:os').platform();")).rejects.toThrow(
      /calls require at run time/,
    );
  });
});
