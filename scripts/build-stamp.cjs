'use strict';
// The stamp of a cached build's inputs, shared by the tools that bundle TypeScript on first use (the CLI,
// the local lake server): a bundle is rebuilt only when its stamp changes, so a normal start costs a few
// stat calls.

const { readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

/**
 * The newest modification time and the number of the files and folders under `paths`: any edit, addition
 * or removal changes it.
 *
 * @example
 * buildStamp(['packages/core/src', 'pnpm-lock.yaml']); // '1764670000123-412'
 */
function buildStamp(paths) {
  let newest = 0;
  let count = 0;
  const visit = (path) => {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) return;
    count += 1;
    newest = Math.max(newest, stat.mtimeMs);
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
  };
  for (const path of paths) visit(path);
  return `${Math.floor(newest)}-${count}`;
}

module.exports = { buildStamp };
