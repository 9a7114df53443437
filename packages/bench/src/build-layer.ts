/**
 * The stacks' Powertools layer, built by the code `serverless package` runs
 * (`packages/serverless-config/powertools-layer.cjs`) and placed where the bench's bundles resolve it, as
 * a function in Lambda resolves it from the layer's `nodejs/node_modules`.
 */
import { readdirSync, statSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { BenchPaths } from './paths';

interface LayerBuilder {
  buildPowertoolsLayer: (options: { layerDir: string; resolveFrom: string }) => Promise<void>;
}

/**
 * Builds the layer into the bench cache and links its `node_modules` next to the function bundles (call
 * it after `buildFunctions`, which empties their folder). Answers the bytes of the layer's modules.
 *
 * @example
 * ```ts
 * await buildFunctions(paths);
 * const layerBytes = await buildPowertoolsLayer(paths);
 * ```
 */
export const buildPowertoolsLayer = async (paths: BenchPaths): Promise<number> => {
  const builder = createRequire(import.meta.url)(
    join(paths.root, 'packages', 'serverless-config', 'powertools-layer.cjs'),
  ) as LayerBuilder;
  const layerDir = join(paths.cache, 'powertools-layer');
  await builder.buildPowertoolsLayer({ layerDir, resolveFrom: paths.root });
  const modules = join(layerDir, 'nodejs', 'node_modules');
  symlinkSync(modules, join(paths.functions, 'node_modules'), 'dir');
  return moduleBytes(modules);
};

/** The bytes of every `.mjs` file under a folder. */
const moduleBytes = (dir: string): number =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.mjs'))
    .reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
