'use strict';
const { describe, expect, it } = require('@jest/globals');
const { ifStageKey, withStageKey } = require('./stage-key.cjs');

describe('stage key', () => {
  it("names the stage's key under UseCustomerManagedKey, else leaves the property out", () => {
    expect(withStageKey()).toEqual({
      'Fn::If': ['UseCustomerManagedKey', { Ref: 'KmsKeyArn' }, { Ref: 'AWS::NoValue' }],
    });
  });

  it('takes what a resource sets with and without the key', () => {
    expect(ifStageKey({ Ref: 'AWS::NoValue' }, true)).toEqual({
      'Fn::If': ['UseCustomerManagedKey', { Ref: 'AWS::NoValue' }, true],
    });
  });

  it('gives each resource its own copy', () => {
    expect(withStageKey()).not.toBe(withStageKey());
    expect(withStageKey()['Fn::If'][1]).not.toBe(withStageKey()['Fn::If'][1]);
  });
});
