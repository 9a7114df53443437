import { CliError } from '../cli/errors';

/** The names a new service is known by in its files. */
export interface ServiceNames {
  /** kebab-case, as given: the folder, the stack (`genesys-events-<name>`), the queue, the log `service`. */
  readonly name: string;
  /** camelCase: its key in custom.paths and the prefix of its function names (unique in the whole system). */
  readonly camel: string;
}

// The stack, the function and the dead-letter queue names must stay within AWS's 64 and 80 characters.
const NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const MAX_LENGTH = 24;

/**
 * Checks a service name and derives its forms; a bad name is a one-line error that says what is allowed.
 *
 * @example
 * ```ts
 * serviceNames('quality-monitoring'); // { name: 'quality-monitoring', camel: 'qualityMonitoring' }
 * ```
 */
export const serviceNames = (name: string): ServiceNames => {
  if (!NAME.test(name) || name.length > MAX_LENGTH) {
    throw new CliError(
      `"${name}" is no service name: lower-case letters, digits and single dashes, starting with a letter, at most ${MAX_LENGTH} characters`,
    );
  }
  return { name, camel: name.replace(/-([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase()) };
};
