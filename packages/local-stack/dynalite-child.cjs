'use strict';
// Starts and stops dynalite-process.cjs: dynalite in its own Node process, on loopback.
const { fork } = require('node:child_process');
const { join } = require('node:path');

/**
 * Forks dynalite on `host:port` (port 0: any free one) and resolves once it listens.
 *
 * @example
 * const dynamodb = await startDynaliteProcess({ host: '127.0.0.1', port: 4567 });
 * dynamodb.endpoint; // 'http://127.0.0.1:4567'
 * await dynamodb.stop();
 */
function startDynaliteProcess({ host, port }) {
  const child = fork(join(__dirname, 'dynalite-process.cjs'), [JSON.stringify({ host, port })], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    const failed = (reason) => reject(new Error(`local-stack: dynalite did not start on ${host}:${port}: ${reason}`));
    child.once('exit', (code) => failed(`exited with ${code}`));
    child.once('error', (error) => failed(error.message));
    child.once('message', (message) => {
      if (message?.error) return failed(message.error);
      child.removeAllListeners('exit');
      resolve({ endpoint: `http://${host}:${message.listening}`, pid: child.pid, stop: () => stopChild(child) });
    });
  });
}

function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

module.exports = { startDynaliteProcess };
