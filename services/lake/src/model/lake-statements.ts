import { createHash } from 'node:crypto';
import { LAKE_TABLE } from '@genesys-events/lake/schema';
import { dayLiteral, stringLiteral, timestampLiteral } from '@genesys-events/lake/summary';

/**
 * The statements the lake runs on itself, each a step of a chain that the Athena query state events carry on:
 * erasure counts a conversation's rows, then deletes them (then reports the count); retention deletes what
 * was received before the cutoff, then compacts recent partitions, then vacuums (expires old snapshots, so
 * deleted rows leave the files for good).
 */
export type LakeStatement =
  | {
      readonly kind: 'erasure-count';
      readonly conversationId: string;
      readonly requestId: string;
      readonly attempt: number;
    }
  | {
      readonly kind: 'erasure-delete';
      readonly conversationId: string;
      readonly requestId: string;
      readonly rows: number;
      readonly attempt: number;
    }
  | { readonly kind: 'expire'; readonly cutoff: string; readonly attempt: number }
  | { readonly kind: 'optimize'; readonly since: string; readonly attempt: number }
  | { readonly kind: 'vacuum'; readonly attempt: number };

const MARKER = '-- genesys-events:';

/**
 * The SQL of a statement: a marker line that names it (so its query state event can be traced back to it),
 * then the statement itself on the Iceberg table.
 *
 * @example
 * ```ts
 * statementSql({ kind: 'vacuum', attempt: 1 }); // '-- genesys-events:vacuum attempt=1\nVACUUM events'
 * ```
 */
export const statementSql = (statement: LakeStatement): string => `${markerOf(statement)}\n${bodyOf(statement)}`;

/**
 * A start token for a statement: Athena runs a query once per token, so a retried start (a redelivered
 * erasure request) does not run it twice.
 *
 * @example
 * ```ts
 * startToken({ kind: 'vacuum', attempt: 1 }); // 64 hex characters
 * ```
 */
export const startToken = (statement: LakeStatement): string =>
  createHash('sha256').update(markerOf(statement)).digest('hex');

/**
 * The statement a query's SQL is, from its marker line; `undefined` for any other SQL.
 *
 * @example
 * ```ts
 * statementOf(statementSql(statement)); // statement
 * ```
 */
export const statementOf = (sql: string | undefined): LakeStatement | undefined => {
  const line = sql?.split('\n', 1)[0];
  if (!line?.startsWith(MARKER)) return undefined;
  const [kind, ...pairs] = line.slice(MARKER.length).split(' ');
  const fields = Object.fromEntries(pairs.map((pair) => pair.split('=').map(decodeURIComponent)));
  const attempt = Number(fields.attempt);
  if (!Number.isInteger(attempt) || attempt < 1) return undefined;
  switch (kind) {
    case 'erasure-count':
      return fields.conversation && fields.request
        ? { kind, conversationId: fields.conversation, requestId: fields.request, attempt }
        : undefined;
    case 'erasure-delete':
      return fields.conversation && fields.request && Number.isInteger(Number(fields.rows))
        ? { kind, conversationId: fields.conversation, requestId: fields.request, rows: Number(fields.rows), attempt }
        : undefined;
    case 'expire':
      return fields.cutoff ? { kind, cutoff: fields.cutoff, attempt } : undefined;
    case 'optimize':
      return fields.since ? { kind, since: fields.since, attempt } : undefined;
    case 'vacuum':
      return { kind, attempt };
    default:
      return undefined;
  }
};

const markerOf = (statement: LakeStatement): string => {
  const { kind, ...fields } = statement;
  const named: Record<string, string | number> = {};
  if ('conversationId' in fields) named.conversation = fields.conversationId;
  if ('requestId' in fields) named.request = fields.requestId;
  if ('rows' in fields) named.rows = fields.rows;
  if ('cutoff' in fields) named.cutoff = fields.cutoff;
  if ('since' in fields) named.since = fields.since;
  named.attempt = statement.attempt;
  const pairs = Object.entries(named).map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`);
  return `${MARKER}${kind} ${pairs.join(' ')}`;
};

const bodyOf = (statement: LakeStatement): string => {
  switch (statement.kind) {
    case 'erasure-count':
      return `SELECT count(*) AS n FROM ${LAKE_TABLE} WHERE conversation_id = ${stringLiteral(statement.conversationId)}`;
    case 'erasure-delete':
      return `DELETE FROM ${LAKE_TABLE} WHERE conversation_id = ${stringLiteral(statement.conversationId)}`;
    case 'expire':
      return `DELETE FROM ${LAKE_TABLE} WHERE received_at < ${timestampLiteral(statement.cutoff)}`;
    case 'optimize':
      return `OPTIMIZE ${LAKE_TABLE} REWRITE DATA USING BIN_PACK WHERE event_date >= ${dayLiteral(statement.since)}`;
    case 'vacuum':
      return `VACUUM ${LAKE_TABLE}`;
  }
};
