#!/usr/bin/env node
// Packages the root system and every service for a stage (default prod) without AWS credentials, then
// lints each CloudFormation template with cfn-lint when it is installed. Run through `npm run package`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stage = process.argv[2] ?? 'prod';
const serverless = join(root, 'node_modules', '.bin', 'serverless');
// W3005: serverless emits DependsOn entries that CloudFormation already implies; harmless.
const CFN_LINT_ARGS = ['--ignore-checks', 'W3005'];

const serviceDirs = [
  root,
  ...readdirSync(join(root, 'services'))
    .map((name) => join(root, 'services', name))
    .filter((dir) => existsSync(join(dir, 'serverless.yml'))),
];

const hasCfnLint = spawnSync('cfn-lint', ['--version'], { stdio: 'ignore' }).status === 0;
if (!hasCfnLint) console.warn('package-all: cfn-lint is not installed; templates are packaged but not linted');

let failures = 0;
for (const dir of serviceDirs) {
  const name = relative(root, dir) || '(root)';
  console.log(`\n== ${name}: serverless package --stage ${stage}`);
  if (!run(serverless, ['package', '--stage', stage], dir)) {
    failures += 1;
    continue;
  }
  if (!hasCfnLint) continue;
  const template = join(dir, '.serverless', 'cloudformation-template-update-stack.json');
  console.log(`== ${name}: cfn-lint`);
  if (!run('cfn-lint', [...CFN_LINT_ARGS, '--', template], dir)) failures += 1;
}

console.log(
  `\npackage-all: ${serviceDirs.length - failures} of ${serviceDirs.length} packaged${hasCfnLint ? ' and linted' : ''}`,
);
process.exit(failures === 0 ? 0 : 1);

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit' });
  return result.status === 0;
}
