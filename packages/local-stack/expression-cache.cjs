'use strict';
// dynalite parses every ConditionExpression, UpdateExpression and ProjectionExpression of every request
// with a PEG parser: about 7 % of the local system's CPU under the bench's traffic, for the same handful of
// expressions over and over. This keeps one parse per expression (and per names and value types) as a
// template, and answers a repeated one with a copy of it holding the request's own values.
//
// What a parse depends on: the expression, ExpressionAttributeNames (resolved into the result) and the
// types of ExpressionAttributeValues (the parser checks operand types). BETWEEN and attribute_type also
// look at the values themselves, so expressions naming them are always parsed. Failed parses (a thrown
// syntax error, or the message string dynalite's parsers return for an invalid expression) are never kept:
// an invalid request gets dynalite's own answer every time.

const PLACEHOLDER = Symbol('expression-cache.placeholder');
const VALUE_SENSITIVE = /between|attribute_type/i;
const MAX_TEMPLATES = 500;

/**
 * Replaces `parser.parse` (one of dynalite's db/*Parser.js modules) with a cached one.
 *
 * @example
 * cacheParses(require('dynalite/db/conditionParser'));
 */
function cacheParses(parser, { maxTemplates = MAX_TEMPLATES } = {}) {
  const parse = parser.parse;
  const templates = new Map();
  parser.parse = function parseCached(input, options) {
    const context = options?.context;
    if (typeof input !== 'string' || !context || VALUE_SENSITIVE.test(input)) return parse(input, options);
    const key = templateKey(input, context);
    const template = templates.get(key);
    if (template) return instantiate(template, context);
    const result = parse(input, options);
    if (result === null || typeof result !== 'object') return result;
    const made = makeTemplate(parse, input, context);
    if (made) {
      if (templates.size >= maxTemplates) templates.delete(templates.keys().next().value);
      templates.set(key, made);
    }
    return result;
  };
  return parser;
}

/** The expression, its attribute names and the types of its attribute values. */
function templateKey(input, context) {
  const names = context.attrNames ? JSON.stringify(context.attrNames) : '';
  const types = Object.entries(context.attrVals ?? {})
    .map(([name, value]) => `${name}=${typeOf(value)}`)
    .join(',');
  return `${input}\u0000${names}\u0000${types}`;
}

function typeOf(value) {
  if (!value || typeof value !== 'object') return typeof value;
  return Object.keys(value)
    .filter((type) => value[type] != null)
    .join('+');
}

/**
 * Parses once more with tagged stand-ins for the values, on a context of its own, to learn where the
 * values land in the result and which names and values the expression uses. Undefined when the result
 * holds anything but plain objects, arrays and primitives (it could not be copied faithfully).
 */
function makeTemplate(parse, input, context) {
  const standIns = {};
  for (const [name, value] of Object.entries(context.attrVals ?? {})) {
    standIns[name] = { ...value, [PLACEHOLDER]: name };
  }
  const own = {
    ...context,
    attrVals: context.attrVals ? standIns : context.attrVals,
    unusedAttrNames: Object.fromEntries(Object.keys(context.attrNames ?? {}).map((name) => [name, true])),
    unusedAttrVals: Object.fromEntries(Object.keys(context.attrVals ?? {}).map((name) => [name, true])),
  };
  let result;
  try {
    result = parse(input, { context: own });
  } catch {
    return undefined;
  }
  if (result === null || typeof result !== 'object' || !isCopyable(result)) return undefined;
  return {
    result,
    usedNames: Object.keys(context.attrNames ?? {}).filter((name) => !(name in own.unusedAttrNames)),
    usedValues: Object.keys(context.attrVals ?? {}).filter((name) => !(name in own.unusedAttrVals)),
  };
}

function isCopyable(value) {
  if (value === null || typeof value !== 'object') return typeof value !== 'function' && typeof value !== 'symbol';
  if (Array.isArray(value)) return value.every(isCopyable);
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return false;
  return Object.values(value).every(isCopyable);
}

/** The template's result for this request: its values in place, its context marked as the parser marks it. */
function instantiate(template, context) {
  for (const name of template.usedNames) delete context.unusedAttrNames?.[name];
  for (const name of template.usedValues) delete context.unusedAttrVals?.[name];
  return copyWith(template.result, context.attrVals);
}

function copyWith(value, attrVals) {
  if (value === null || typeof value !== 'object') return value;
  if (PLACEHOLDER in value) return attrVals[value[PLACEHOLDER]];
  if (Array.isArray(value)) return value.map((item) => copyWith(item, attrVals));
  const copy = Object.create(Object.getPrototypeOf(value));
  for (const [key, item] of Object.entries(value)) copy[key] = copyWith(item, attrVals);
  return copy;
}

module.exports = { cacheParses };
