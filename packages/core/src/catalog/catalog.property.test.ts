import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { classifyNotification } from './classify-notification';
import { classifyOpenMessagingMessage, openMessagingDedupeKey } from './classify-open-messaging';
import { normaliseEventTime } from './event-time';
import { catalogTopic, eventBody, mutatedOpenMessage, timeValue, topicName } from './fixtures/arbitraries';
import { parseTopicName } from './parse-topic-name';

const numRuns = Number(process.env.FAST_CHECK_RUNS ?? 1000);

const ISO_SHAPE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const expectUndefinedOrIso = (value: string | undefined) => {
  if (value === undefined) return;
  expect(value).toMatch(ISO_SHAPE);
  expect(new Date(value).toISOString()).toBe(value);
};

describe('catalog properties', () => {
  it('parses any topic name without throwing, to a pattern that keeps its segment count', () => {
    fc.assert(
      fc.property(topicName, (name) => {
        const parsed = parseTopicName(name);

        expect(parsed.pattern.split('.')).toHaveLength(name.split('.').length);
        if (parsed.entry !== undefined) expect(parsed.pattern).toBe(parsed.entry.pattern);
      }),
      { numRuns },
    );
  });

  it('finds the entry and the ids of any concrete catalog topic', () => {
    fc.assert(
      fc.property(catalogTopic, ({ entry, topicName: name, ids }) => {
        const parsed = parseTopicName(name);

        expect(parsed.entry).toBe(entry);
        const named = entry.idNames.flatMap((idName, index) => (ids[index] === '{id}' ? [] : [[idName, ids[index]]]));
        expect(parsed.ids).toEqual(Object.fromEntries(named));
      }),
      { numRuns },
    );
  });

  it('classifies any notification without throwing and keeps every result consistent', () => {
    fc.assert(
      fc.property(topicName, eventBody, (name, body) => {
        const event = classifyNotification({ topicName: name, eventBody: body });

        expectUndefinedOrIso(event.eventTime);
        if (event.kind === 'known') {
          expect(parseTopicName(name).entry?.strict.safeParse(body).success).toBe(true);
        } else {
          expect(['unknown_topic', 'unknown_values', 'schema_mismatch']).toContain(event.reason);
          expect(event.reason === 'unknown_topic').toBe(event.issues.length === 0);
        }
      }),
      { numRuns },
    );
  });

  it('classifies any JSON object handed over as a notification without throwing', () => {
    const untyped = fc.record(
      { topicName: fc.oneof(topicName, fc.jsonValue()), eventBody: fc.oneof(eventBody, fc.jsonValue()) },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(untyped, (value) => {
        const event = classifyNotification(value as { topicName: string; eventBody: Record<string, unknown> });

        expect(['known', 'unknown']).toContain(event.kind);
      }),
      { numRuns },
    );
  });

  it('classifies any JSON value as an Open Messaging message without throwing', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.dictionary(fc.string(), fc.jsonValue()), mutatedOpenMessage), (value) => {
        const classified = classifyOpenMessagingMessage(value);

        if (classified.kind === 'known') expect(openMessagingDedupeKey(classified.message)).toBeDefined();
        else expect(classified.issues.length).toBeGreaterThan(0);
      }),
      { numRuns },
    );
  });

  it('normalises any event time to undefined or a valid ISO string', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('epoch-ms', 'iso', undefined),
        fc.record({ eventTime: timeValue, modifiedDate: timeValue }, { requiredKeys: [] }),
        (format, body) => {
          expectUndefinedOrIso(normaliseEventTime(format, body));
        },
      ),
      { numRuns },
    );
  });

  it('normalises any epoch time between the years 0000 and 9999 to the same instant', () => {
    const earliest = Date.parse('0000-01-01T00:00:00.000Z');
    const latest = Date.parse('9999-12-31T23:59:59.999Z');
    fc.assert(
      fc.property(fc.integer({ min: earliest, max: latest }), fc.boolean(), (ms, asText) => {
        const iso = normaliseEventTime('epoch-ms', { eventTime: asText ? String(ms) : ms });

        expect(iso).toBeDefined();
        expect(Date.parse(iso ?? '')).toBe(ms);
        expect(normaliseEventTime('iso', { eventTime: iso })).toBe(iso);
      }),
      { numRuns },
    );
  });
});
