import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { MalformedPayloadError } from '../errors';
import { customerStartNotification, genesysEnvelope, seedConversationEvent } from './fixtures/webhook-bodies';
import { type RecognisedEvent, recogniseEvent } from './recognise';

const numRuns = Number(process.env.FAST_CHECK_RUNS ?? 1000);

const KINDS: readonly RecognisedEvent['kind'][] = [
  'seed-conversation',
  'seed-unknown',
  'notification',
  'call-analysis',
  'envelope-unknown',
];

/** Any UTF-16 code unit sequence, lone surrogates included. */
const anyCodeUnits = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)) });

/** Objects that use the keys recogniseEvent looks at, with values of any JSON type. */
const eventLike = fc.record(
  {
    eventType: fc.oneof(
      fc.constantFrom('conversation:created', 'conversation:updated', 'other:type', ''),
      fc.jsonValue(),
    ),
    conversation: fc.oneof(
      fc.record({ id: fc.oneof(fc.string(), fc.jsonValue()), type: fc.jsonValue() }),
      fc.jsonValue(),
    ),
    topicName: fc.oneof(fc.string(), fc.jsonValue()),
    eventBody: fc.oneof(fc.dictionary(fc.string(), fc.jsonValue()), fc.jsonValue()),
    metadata: fc.oneof(fc.record({ CorrelationId: fc.jsonValue() }), fc.jsonValue()),
    timestamp: fc.jsonValue(),
    version: fc.jsonValue(),
    'detail-type': fc.oneof(fc.constantFrom('call.analysis.completed', 'v2.x.{id}.y', ''), fc.jsonValue()),
    source: fc.oneof(fc.string(), fc.jsonValue()),
    resources: fc.oneof(fc.array(fc.string()), fc.jsonValue()),
    detail: fc.oneof(
      fc.record(
        { topicName: fc.jsonValue(), eventBody: fc.jsonValue(), interactionId: fc.oneof(fc.string(), fc.jsonValue()) },
        { requiredKeys: [] },
      ),
      fc.jsonValue(),
    ),
    ['__proto__']: fc.jsonValue(),
  },
  { requiredKeys: [] },
);

/** A fixture with one field replaced by an arbitrary JSON value. */
const mutatedFixture = fc
  .tuple(
    fc.constantFrom(seedConversationEvent(), customerStartNotification(), genesysEnvelope()),
    fc.string(),
    fc.jsonValue(),
  )
  .map(([fixture, key, value]) => {
    const keys = Object.keys(fixture);
    const target = keys[key.length % keys.length] ?? key;
    return { ...fixture, [target]: value };
  });

const expectRecognisedOrMalformed = (json: string) => {
  let result: RecognisedEvent | undefined;
  try {
    result = recogniseEvent(json);
  } catch (error) {
    expect(error).toBeInstanceOf(MalformedPayloadError);
    return;
  }
  expect(KINDS).toContain(result.kind);
};

describe('recogniseEvent properties', () => {
  it('either recognises or throws MalformedPayloadError for any string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), anyCodeUnits), expectRecognisedOrMalformed),
      { numRuns },
    );
  });

  it('either recognises or throws MalformedPayloadError for any JSON value', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.jsonValue({ maxDepth: 6 }), eventLike, mutatedFixture), (value) => {
        expectRecognisedOrMalformed(JSON.stringify(value) ?? 'null');
      }),
      { numRuns },
    );
  });

  it('either recognises or throws MalformedPayloadError for JSON text as fast-check writes it', () => {
    fc.assert(fc.property(fc.json(), expectRecognisedOrMalformed), { numRuns });
  });

  it('recognises the same event whatever the whitespace and key order of its JSON', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(seedConversationEvent(), customerStartNotification(), genesysEnvelope()),
        fc.nat(4),
        (fixture, indent) => {
          const reordered = Object.fromEntries(Object.entries(fixture).reverse());

          const compact = recogniseEvent(JSON.stringify(fixture));
          const pretty = recogniseEvent(JSON.stringify(reordered, null, indent));

          expect(pretty).toEqual(compact);
        },
      ),
      { numRuns: Math.min(numRuns, 50) },
    );
  });
});
