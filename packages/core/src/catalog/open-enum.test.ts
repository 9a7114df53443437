import { describe, expect, it } from '@jest/globals';
import { openEnum } from './open-enum';

const VALUES = ['INBOUND', 'OUTBOUND'] as const;

describe('openEnum', () => {
  it('accepts a listed value in both modes', () => {
    expect(openEnum('strict', VALUES).safeParse('INBOUND').success).toBe(true);
    expect(openEnum('lenient', VALUES).safeParse('INBOUND').success).toBe(true);
  });

  it('rejects an unlisted value in strict mode', () => {
    expect(openEnum('strict', VALUES).safeParse('SIDEWAYS').success).toBe(false);
  });

  it('accepts an unlisted value in lenient mode', () => {
    expect(openEnum('lenient', VALUES).parse('SIDEWAYS')).toBe('SIDEWAYS');
  });

  it.each(['strict', 'lenient'] as const)('rejects a value that is not a string in %s mode', (mode) => {
    expect(openEnum(mode, VALUES).safeParse(1).success).toBe(false);
  });
});
