import { spawnSync } from 'node:child_process';
import type { Command } from 'commander';
import { CliError } from '../cli/errors';
import type { CliIo } from '../cli/io';
import { printJson, printLine, report } from '../cli/output';
import { writeService } from '../scaffold/write-service';

interface NewServiceOptions {
  readonly install: boolean;
  readonly json?: boolean;
}

/**
 * `genesys-events new service <name>`: a new service under services/, with a starter consumer of
 * `customer.end`, its tests, its own serverless.yml, and its part in `npm run dev` and `npm test`
 * (the root finds services by folder; only the lockfile changes, when `pnpm install` links it).
 *
 * @example
 * ```ts
 * registerNewService(program, io); // genesys-events new service quality-monitoring
 * ```
 */
export const registerNewService = (program: Command, io: CliIo): Command => {
  const create = program.command('new').description('create something new in the repository');
  create
    .command('service')
    .description('a new service under services/: a starter consumer of customer.end that runs, tests and deploys')
    .argument('<name>', 'kebab-case, e.g. quality-monitoring')
    .option('--no-install', 'skip `pnpm install` (which links the service into the workspace)')
    .option('--json', 'machine-readable output')
    .action((name: string, options: NewServiceOptions) => {
      const folder = writeService({ root: io.root, name });
      if (options.install) install(io);
      if (options.json) {
        printJson(io, { service: name, folder, installed: options.install });
        return;
      }
      report(io, `services/${name} written${options.install ? ' and linked' : ''}`);
      printLine(
        io,
        `next: npm run dev (it takes part), cd services/${name} && pnpm test, npx serverless deploy --stage prod`,
      );
    });
  return create;
};

/** Links the new service into the workspace; the lockfile gains its entry. */
const install = (io: CliIo): void => {
  const result = spawnSync('pnpm', ['install', '--prefer-offline'], { cwd: io.root, stdio: ['ignore', 2, 2] });
  if (result.error || result.status !== 0) {
    throw new CliError('pnpm install failed: run it at the repository root to link the new service');
  }
};
