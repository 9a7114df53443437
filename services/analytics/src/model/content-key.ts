import { createHash } from 'node:crypto';

// core's eventContentKey and canonicalJson, spelled out: core's module reads topic times through zod, and
// any value imported from core bundles its zod schemas, which would put the sentiment deriver over its size
// budget. The deriver needs the key to recognise its own event among the stored ones. A test keeps the two
// equal on the same bodies.

/**
 * The content key the consumer stores an event under: SHA-256 of the topic name and the body with keys
 * sorted at every depth.
 *
 * @example
 * ```ts
 * contentKeyOf({ topicName: 'v2.conversations.c-1.transcription', eventBody: { b: 1, a: 2 } }); // '5d1c...'
 * ```
 */
export const contentKeyOf = (detail: { topicName: string; eventBody: Record<string, unknown> }): string =>
  createHash('sha256').update(detail.topicName).update('\n').update(canonical(detail.eventBody)).digest('hex');

const canonical = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'null';
  const record = value as Record<string, unknown>;
  const members = Object.keys(record)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonical(record[key])}`);
  return `{${members.join(',')}}`;
};
