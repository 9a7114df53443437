import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CliError } from '../cli/errors';
import { handlerTestTs, handlerTs, readmeMd } from './service-code-files';
import {
  functionsYml,
  jestConfig,
  type KitVersions,
  packageJson,
  serverlessYml,
  tsconfigJson,
} from './service-config-files';
import { type ServiceNames, serviceNames } from './service-name';

/**
 * The files of a new service, by path relative to its folder.
 *
 * @example
 * ```ts
 * Object.keys(serviceFiles(serviceNames('my-team'), kit)); // ['package.json', 'serverless.yml', ...]
 * ```
 */
export const serviceFiles = (names: ServiceNames, kit: KitVersions): Record<string, string> => ({
  'package.json': packageJson(names, kit),
  'tsconfig.json': tsconfigJson(names),
  'jest.config.mjs': jestConfig(names),
  'serverless.yml': serverlessYml(names),
  'serverless/functions.yml': functionsYml(names),
  'src/handlers/log-customer-end.ts': handlerTs(names),
  'src/handlers/log-customer-end.test.ts': handlerTestTs(),
  'README.md': readmeMd(names),
});

/**
 * Writes a new service under `<root>/services/<name>`; refuses a name that is taken. Versions come from
 * the consumer kit's package.json, so the service builds against what the system runs.
 *
 * @example
 * ```ts
 * writeService({ root: '/repo', name: 'my-team' }); // '/repo/services/my-team'
 * ```
 */
export const writeService = ({ root, name }: { root: string; name: string }): string => {
  const names = serviceNames(name);
  const folder = join(root, 'services', names.name);
  if (existsSync(folder)) throw new CliError(`services/${names.name} exists already`);
  const kitManifest = join(root, 'packages', 'consumer-kit', 'package.json');
  if (!existsSync(kitManifest)) throw new CliError(`${root} is not the genesys-events repository (no consumer kit)`);
  const kit = JSON.parse(readFileSync(kitManifest, 'utf8')) as KitVersions;
  for (const [path, text] of Object.entries(serviceFiles(names, kit))) {
    const file = join(folder, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return folder;
};
