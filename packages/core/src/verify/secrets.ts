/**
 * Reads a list of secrets from one configuration value: comma-separated, the first is current and the
 * others are still accepted while a rotation is under way. Entries are trimmed because a trailing newline
 * or space copied into a secret store silently breaks every signature.
 *
 * @example
 * ```ts
 * parseSecretList('new-secret, old-secret\n'); // ['new-secret', 'old-secret']
 * ```
 */
export const parseSecretList = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
