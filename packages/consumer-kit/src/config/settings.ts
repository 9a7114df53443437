/** The environment a function reads its settings from. */
export type Env = Readonly<Record<string, string | undefined>>;

/**
 * A setting that must be present; a missing or blank value fails at cold start with its name.
 *
 * @example
 * ```ts
 * const tableName = requiredSetting(process.env, 'ANALYTICS_TABLE_NAME');
 * ```
 */
export const requiredSetting = (env: Env, name: string): string => {
  const value = env[name]?.trim();
  if (!value) throw new Error(`missing configuration: ${name}`);
  return value;
};

/** The bounds and default of a {@link wholeNumberSetting}. */
export interface WholeNumberBounds {
  /** Used when the setting is unset or blank. */
  readonly fallback: number;
  readonly min: number;
  readonly max: number;
}

/**
 * A whole-number setting within bounds; unset means the fallback. Anything else fails at cold start with
 * the setting's name, so a typo never turns into an unbounded wait or keeping data forever.
 *
 * @example
 * ```ts
 * wholeNumberSetting(process.env, 'SUMMARY_WAIT_MS', { fallback: 5000, min: 0, max: 6000 });
 * ```
 */
export const wholeNumberSetting = (env: Env, name: string, { fallback, min, max }: WholeNumberBounds): number => {
  const text = env[name]?.trim();
  if (!text) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`invalid configuration: ${name} must be a whole number from ${min} to ${max}`);
  }
  return value;
};

/**
 * A comma-separated list setting, entries trimmed; empty when unset.
 *
 * @example
 * ```ts
 * listSetting({ GENESYS_ORG_IDS: 'a, b' }, 'GENESYS_ORG_IDS'); // ['a', 'b']
 * ```
 */
export const listSetting = (env: Env, name: string): string[] =>
  (env[name] ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
