import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the bench reads and writes. Everything it writes is under `node_modules/.cache/bench/`. */
export interface BenchPaths {
  /** The repository root. */
  readonly root: string;
  /** `node_modules/.cache/bench`, where the compiled bench itself runs from. */
  readonly cache: string;
  /** The function bundles and their manifest. */
  readonly functions: string;
  /** The bare reference handlers of the cold-start part. */
  readonly bare: string;
  /** CPU profiles written by `--profile`. */
  readonly profiles: string;
}

/**
 * The bench's paths, found from the compiled bench's own location (`<root>/node_modules/.cache/bench/*.mjs`).
 *
 * @example
 * ```ts
 * const { root, functions } = benchPaths();
 * ```
 */
export const benchPaths = (): BenchPaths => {
  const cache = dirname(fileURLToPath(import.meta.url));
  return {
    root: resolve(cache, '..', '..', '..'),
    cache,
    functions: join(cache, 'functions'),
    bare: join(cache, 'bare'),
    profiles: join(cache, 'profiles'),
  };
};
