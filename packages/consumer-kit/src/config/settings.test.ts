import { describe, expect, it } from '@jest/globals';
import { listSetting, requiredSetting, wholeNumberSetting } from './settings';

describe('requiredSetting', () => {
  it('answers the trimmed value, and fails naming a missing or blank setting', () => {
    expect(requiredSetting({ TABLE: ' t-1 ' }, 'TABLE')).toBe('t-1');
    expect(() => requiredSetting({ TABLE: '  ' }, 'TABLE')).toThrow('missing configuration: TABLE');
    expect(() => requiredSetting({}, 'TABLE')).toThrow('missing configuration: TABLE');
  });
});

describe('wholeNumberSetting', () => {
  const bounds = { fallback: 7, min: 1, max: 30 };

  it.each([[undefined], [''], ['  ']])('answers the fallback when the setting is %p', (value) => {
    expect(wholeNumberSetting({ DAYS: value }, 'DAYS', bounds)).toBe(7);
  });

  it('answers a whole number within the bounds, the bounds included', () => {
    expect(wholeNumberSetting({ DAYS: '1' }, 'DAYS', bounds)).toBe(1);
    expect(wholeNumberSetting({ DAYS: ' 30 ' }, 'DAYS', bounds)).toBe(30);
  });

  it.each([['0'], ['31'], ['-1'], ['1.5'], ['ten'], ['NaN'], ['Infinity'], ['1e400']])(
    'fails naming the setting and its bounds when it is %p',
    (value) => {
      expect(() => wholeNumberSetting({ DAYS: value }, 'DAYS', bounds)).toThrow(
        'invalid configuration: DAYS must be a whole number from 1 to 30',
      );
    },
  );
});

describe('listSetting', () => {
  it('splits on commas, trims entries and drops empty ones', () => {
    expect(listSetting({ ORG_IDS: ' a-1 ,, b-2 ' }, 'ORG_IDS')).toEqual(['a-1', 'b-2']);
  });

  it('is empty when the setting is unset or blank', () => {
    expect(listSetting({}, 'ORG_IDS')).toEqual([]);
    expect(listSetting({ ORG_IDS: ' , ' }, 'ORG_IDS')).toEqual([]);
  });
});
