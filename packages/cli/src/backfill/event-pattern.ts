/**
 * An EventBridge event pattern: field names to a list of matchers (a leaf) or to a nested pattern, and
 * `$or` to a list of alternative patterns.
 *
 * @example
 * ```ts
 * const pattern: EventPattern = { 'detail-type': [{ prefix: 'v2.detail.events.conversation.' }] };
 * ```
 */
export type EventPattern = { readonly [field: string]: unknown };

/**
 * A pattern this matcher cannot evaluate (an operator it does not know, such as `cidr`, or a malformed
 * rule): the backfill stops rather than guess which events a rule takes.
 *
 * @example
 * ```ts
 * throw new UnsupportedPatternError('the pattern operator "cidr" is not supported');
 * ```
 */
export class UnsupportedPatternError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsupportedPatternError';
  }
}

type Record_ = { readonly [key: string]: unknown };

const isRecord = (value: unknown): value is Record_ =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Whether an event matches a pattern, with EventBridge's content filtering: every field of the pattern
 * must match; a leaf matches when any of its matchers does (exact values, `prefix`, `suffix`,
 * `equals-ignore-case`, `wildcard`, `exists`, `anything-but`, `numeric`); an array in the event matches when
 * any element does; `$or` takes any of its patterns. The local stand-in for the cloud's rule evaluation in a
 * replay, so a local backfill reaches the same functions.
 *
 * @example
 * ```ts
 * matchesPattern({ detail: { eventBody: { conversationId: [{ exists: true }] } } }, { detail: { eventBody: { conversationId: 'c-1' } } }); // true
 * ```
 */
export const matchesPattern = (pattern: EventPattern, event: unknown): boolean => matchObject(pattern, event);

const matchObject = (pattern: Record_, value: unknown): boolean =>
  Object.entries(pattern).every(([key, rule]) => {
    if (key === '$or') {
      if (!Array.isArray(rule)) throw new UnsupportedPatternError('"$or" takes a list of patterns');
      return rule.some((alternative) => matchObject(asPattern(alternative), value));
    }
    const present = isRecord(value) && Object.hasOwn(value, key);
    const field = present ? value[key] : undefined;
    if (Array.isArray(rule)) return matchLeaf(rule, present, field);
    if (isRecord(rule)) {
      // Nested objects inside an event array: any element may match.
      return Array.isArray(field) ? field.some((item) => matchObject(rule, item)) : matchObject(rule, field);
    }
    throw new UnsupportedPatternError(`the pattern of "${key}" must be a list of matchers or a nested pattern`);
  });

const asPattern = (value: unknown): Record_ => {
  if (!isRecord(value)) throw new UnsupportedPatternError('"$or" takes a list of patterns');
  return value;
};

const matchLeaf = (matchers: readonly unknown[], present: boolean, field: unknown): boolean => {
  // A missing field matches only `exists: false`.
  if (!present) return matchers.some((matcher) => isRecord(matcher) && matcher.exists === false);
  const values = Array.isArray(field) ? field : [field];
  return matchers.some((matcher) => matchOne(matcher, values));
};

const matchOne = (matcher: unknown, values: readonly unknown[]): boolean => {
  if (!isRecord(matcher)) return values.some((value) => value === matcher);
  const [name, argument] = onlyOperator(matcher);
  // `exists` works on leaves only, as in EventBridge: an object there is not a value.
  if (name === 'exists') return argument === true && values.some((value) => !isRecord(value));
  if (name === 'numeric') return values.some((value) => numericMatch(argument, value));
  if (name === 'anything-but') return !values.some((value) => excluded(argument, value));
  return values.some((value) => stringMatch(name, argument, value));
};

const onlyOperator = (matcher: Record_): [string, unknown] => {
  const entries = Object.entries(matcher);
  const [entry] = entries;
  if (!entry || entries.length > 1) throw new UnsupportedPatternError('a matcher takes exactly one operator');
  return entry;
};

const stringMatch = (name: string, argument: unknown, value: unknown): boolean => {
  if (typeof value !== 'string') return false;
  const ignoreCase = isRecord(argument) && typeof argument['equals-ignore-case'] === 'string';
  const text = ignoreCase ? String(argument['equals-ignore-case']) : argument;
  if (typeof text !== 'string') throw new UnsupportedPatternError(`"${name}" takes a string`);
  const [subject, wanted] = ignoreCase ? [value.toLowerCase(), text.toLowerCase()] : [value, text];
  switch (name) {
    case 'prefix':
      return subject.startsWith(wanted);
    case 'suffix':
      return subject.endsWith(wanted);
    case 'equals-ignore-case':
      return value.toLowerCase() === text.toLowerCase();
    case 'wildcard':
      return wildcardRegExp(text).test(value);
    default:
      throw new UnsupportedPatternError(`the pattern operator "${name}" is not supported`);
  }
};

/** `*` matches any run of characters, `\*` a star; everything else literally. */
const wildcardRegExp = (text: string): RegExp => {
  const parts = text.split(/(\\\*|\*)/).map((part) => {
    if (part === '*') return '.*';
    if (part === '\\*') return '\\*';
    return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  });
  return new RegExp(`^${parts.join('')}$`, 's');
};

const excluded = (argument: unknown, value: unknown): boolean => {
  if (Array.isArray(argument)) return argument.includes(value);
  if (isRecord(argument)) {
    const [name, operand] = onlyOperator(argument);
    return stringMatch(name, operand, value);
  }
  return value === argument;
};

const COMPARISONS: Readonly<Record<string, (left: number, right: number) => boolean>> = {
  '=': (left, right) => left === right,
  '<': (left, right) => left < right,
  '<=': (left, right) => left <= right,
  '>': (left, right) => left > right,
  '>=': (left, right) => left >= right,
};

const numericMatch = (argument: unknown, value: unknown): boolean => {
  if (!Array.isArray(argument) || argument.length === 0 || argument.length % 2 !== 0) {
    throw new UnsupportedPatternError('"numeric" takes operator and number pairs');
  }
  if (typeof value !== 'number') return false;
  for (let index = 0; index < argument.length; index += 2) {
    const compare = COMPARISONS[String(argument[index])];
    const bound = argument[index + 1];
    if (!compare || typeof bound !== 'number')
      throw new UnsupportedPatternError('"numeric" takes operator and number pairs');
    if (!compare(value, bound)) return false;
  }
  return true;
};
