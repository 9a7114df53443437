import * as z from 'zod/mini';

/**
 * How strictly a catalog schema checks enum fields. `strict` knows only the listed values, so classification
 * can tell a new value from a known one; `lenient` takes any string, so a new value never costs the event.
 *
 * @example
 * ```ts
 * const mode: SchemaMode = 'lenient';
 * ```
 */
export type SchemaMode = 'strict' | 'lenient';

/**
 * A non-empty list of enum values, as `z.enum` takes it.
 *
 * @example
 * ```ts
 * const channels = ['EXTERNAL', 'INTERNAL'] as const satisfies EnumValues;
 * ```
 */
export type EnumValues = readonly [string, ...string[]];

/**
 * The value type of an open enum field: the listed values in strict mode, any string in lenient mode.
 *
 * @example
 * ```ts
 * type Channel = OpenEnumValue<'strict', 'EXTERNAL' | 'INTERNAL'>; // 'EXTERNAL' | 'INTERNAL'
 * ```
 */
export type OpenEnumValue<M extends SchemaMode, V extends string> = M extends 'strict' ? V : string;

/**
 * An enum field whose list may lag the service (Genesys adds values without notice). Every catalog schema is
 * built by a factory taking the mode, and its enum fields come from here, so both modes exist from one
 * definition.
 *
 * @example
 * ```ts
 * openEnum('strict', ['INBOUND', 'OUTBOUND']).safeParse('SIDEWAYS').success; // false
 * openEnum('lenient', ['INBOUND', 'OUTBOUND']).safeParse('SIDEWAYS').success; // true
 * ```
 */
export const openEnum = <M extends SchemaMode, const V extends EnumValues>(
  mode: M,
  values: V,
): z.ZodMiniType<OpenEnumValue<M, V[number]>> =>
  // The cast only states which branch `mode` selects; TypeScript cannot narrow a generic mode by value.
  (mode === 'strict' ? z.enum(values) : z.string()) as unknown as z.ZodMiniType<OpenEnumValue<M, V[number]>>;
