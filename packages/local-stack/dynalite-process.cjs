'use strict';
// dynalite in a process of its own, forked by dynalite-child.cjs: its request parsing and the PEG parse of
// every condition expression (about 1.7 ms per conditional PutItem) then run beside serverless offline's
// event loop, on another core, instead of on it. Settings come as JSON in argv[2]; it tells its parent
// when it listens and exits when the parent goes away.
const dynalite = require('dynalite');
const { cacheParses } = require('./expression-cache.cjs');

// The same few expressions come with every request: parsed once each (expression-cache.cjs).
for (const parser of ['conditionParser', 'updateParser', 'projectionParser']) {
  cacheParses(require(`dynalite/db/${parser}`));
}

const { host, port } = JSON.parse(process.argv[2] ?? '{}');
// dynalite applies table changes after a delay by default; locally they should be immediate.
const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });

server.once('error', (error) => {
  process.send?.({ error: error.message });
  process.exit(1);
});
server.listen(Number(port), host, () => process.send?.({ listening: server.address().port }));
// The IPC channel closes when the parent exits, however it exits: never outlive it.
process.on('disconnect', () => process.exit(0));
// Stopped (by the plugin, or with offline's whole process group): an orderly exit, so that exit hooks
// (a --cpu-prof profile, for one) still run.
process.on('SIGTERM', () => process.exit(0));
