import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { MalformedPayloadError } from '../errors';
import { parseFormFields } from './form-fields';

const numRuns = Number(process.env.FAST_CHECK_RUNS ?? 1000);

/** Any UTF-16 code unit sequence, lone surrogates included. */
const anyCodeUnits = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)) });

/** Form-like text: separators, valid and broken escapes and arbitrary text, glued together. */
const formLike = fc
  .array(
    fc.oneof(
      fc.constantFrom('=', '&', '+', '%', '%2', '%zz', '%41', '%c3%a9', '%E0%A4%A', '%F0%9F%91%8D', '%ED%A0%80', '%FF'),
      fc.string(),
      fc.string({ unit: 'binary' }),
    ),
  )
  .map((parts) => parts.join(''));

describe('parseFormFields properties', () => {
  it('either returns fields or throws MalformedPayloadError for any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), anyCodeUnits, formLike), (body) => {
        let fields: Map<string, string[]> | undefined;
        try {
          fields = parseFormFields(body);
        } catch (error) {
          expect(error).toBeInstanceOf(MalformedPayloadError);
          expect((error as MalformedPayloadError).reason).toBe('invalid_percent_encoding');
          return;
        }
        expect(fields).toBeInstanceOf(Map);
      }),
      { numRuns },
    );
  });

  it('reads back every field URLSearchParams wrote, in order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }))), (pairs) => {
        const expected = new Map<string, string[]>();
        for (const [name, value] of pairs) expected.set(name, [...(expected.get(name) ?? []), value]);

        const fields = parseFormFields(new URLSearchParams(pairs).toString());

        expect(fields).toEqual(expected);
      }),
      { numRuns },
    );
  });
});
