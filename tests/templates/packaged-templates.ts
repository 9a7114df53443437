import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';

const run = promisify(execFile);
const repositoryRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A CloudFormation template, as far as the tests read it. */
export interface Template {
  readonly Parameters?: Record<string, { Type: string; Default?: string }>;
  readonly Resources: Record<string, { Type: string; Properties?: Record<string, unknown>; Condition?: string }>;
  readonly Outputs?: Record<string, { Value: unknown; Export?: { Name: unknown } }>;
}

/**
 * The version of an installed package, as the bundles are built against it.
 *
 * @example
 * ```ts
 * installedVersion('@aws-lambda-powertools/logger'); // '2.36.0'
 * ```
 */
export const installedVersion = (name: string): string =>
  (JSON.parse(readFileSync(join(repositoryRoot, 'node_modules', name, 'package.json'), 'utf8')) as { version: string })
    .version;

/** Every deployable: the root system and each service with a serverless.yml. */
export const deployables = (): { name: string; dir: string }[] => [
  { name: '(root)', dir: repositoryRoot },
  ...readdirSync(join(repositoryRoot, 'services'))
    .map((name) => join(repositoryRoot, 'services', name))
    .filter((dir) => existsSync(join(dir, 'serverless.yml')))
    .map((dir) => ({ name: relative(repositoryRoot, dir), dir })),
];

/** A packaged deployable: its template, and a reader of the files in its Powertools layer's zip. */
export interface PackagedStack {
  readonly template: Template;
  readonly layerFile: (path: string) => string;
}

/** Packages a deployable for prod into a fresh folder and reads its template. */
export const packagedTemplate = async (dir: string): Promise<PackagedStack> => {
  const out = mkdtempSync(join(tmpdir(), 'genesys-events-package-'));
  await run(
    join(repositoryRoot, 'node_modules', '.bin', 'serverless'),
    ['package', '--stage', 'prod', '--package', out],
    {
      cwd: dir,
      env: { ...process.env, GENESYS_PARTNER_EVENT_SOURCE: '' },
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  const template = JSON.parse(readFileSync(join(out, 'cloudformation-template-update-stack.json'), 'utf8')) as Template;
  const layerZip = join(out, 'powertools.zip');
  return { template, layerFile: (path) => zippedText(layerZip, path) };
};

/** One file of a zip archive, as text; fails when the archive lacks it. */
const zippedText = (zip: string, path: string): string => {
  const file = unzipSync(readFileSync(zip), { filter: (entry) => entry.name === path })[path];
  if (!file) throw new Error(`${zip} has no ${path}`);
  return strFromU8(file);
};
