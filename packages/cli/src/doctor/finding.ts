/**
 * One thing `doctor` found: fine, worth knowing, or a problem to fix (which makes it exit non-zero).
 *
 * @example
 * ```ts
 * const item: Finding = { level: 'problem', check: 'OPEN_MESSAGING_SECRETS', message: 'is not set' };
 * ```
 */
export interface Finding {
  readonly level: 'ok' | 'note' | 'problem';
  /** What was checked: a variable name, `partner source`, `reachability`, `request`. */
  readonly check: string;
  readonly message: string;
}

/**
 * Builds a finding.
 *
 * @example
 * ```ts
 * finding('problem', 'GENESYS_WEBHOOK_SECRETS', 'is not set');
 * ```
 */
export const finding = (level: Finding['level'], check: string, message: string): Finding => ({
  level,
  check,
  message,
});

const NAMES: Readonly<Record<string, string>> = {
  '\n': 'newline',
  '\r': 'carriage return',
  '\t': 'tab',
  ' ': 'space',
};

/**
 * Names the whitespace around a value in plain words, or undefined when there is none.
 *
 * @example
 * ```ts
 * describeSurroundingWhitespace('secret\n'); // 'a trailing newline'
 * describeSurroundingWhitespace(' secret '); // 'a leading space and a trailing space'
 * ```
 */
export const describeSurroundingWhitespace = (value: string): string | undefined => {
  const leading = /^\s+/.exec(value)?.[0] ?? '';
  const trailing = /\s+$/.exec(value)?.[0] ?? '';
  const name = (run: string) => [...new Set([...run].map((char) => NAMES[char] ?? 'whitespace character'))].join('/');
  const parts = [
    ...(leading ? [`a leading ${name(leading)}`] : []),
    ...(trailing && trailing !== value ? [`a trailing ${name(trailing)}`] : []),
  ];
  return parts.length > 0 ? parts.join(' and ') : undefined;
};
