import type { TimelineEntry } from './timeline-entry';

const DETAIL_TOPIC = /^v2\.detail\.events\.conversation\.[^.]+\.(.+)$/;

/**
 * The conversation detail suffix of an entry (`customer.end`, `acw`, ...), if it is a detail event.
 *
 * @example
 * ```ts
 * detailSuffixOf({ topic: 'v2.detail.events.conversation.c-1.user.end' }); // 'user.end'
 * ```
 */
export const detailSuffixOf = (entry: Pick<TimelineEntry, 'topic'>): string | undefined =>
  DETAIL_TOPIC.exec(entry.topic)?.[1];

/** The entries of a timeline with one of the given detail suffixes, in timeline order. */
export const entriesWithSuffix = (timeline: readonly TimelineEntry[], ...suffixes: string[]): TimelineEntry[] =>
  timeline.filter((entry) => suffixes.includes(detailSuffixOf(entry) ?? ''));

/** A string field of an entry's body, if present and non-empty. */
export const stringField = (entry: TimelineEntry | undefined, field: string): string | undefined => {
  const value = entry?.body[field];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
};

/** A finite, non-negative number field of an entry's body, if present. */
export const durationField = (entry: TimelineEntry, field: string): number | undefined => {
  const value = entry.body[field];
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
};

/** The last non-empty string a picker finds, scanning the timeline from its end. */
export const lastString = (
  timeline: readonly TimelineEntry[],
  pick: (entry: TimelineEntry) => unknown,
): string | undefined => {
  for (let index = timeline.length - 1; index >= 0; index -= 1) {
    const entry = timeline[index];
    const value = entry ? pick(entry) : undefined;
    if (typeof value === 'string' && value.length > 0) return value;
  }
  return undefined;
};

/** Keeps only the defined fields of an object, so optional state fields are absent rather than undefined. */
export const definedFields = <T extends Record<string, unknown>>(fields: T): DefinedFields<T> =>
  Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as DefinedFields<T>;

/** The fields of T that may be undefined become optional fields that, when present, are defined. */
export type DefinedFields<T> = { [K in keyof T]?: Exclude<T[K], undefined> };
