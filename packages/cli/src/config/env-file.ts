import { readFileSync } from 'node:fs';

/**
 * Parses dotenv text the way the services' loader reads `.env.dev`: `KEY=value` lines, `#` comments,
 * an optional `export `, unquoted values trimmed and cut at ` #`, single quotes literal, double quotes
 * expanding `\n`, `\r` and `\t`. Only double quotes can put whitespace into a value, which is exactly what
 * `doctor` needs to see.
 *
 * @example
 * ```ts
 * parseEnvText('A=1\n# note\nB="two\\n"'); // { A: '1', B: 'two\n' }
 * ```
 */
export const parseEnvText = (text: string): Record<string, string> => {
  const values: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!match?.[1]) continue;
    values[match[1]] = unquote(match[2] ?? '');
  }
  return values;
};

const unquote = (raw: string): string => {
  const quote = raw[0];
  if ((quote === '"' || quote === "'") && raw.indexOf(quote, 1) > 0) {
    const inner = raw.slice(1, raw.indexOf(quote, 1));
    return quote === "'" ? inner : inner.replace(/\\([nrt])/g, (_, code: string) => ESCAPES[code] ?? code);
  }
  return raw.replace(/\s+#.*$/, '').trim();
};

const ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t' };

/**
 * Reads a dotenv file; a missing file is an empty one (a checkout without `.env.dev` still runs with flags).
 *
 * @example
 * ```ts
 * readEnvFile('/work/genesys-events/.env.dev').GENESYS_WEBHOOK_SECRETS;
 * ```
 */
export const readEnvFile = (path: string): Record<string, string> => {
  try {
    return parseEnvText(readFileSync(path, 'utf8'));
  } catch {
    return {};
  }
};
