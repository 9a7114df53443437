'use strict';
const { describe, expect, it } = require('@jest/globals');
const { cacheParses } = require('./expression-cache.cjs');

const dynaliteDb = require('dynalite/db');

// A parser of dynalite's own (its parse function on an object of its own, so that caching one never
// changes the module the others use).
const freshParser = (name) => ({ parse: require(`dynalite/db/${name}`).parse });

// What dynalite's validations hand a parser (validations/index.js: validateExpressions).
const contextOf = ({ names, values }) => ({
  attrNames: names,
  attrVals: values,
  unusedAttrNames: Object.fromEntries(Object.keys(names ?? {}).map((name) => [name, true])),
  unusedAttrVals: Object.fromEntries(Object.keys(values ?? {}).map((name) => [name, true])),
  isReserved: (name) => name.toUpperCase() === 'STATUS',
  compare: dynaliteDb.compare,
});

// The parse and what it left of the context's unused names and values, or the error it threw.
const outcome = (parser, expression, request) => {
  const context = contextOf(request);
  try {
    const result = parser.parse(expression, { context });
    return { result, unusedNames: context.unusedAttrNames, unusedValues: context.unusedAttrVals };
  } catch (error) {
    return { error: error.message };
  }
};

const claim = (now) => ({
  names: { '#status': 'status' },
  values: {
    ':nowSeconds': { N: String(Math.floor(now / 1000)) },
    ':now': { N: String(now) },
    ':inProgress': { S: 'x' },
  },
});

const CASES = [
  [
    'conditionParser',
    'attribute_not_exists(id) OR expiration < :nowSeconds OR (#status = :inProgress AND lockedUntil < :now)',
    [claim(1_000), claim(2_000), claim(3_000)],
  ],
  [
    'conditionParser',
    'attribute_not_exists(eventKey) OR expiresAt <= :now',
    [{ values: { ':now': { N: '1' } } }, { values: { ':now': { N: '2' } } }, { values: { ':now': { S: 'two' } } }],
  ],
  [
    'conditionParser',
    '#token = :token',
    [
      { names: { '#token': 'token' }, values: { ':token': { S: 'a' } } },
      { names: { '#token': 'token' }, values: { ':token': { S: 'b' } } },
      { names: { '#token': 'token' }, values: { ':token': { S: 'b' }, ':spare': { S: 'c' } } },
      { names: { '#token': 'token' }, values: {} },
    ],
  ],
  [
    'conditionParser',
    'begins_with(sk, :prefix)',
    [
      { values: { ':prefix': { S: 'a' } } },
      { values: { ':prefix': { N: '1' } } },
      { values: { ':prefix': { S: 'b' } } },
    ],
  ],
  ['conditionParser', 'size(tags) > :n', [{ values: { ':n': { N: '1' } } }, { values: { ':n': { N: '2' } } }]],
  [
    'conditionParser',
    'a BETWEEN :low AND :high',
    [{ values: { ':low': { N: '1' }, ':high': { N: '5' } } }, { values: { ':low': { N: '5' }, ':high': { N: '1' } } }],
  ],
  ['conditionParser', 'attribute_type(a, :t)', [{ values: { ':t': { S: 'S' } } }, { values: { ':t': { S: 'XX' } } }]],
  ['conditionParser', 'status = :s', [{ values: { ':s': { S: 'reserved word' } } }]],
  ['conditionParser', 'conversationId = :id', [{ values: { ':id': { S: 'c1' } } }, { values: { ':id': { S: 'c2' } } }]],
  [
    'updateParser',
    'SET #status = :completed, eventId = :eventId, detailType = :detailType REMOVE lockedUntil',
    [
      {
        names: { '#status': 'status' },
        values: { ':completed': { S: 'c' }, ':eventId': { S: 'e1' }, ':detailType': { S: 'd' } },
      },
      {
        names: { '#status': 'status' },
        values: { ':completed': { S: 'c' }, ':eventId': { S: 'e2' }, ':detailType': { S: 'd' } },
      },
      {
        names: { '#status': 'status' },
        values: { ':completed': { N: '1' }, ':eventId': { S: 'e3' }, ':detailType': { S: 'd' } },
      },
    ],
  ],
  ['updateParser', 'ADD counter :one', [{ values: { ':one': { N: '1' } } }, { values: { ':one': { S: 'one' } } }]],
  ['projectionParser', 'conversationId, eventKey', [{}, {}]],
  ['projectionParser', '#a, #a', [{ names: { '#a': 'x' } }, { names: { '#a': 'x' } }]],
];

describe('cacheParses', () => {
  it.each(CASES)('%s answers %s as the parser does, request after request', (name, expression, requests) => {
    const plain = freshParser(name);
    const cached = cacheParses(freshParser(name));

    for (const request of requests) {
      expect(outcome(cached, expression, request)).toEqual(outcome(plain, expression, request));
    }
  });

  it("puts the request's own value objects in a repeated parse", () => {
    const cached = cacheParses(freshParser('conditionParser'));
    const first = claim(1_000);
    const second = claim(2_000);

    outcome(cached, 'lockedUntil < :now', first);
    const { result } = outcome(cached, 'lockedUntil < :now', second);

    expect(JSON.stringify(result)).toContain('"2000"');
    expect(JSON.stringify(result)).not.toContain('"1000"');
  });

  it('hands out copies: changing one result leaves the next alone', () => {
    const cached = cacheParses(freshParser('updateParser'));
    const request = { values: { ':v': { S: 'x' } } };
    outcome(cached, 'SET a = :v', request);

    const { result } = outcome(cached, 'SET a = :v', request);
    result.sections.length = 0;

    expect(outcome(cached, 'SET a = :v', request).result.sections.length).toBeGreaterThan(0);
  });

  it('parses a template once per expression, names and value types', () => {
    const parser = freshParser('conditionParser');
    const parse = parser.parse;
    let parses = 0;
    parser.parse = (...args) => {
      parses += 1;
      return parse(...args);
    };
    const cached = cacheParses(parser);

    for (let at = 0; at < 5; at += 1) outcome(cached, 'expiresAt <= :now', { values: { ':now': { N: String(at) } } });
    outcome(cached, 'expiresAt <= :now', { values: { ':now': { S: 'now' } } });

    // One parse for the first answer and one for its template, twice: numbers, then strings.
    expect(parses).toBe(4);
  });
});
