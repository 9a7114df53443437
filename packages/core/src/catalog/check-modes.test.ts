import { describe, expect, it } from '@jest/globals';
import * as z from 'zod/mini';
import { checkInBothModes, describeIssues } from './check-modes';
import { openEnum, type SchemaMode } from './open-enum';

const schemaFor = (mode: SchemaMode) =>
  z.looseObject({
    id: z.string(),
    kind: z.optional(openEnum(mode, ['A', 'B'])),
    items: z.optional(
      z.array(z.looseObject({ colour: z.optional(openEnum(mode, ['RED', 'BLUE'])), size: z.number() })),
    ),
  });
const strict = schemaFor('strict');
const lenient = schemaFor('lenient');

describe('checkInBothModes', () => {
  it('returns the parsed data when the strict schema passes', () => {
    expect(checkInBothModes(strict, lenient, { id: 'x-1', kind: 'A', extra: true })).toEqual({
      result: 'known',
      data: { id: 'x-1', kind: 'A', extra: true },
    });
  });

  it('reports unknown values at their paths when only the lenient schema passes', () => {
    const check = checkInBothModes(strict, lenient, { id: 'x-1', kind: 'C', items: [{ size: 1, colour: 'GREEN' }] });

    expect(check).toEqual({
      result: 'unknown_values',
      issues: ['kind: unknown value', 'items.0.colour: unknown value'],
    });
  });

  it('reports wrong types and missing fields as a schema mismatch', () => {
    const check = checkInBothModes(strict, lenient, { items: [{ size: 'large' }] });

    expect(check).toEqual({ result: 'schema_mismatch', issues: ['id: missing', 'items.0.size: expected number'] });
  });

  it('adds the unknown enum values of a mismatching body after its structural issues', () => {
    const check = checkInBothModes(strict, lenient, { id: 5, kind: 'C' });

    expect(check).toEqual({ result: 'schema_mismatch', issues: ['id: expected string', 'kind: unknown value'] });
  });

  it('reports an enum field holding a number as a wrong type, not as an unknown value', () => {
    const check = checkInBothModes(strict, lenient, { id: 'x-1', kind: 7 });

    expect(check).toEqual({ result: 'schema_mismatch', issues: ['kind: expected string'] });
  });

  it('reports a value that is not an object at the root', () => {
    expect(checkInBothModes(strict, lenient, 'text')).toEqual({
      result: 'schema_mismatch',
      issues: ['(root): expected object'],
    });
  });
});

describe('describeIssues', () => {
  it('never repeats the offending values', () => {
    const input = { id: 'x-1', kind: 'SECRET-CARD-4111111111111111', items: [{ size: 'PERSONAL-NAME' }] };
    const result = strict.safeParse(input);

    const issues = describeIssues(result.error?.issues ?? [], input);

    expect(issues.length).toBeGreaterThan(0);
    expect(issues.join('\n')).not.toMatch(/SECRET|PERSONAL|4111/);
  });

  it('describes a failed check by its code rather than by zod message', () => {
    const schema = z.object({ email: z.email() });
    const input = { email: 'sam@@example' };

    expect(describeIssues(schema.safeParse(input).error?.issues ?? [], input)).toEqual(['email: invalid format']);
  });

  it('does not read a path through the prototype', () => {
    const schema = z.object({ toString: z.string() });

    expect(describeIssues(schema.safeParse({}).error?.issues ?? [], {})).toEqual(['toString: missing']);
  });
});
