import type * as z from 'zod/mini';

/**
 * What checking a value against the strict and the lenient schema of one event found.
 *
 * @example
 * ```ts
 * const check: ModeCheck<string> = { result: 'unknown_values', issues: ['mediaType: unknown value'] };
 * ```
 */
export type ModeCheck<T> =
  | { readonly result: 'known'; readonly data: T }
  | { readonly result: 'unknown_values' | 'schema_mismatch'; readonly issues: string[] };

/**
 * Checks a value against the strict schema, then the lenient one. Passing only the lenient schema means the
 * shape is right and some enum field holds a value the catalog does not list yet; failing both means the shape
 * is wrong. Issues name the paths and what is wrong there, never the values, which may be personal data.
 *
 * @example
 * ```ts
 * checkInBothModes(schemas.strict, schemas.lenient, { mediaType: 'HOLOGRAM' });
 * // { result: 'unknown_values', issues: ['mediaType: unknown value'] }
 * ```
 */
export const checkInBothModes = <S extends z.ZodMiniType>(
  strict: S,
  lenient: z.ZodMiniType,
  value: unknown,
): ModeCheck<z.infer<S>> => {
  const strictResult = strict.safeParse(value);
  if (strictResult.success) return { result: 'known', data: strictResult.data };
  const strictIssues = strictResult.error.issues;
  const lenientResult = lenient.safeParse(value);
  if (lenientResult.success) return { result: 'unknown_values', issues: describeIssues(strictIssues, value) };
  // The lenient issues say what is structurally wrong; strict issues elsewhere add the unknown enum values.
  const lenientIssues = lenientResult.error.issues;
  const structuralPaths = new Set(lenientIssues.map((issue) => pathOf(issue)));
  const enumIssues = strictIssues.filter((issue) => !structuralPaths.has(pathOf(issue)));
  return { result: 'schema_mismatch', issues: describeIssues([...lenientIssues, ...enumIssues], value) };
};

/**
 * Zod issues as `path: what is wrong` lines, without the offending values and without repeats.
 *
 * @example
 * ```ts
 * describeIssues(schema.safeParse({ id: 7 }).error?.issues ?? [], { id: 7 }); // ['id: expected string']
 * ```
 */
export const describeIssues = (issues: readonly z.core.$ZodIssue[], input: unknown): string[] => [
  ...new Set(issues.map((issue) => `${pathOf(issue)}: ${problemOf(issue, input)}`)),
];

const pathOf = (issue: z.core.$ZodIssue): string => issue.path.map(String).join('.') || '(root)';

const problemOf = (issue: z.core.$ZodIssue, input: unknown): string => {
  switch (issue.code) {
    case 'invalid_value':
      return 'unknown value';
    case 'invalid_type':
      return valueAt(input, issue.path) === undefined ? 'missing' : `expected ${issue.expected}`;
    default:
      // Zod's own messages may quote the value (custom checks, formats), so only the code is kept.
      return issue.code.replaceAll('_', ' ');
  }
};

const valueAt = (input: unknown, path: readonly PropertyKey[]): unknown => {
  let current = input;
  for (const key of path) {
    // Own properties only: a path must never lead into a prototype.
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
};
