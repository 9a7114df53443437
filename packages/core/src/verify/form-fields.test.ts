import { describe, expect, it } from '@jest/globals';
import { MalformedPayloadError } from '../errors';
import { parseFormFields, singleField } from './form-fields';

const reasonOf = (act: () => unknown): string | undefined => {
  try {
    act();
  } catch (error) {
    if (error instanceof MalformedPayloadError) return error.reason;
    throw error;
  }
  return undefined;
};

describe('parseFormFields', () => {
  it('decodes + as a space', () => {
    const fields = parseFormFields('note=call+me+back&queue+name=tier+1');

    expect(fields.get('note')).toEqual(['call me back']);
    expect(fields.get('queue name')).toEqual(['tier 1']);
  });

  it('decodes an escaped + as a literal plus sign', () => {
    const fields = parseFormFields('ani=tel%3A%2B15551234567');

    expect(fields.get('ani')).toEqual(['tel:+15551234567']);
  });

  it.each([
    ['a two-byte letter', 'Zo%C3%AB', 'Zoë'],
    ['a three-byte CJK character', '%E5%AE%A2%E6%88%B7', '客户'],
    ['a four-byte emoji', '%F0%9F%91%8D', '👍'],
    ['a byte order mark', '%EF%BB%BF%7B%7D', '\uFEFF{}'],
    ['lower-case hex digits', '%c3%a9t%c3%a9', 'été'],
  ])('decodes percent escapes of %s', (_, encoded, decoded) => {
    const fields = parseFormFields(`name=${encoded}`);

    expect(fields.get('name')).toEqual([decoded]);
  });

  it('round-trips what URLSearchParams encodes', () => {
    const webhook = '{"eventType":"conversation:created","note":"a+b & c=d 100% ✓"}';

    const fields = parseFormFields(new URLSearchParams({ webhook, signature: 'ab' }).toString());

    expect(fields.get('webhook')).toEqual([webhook]);
    expect(fields.get('signature')).toEqual(['ab']);
  });

  it('skips empty pairs', () => {
    const fields = parseFormFields('&&a=1&&b=2&');

    expect([...fields.entries()]).toEqual([
      ['a', ['1']],
      ['b', ['2']],
    ]);
  });

  it('returns no fields for an empty body', () => {
    expect(parseFormFields('').size).toBe(0);
  });

  it('gives a field without = the empty value', () => {
    const fields = parseFormFields('flag&webhook=%7B%7D');

    expect(fields.get('flag')).toEqual(['']);
    expect(fields.get('webhook')).toEqual(['{}']);
  });

  it('splits a pair at its first = only', () => {
    const fields = parseFormFields('expr=a=b=c');

    expect(fields.get('expr')).toEqual(['a=b=c']);
  });

  it('collects repeated fields in order', () => {
    const fields = parseFormFields('id=1&id=2&id=3');

    expect(fields.get('id')).toEqual(['1', '2', '3']);
  });

  it.each([
    ['a non-hex escape', 'webhook=%zz'],
    ['a truncated escape', 'webhook=%E0%A4%A'],
    ['a lone continuation byte', 'webhook=%A4'],
    ['a trailing percent sign', 'webhook=50%'],
    ['a broken escape in a name', 'web%hook=1'],
  ])('rejects %s', (_, body) => {
    expect(reasonOf(() => parseFormFields(body))).toBe('invalid_percent_encoding');
  });
});

describe('singleField', () => {
  it('returns the only value of a field', () => {
    expect(singleField(parseFormFields('a=1&b=2'), 'b', { required: true })).toBe('2');
  });

  it('returns undefined for an absent optional field', () => {
    expect(singleField(parseFormFields('a=1'), 'signature', { required: false })).toBeUndefined();
  });

  it('rejects an absent required field', () => {
    expect(reasonOf(() => singleField(parseFormFields('a=1'), 'webhook', { required: true }))).toBe('missing_field');
  });

  it('rejects a repeated field even when it is optional', () => {
    const fields = parseFormFields('signature=ab&signature=cd');

    expect(reasonOf(() => singleField(fields, 'signature', { required: false }))).toBe('duplicate_field');
  });
});
