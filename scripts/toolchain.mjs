#!/usr/bin/env node
// Runs a root script with the project's toolchain (Node 24 + pnpm), installing both from the npm
// registry first when the current shell lacks them. This is what lets `npm test` and `npm run dev`
// work on a machine that only has an older Node and npm. Plain JavaScript, no dependencies: it runs
// before anything is installed, on whatever Node the machine has.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const NODE_SPEC = 'node@24.21.0';
const PNPM_SPEC = 'pnpm@10.34.9';
const REQUIRED_NODE_MAJOR = 24;

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const toolsDir = join(root, '.tools');
const toolsBin = join(toolsDir, 'node_modules', '.bin');

const [script, ...args] = process.argv.slice(2);
if (!script) {
  console.error('usage: node scripts/toolchain.mjs <root script> [args...]');
  process.exit(2);
}

const nodeMajor = Number(process.versions.node.split('.')[0]);
const runningUnderPnpm = (process.env.npm_config_user_agent ?? '').startsWith('pnpm/');

if (nodeMajor >= REQUIRED_NODE_MAJOR && runningUnderPnpm) {
  // A laptop with Node 24 and pnpm: nothing to install, run the script as it is.
  runForwardingSignals('pnpm', ['run', script, ...args], process.env);
} else {
  const env = { ...process.env, PATH: [toolsBin, process.env.PATH].join(delimiter) };
  // npm sets this for its own child scripts; pnpm must not take npm's user agent for its own.
  delete env.npm_config_user_agent;
  ensureTools();
  const install = run('pnpm', ['install', '--frozen-lockfile'], env);
  if (install !== 0) exit(install);
  runForwardingSignals('pnpm', ['run', script, ...args], env);
}

function ensureTools() {
  const haveNode = existsSync(join(toolsBin, 'node'));
  const havePnpm = existsSync(join(toolsBin, 'pnpm'));
  if (haveNode && havePnpm && toolsAreCurrent()) return;
  mkdirSync(toolsDir, { recursive: true });
  console.error(`toolchain: installing ${NODE_SPEC} and ${PNPM_SPEC} into .tools (npm registry)`);
  const status = run(
    'npm',
    [
      'install',
      '--prefix',
      toolsDir,
      '--no-save',
      '--no-package-lock',
      '--no-audit',
      '--no-fund',
      NODE_SPEC,
      PNPM_SPEC,
    ],
    process.env,
  );
  if (status !== 0) {
    console.error('toolchain: could not install Node 24 and pnpm from the npm registry');
    exit(status);
  }
}

function toolsAreCurrent() {
  const probe = spawnSync(join(toolsBin, 'node'), ['--version'], { encoding: 'utf8' });
  const pnpm = spawnSync(join(toolsBin, 'pnpm'), ['--version'], {
    encoding: 'utf8',
    env: { ...process.env, PATH: [toolsBin, process.env.PATH].join(delimiter) },
  });
  return probe.stdout?.trim() === `v${NODE_SPEC.split('@')[1]}` && pnpm.stdout?.trim() === PNPM_SPEC.split('@')[1];
}

function run(command, commandArgs, commandEnv) {
  const result = spawnSync(command, commandArgs, { cwd: root, env: commandEnv, stdio: 'inherit' });
  if (result.error) {
    console.error(`toolchain: ${command} failed to start: ${result.error.message}`);
    return 1;
  }
  return result.status ?? 1;
}

// The last step may be a long-running server (`dev`): pass termination signals on so that stopping
// this process stops the whole local system.
function runForwardingSignals(command, commandArgs, commandEnv) {
  // Its own process group: pnpm does not pass signals on to the script it runs, so a signal goes to the
  // whole group, reaching `serverless offline` itself.
  const child = spawn(command, commandArgs, { cwd: root, env: commandEnv, stdio: 'inherit', detached: true });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      try {
        process.kill(-child.pid, signal);
      } catch {
        // the group has already exited
      }
    });
  }
  child.on('error', (error) => {
    console.error(`toolchain: ${command} failed to start: ${error.message}`);
    exit(1);
  });
  child.on('exit', (code, signal) => exit(code ?? (signal ? 1 : 0)));
}

function exit(status) {
  process.exit(status);
}
