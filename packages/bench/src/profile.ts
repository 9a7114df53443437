/**
 * Summarises a V8 CPU profile of the ingest loop (`--profile`): self time by package and by function,
 * mapped through the bundles' source maps. Node's own code and built-ins (JSON.stringify, crypto, console,
 * stream writes) count for the package that called into them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageOf } from './build-functions';
import { renderTable } from './report/table';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  readonly children?: number[];
}

interface CpuProfile {
  readonly nodes: ProfileNode[];
  readonly samples: number[];
  readonly timeDeltas: number[];
}

const SPECIAL = new Set(['(root)', '(program)', '(garbage collector)', '(idle)']);
/** The profiler's own session (`--profile` starts and stops it in-process): not the loop's time. */
const PROFILER_URLS = new Set(['node:inspector', 'node:inspector/promises']);
/** The bench's stdout/stderr byte counter passes writes on: they count for whoever logged. */
const COUNTING_WRITE = 'benchCountingWrite';

/**
 * The profile's top packages and functions by self time, as two tables; with the number of requests the
 * profiled loop served, each line's microseconds per request too.
 *
 * @example
 * ```ts
 * console.log(summariseProfile('node_modules/.cache/bench/profiles/ingest-seedForm.cpuprofile', root, { requests: 9000 }));
 * ```
 */
export const summariseProfile = (
  file: string,
  root: string,
  { requests, top = 15 }: { requests?: number; top?: number } = {},
): string => {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, index) => {
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0));
  });
  const locate = locator(root);
  type Place = { module: string; where: string; origin: string };
  const places = new Map<number, Place>();
  // Node's own JavaScript (node:*) and built-ins count for the first caller outside them (its origin).
  const placeOf = (node: ProfileNode): Place => {
    const known = places.get(node.id);
    if (known) return known;
    const { functionName, url } = node.callFrame;
    let place: Place;
    if (SPECIAL.has(functionName)) place = { module: functionName, where: functionName, origin: functionName };
    else if (url.startsWith('file://') && functionName !== COUNTING_WRITE) {
      const located = locate(node);
      place = { ...located, origin: located.where };
    } else {
      const parent = byId.get(parentOf.get(node.id) ?? -1);
      const caller = parent ? placeOf(parent) : { module: '(native)', where: '', origin: '' };
      place = { module: caller.module, where: `${url || 'built-in'} from ${caller.origin}`, origin: caller.origin };
    }
    places.set(node.id, place);
    return place;
  };
  const packages = new Map<string, number>();
  const functions = new Map<string, number>();
  let total = 0;
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node || node.callFrame.functionName === '(idle)' || PROFILER_URLS.has(node.callFrame.url)) continue;
    const { module, where } = placeOf(node);
    total += us;
    packages.set(module, (packages.get(module) ?? 0) + us);
    const name = `${node.callFrame.functionName || '(anonymous)'}  [${where}]`;
    functions.set(name, (functions.get(name) ?? 0) + us);
  }
  const rows = (totals: Map<string, number>) =>
    [...totals]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => [
        name,
        (us / 1000).toFixed(0),
        `${((100 * us) / total).toFixed(1)}%`,
        ...(requests ? [(us / requests).toFixed(1)] : []),
      ]);
  const perRequest = requests ? ['us/request'] : [];
  const served = requests ? `, ${requests} requests, ${(total / requests).toFixed(0)} us busy per request` : '';
  return [
    `CPU profile ${file} (${(total / 1000).toFixed(0)} ms busy${served})`,
    renderTable(
      ['package (self time, built-ins counted for their caller)', 'ms', 'share', ...perRequest],
      rows(packages),
    ),
    '',
    renderTable(['function [source]', 'ms', 'share', ...perRequest], rows(functions)),
  ].join('\n');
};

/** Maps a profiled frame to its package and original source, through the bundle's source map when it has one. */
const locator = (root: string) => {
  const maps = new Map<string, SourceMap | undefined>();
  const mapOf = (path: string) => {
    if (!maps.has(path)) {
      const file = `${path}.map`;
      maps.set(path, existsSync(file) ? new SourceMap(JSON.parse(readFileSync(file, 'utf8'))) : undefined);
    }
    return maps.get(path);
  };
  return (node: ProfileNode): { module: string; where: string } => {
    const { url, lineNumber, columnNumber } = node.callFrame;
    const path = fileURLToPath(url);
    const entry = mapOf(path)?.findEntry(lineNumber, columnNumber) as
      | { originalSource?: string; originalLine?: number }
      | undefined;
    if (!entry?.originalSource) {
      // Code esbuild adds to a bundle (keepNames' __name, export getters) has no original source.
      const bundled = path.includes('/.cache/bench/functions/');
      // Minified code without a map (the Powertools layer's chunks) is named by line and column.
      const where = `${relative(root, path)}:${lineNumber + 1}:${columnNumber + 1}`;
      return { module: bundled ? 'esbuild bundle helpers' : relative(root, path), where };
    }
    const source = relative(root, resolve(dirname(path), entry.originalSource.replace(/^file:\/\//, '')));
    const module = packageOf(source);
    return { module, where: `${source.split('node_modules/').pop()}:${(entry.originalLine ?? lineNumber) + 1}` };
  };
};
