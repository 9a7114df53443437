import { describe, expect, it } from '@jest/globals';
import { type LakeStatement, startToken, statementOf, statementSql } from './lake-statements';

const statements: LakeStatement[] = [
  { kind: 'erasure-count', conversationId: "c-1 o'clock", requestId: 'r-1', attempt: 1 },
  { kind: 'erasure-delete', conversationId: 'c-1', requestId: 'r-1', rows: 31, attempt: 2 },
  { kind: 'expire', cutoff: '2091-03-17T00:00:00.000Z', attempt: 1 },
  { kind: 'optimize', since: '2091-06-12', attempt: 1 },
  { kind: 'vacuum', attempt: 3 },
];

describe('lake statements', () => {
  it.each(statements)('reads the $kind statement back from its own SQL', (statement) => {
    expect(statementOf(statementSql(statement))).toEqual(statement);
  });

  it('writes each statement as Athena runs it on the Iceberg table, quoting the conversation id', () => {
    expect(statements.map((statement) => statementSql(statement).split('\n')[1])).toEqual([
      "SELECT count(*) AS n FROM events WHERE conversation_id = 'c-1 o''clock'",
      "DELETE FROM events WHERE conversation_id = 'c-1'",
      "DELETE FROM events WHERE received_at < TIMESTAMP '2091-03-17 00:00:00.000'",
      "OPTIMIZE events REWRITE DATA USING BIN_PACK WHERE event_date >= '2091-06-12'",
      'VACUUM events',
    ]);
  });

  it('knows nothing of other SQL', () => {
    expect(statementOf('-- genesys-events:summary from=a to=b\nSELECT 1')).toBeUndefined();
    expect(statementOf('SELECT 1')).toBeUndefined();
    expect(statementOf(undefined)).toBeUndefined();
  });

  it('gives each statement and attempt its own start token, and the same statement the same one', () => {
    const tokens = statements.map(startToken);

    expect(new Set(tokens).size).toBe(statements.length);
    expect(startToken({ kind: 'vacuum', attempt: 3 })).toBe(tokens[4]);
    expect(tokens[0]).toMatch(/^[0-9a-f]{64}$/);
  });
});
