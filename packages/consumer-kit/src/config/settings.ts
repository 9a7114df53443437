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
