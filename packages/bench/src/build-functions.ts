/**
 * Builds every function the way `serverless package` does: esbuild with the options of
 * `packages/serverless-config/esbuild.yml` (serverless-esbuild's own keys translated as the plugin does).
 */
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BuildOptions, build, type Metafile } from 'esbuild';
import type { BenchPaths } from './paths';
import { type FunctionDefinition, listFunctions, readYaml } from './serverless-files';

/** serverless-esbuild settings that are not esbuild options (the plugin strips or translates them). */
const PLUGIN_ONLY_KEYS = new Set([
  'exclude',
  'packager',
  'outputFileExtension',
  'packagerOptions',
  'concurrency',
  'watch',
]);
/** The one variable esbuild.yml may use, and what it stands for from the repository root. */
const SERVERLESS_CONFIG_PATH = {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a Serverless variable, as esbuild.yml spells it.
  variable: '${self:custom.paths.serverlessConfig}',
  path: 'packages/serverless-config',
};

/** esbuild options the bench passes through unchanged. */
const ESBUILD_KEYS = new Set([
  'bundle',
  'minify',
  'keepNames',
  'sourcemap',
  'sourcesContent',
  'format',
  'platform',
  'target',
  'mainFields',
  'banner',
  'external',
]);

/**
 * The esbuild options of the functions, from esbuild.yml. An unknown key fails, so that the bench never
 * silently builds differently from the deploy.
 *
 * @example
 * ```ts
 * const options = functionBuildOptions('/repo'); // { bundle: true, minify: true, external: ['@aws-sdk/*'], ... }
 * ```
 */
export const functionBuildOptions = (root: string): BuildOptions => {
  const settings = readYaml(join(root, 'packages', 'serverless-config', 'esbuild.yml'));
  const options: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(settings)) {
    if (ESBUILD_KEYS.has(key)) options[key] = value;
    else if (key === 'plugins') options.plugins = loadPlugins(root, String(value));
    else if (!PLUGIN_ONLY_KEYS.has(key))
      throw new Error(`bench: esbuild.yml has "${key}", which the bench does not know`);
  }
  const exclude = Array.isArray(settings.exclude) ? (settings.exclude as string[]) : [];
  const extension = String(settings.outputFileExtension ?? '.js');
  return {
    platform: 'node',
    ...options,
    external: [...((options.external as string[] | undefined) ?? []), ...exclude],
    ...(extension === '.js' ? {} : { outExtension: { '.js': extension } }),
  };
};

/** The plugins file serverless-esbuild loads (`plugins: <path>`, relative to the serverless.yml). */
const loadPlugins = (root: string, setting: string): BuildOptions['plugins'] => {
  const { variable, path } = SERVERLESS_CONFIG_PATH;
  if (!setting.startsWith(`${variable}/`)) {
    throw new Error(`bench: esbuild.yml's plugins must start with ${variable}/, found "${setting}"`);
  }
  const file = join(root, path, setting.slice(variable.length + 1));
  return createRequire(import.meta.url)(file) as BuildOptions['plugins'];
};

/** Bytes of one module or package in a bundle. */
export interface BundleInput {
  readonly module: string;
  readonly bytes: number;
}

/** A function built as it deploys. */
export interface BuiltFunction extends FunctionDefinition {
  /** Absolute path of the bundle (`.mjs`). */
  readonly bundle: string;
  /** Size of the minified bundle in bytes (the AWS SDK is not in it). */
  readonly bytes: number;
  /** The `@aws-sdk/*` packages the bundle imports at run time. */
  readonly sdkImports: readonly string[];
  /** What the bundle is made of, by package, largest first. */
  readonly inputs: readonly BundleInput[];
}

/**
 * Builds every function into the bench cache and writes `functions/manifest.json`.
 *
 * @example
 * ```ts
 * const functions = await buildFunctions(paths);
 * Math.max(...functions.map((fn) => fn.bytes));
 * ```
 */
export const buildFunctions = async (paths: BenchPaths): Promise<BuiltFunction[]> => {
  const options = functionBuildOptions(paths.root);
  rmSync(paths.functions, { recursive: true, force: true });
  mkdirSync(paths.functions, { recursive: true });
  const built: BuiltFunction[] = [];
  for (const definition of listFunctions(paths.root)) {
    const outdir = join(paths.functions, definition.service);
    mkdirSync(outdir, { recursive: true });
    const result = await build({
      ...options,
      absWorkingDir: paths.root,
      entryPoints: [{ in: definition.entry, out: definition.name }],
      outdir,
      metafile: true,
      // serverless-esbuild prints esbuild's warnings; the bench's report has no place for them.
      logLevel: 'error',
    });
    const bundle = join(outdir, `${definition.name}${options.outExtension?.['.js'] ?? '.js'}`);
    const output = result.metafile.outputs[relative(paths.root, bundle)];
    if (!output) throw new Error(`bench: esbuild wrote no ${bundle}`);
    built.push({
      ...definition,
      bundle,
      bytes: statSync(bundle).size,
      sdkImports: [
        ...new Set(output.imports.filter((i) => i.external && i.path.startsWith('@aws-sdk/')).map((i) => i.path)),
      ].sort(),
      inputs: inputsByPackage(output),
    });
  }
  writeFileSync(join(paths.functions, 'manifest.json'), JSON.stringify(built, null, 2));
  return built;
};

/** Groups a bundle's input bytes by package (`zod`, `@middy/core`, `@genesys-events/core`, own code). */
const inputsByPackage = (output: Metafile['outputs'][string]): BundleInput[] => {
  const totals = new Map<string, number>();
  for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
    const module = packageOf(path);
    totals.set(module, (totals.get(module) ?? 0) + bytesInOutput);
  }
  return [...totals].map(([module, bytes]) => ({ module, bytes })).sort((a, b) => b.bytes - a.bytes);
};

/**
 * The package a bundled file belongs to, from its path relative to the repository root.
 *
 * @example
 * ```ts
 * packageOf('node_modules/.pnpm/zod@4.6.7/node_modules/zod/v4/core/schemas.js'); // 'zod'
 * ```
 */
export const packageOf = (path: string): string => {
  const marker = path.lastIndexOf('node_modules/');
  if (marker >= 0) {
    const [scope = '', name = ''] = path.slice(marker + 'node_modules/'.length).split('/');
    return scope.startsWith('@') ? `${scope}/${name}` : scope;
  }
  const workspace = /^(packages|services)\/([^/]+)\//.exec(path);
  if (workspace?.[1] === 'packages') return `@genesys-events/${workspace[2]}`;
  if (workspace?.[1] === 'services') return `${workspace[2]} (service code)`;
  return path;
};

/**
 * The functions a previous {@link buildFunctions} built (parts read it in their own processes).
 *
 * @example
 * ```ts
 * const consumers = readBuiltFunctions(paths).filter((fn) => fn.trigger.kind === 'eventbridge');
 * ```
 */
export const readBuiltFunctions = (paths: BenchPaths): BuiltFunction[] =>
  JSON.parse(readFileSync(join(paths.functions, 'manifest.json'), 'utf8')) as BuiltFunction[];

/** A Lambda handler as the bench calls it. */
export type Handler = (event: unknown, context: unknown) => Promise<unknown>;

/**
 * Imports a built function and answers its handler. Set the function's environment first: handlers read
 * their configuration and create their clients when they are imported.
 *
 * @example
 * ```ts
 * const handler = await importHandler(fn);
 * ```
 */
export const importHandler = async (fn: BuiltFunction): Promise<Handler> => {
  const module = (await import(pathToFileURL(fn.bundle).href)) as Record<string, unknown>;
  const handler = module[fn.exportName];
  if (typeof handler !== 'function') throw new Error(`bench: ${fn.bundle} exports no ${fn.exportName}`);
  return handler as Handler;
};
