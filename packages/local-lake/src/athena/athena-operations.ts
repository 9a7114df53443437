import type { TabularResult } from '../store/lake-reader';
import type { QueryBook, QueryRecord } from './query-book';

/** An Athena API error, as the AWS SDK reads it from a JSON 1.1 answer (`__type`). */
export class AthenaApiError extends Error {
  constructor(
    readonly type: 'InvalidRequestException' | 'UnknownOperationException',
    message: string,
  ) {
    super(message);
    this.name = 'AthenaApiError';
  }
}

type Input = Record<string, unknown>;

const PAGE_ROWS = 1000;

/**
 * The Athena operations the local endpoint answers, on a book of queries: `StartQueryExecution` (the query
 * runs in the background through `run`), `GetQueryExecution` and `GetQueryResults` (paged, the column names
 * as the first row, values as text), shaped as Athena answers them.
 *
 * @example
 * ```ts
 * const operations = athenaOperations({ book, run: (sql) => lake.query(sql) });
 * await operations.StartQueryExecution({ QueryString: 'SELECT 1', WorkGroup: 'primary' }); // { QueryExecutionId }
 * ```
 */
export const athenaOperations = ({
  book,
  run,
  now = () => new Date(),
}: {
  book: QueryBook;
  run: (sql: string) => Promise<TabularResult>;
  now?: () => Date;
}): Record<string, (input: Input) => Promise<unknown>> => ({
  StartQueryExecution: async (input) => {
    const sql = input.QueryString;
    if (typeof sql !== 'string' || sql.trim().length === 0) throw invalid('QueryString is required');
    const { record, isNew } = book.open({
      sql,
      workGroup: String(input.WorkGroup ?? 'primary'),
      database: String((input.QueryExecutionContext as Input | undefined)?.Database ?? ''),
      ...(typeof input.ClientRequestToken === 'string' ? { token: input.ClientRequestToken } : {}),
    });
    if (isNew) void execute(record, run, now);
    return { QueryExecutionId: record.id };
  },
  GetQueryExecution: async (input) => ({ QueryExecution: describe(recordOf(book, input)) }),
  GetQueryResults: async (input) => {
    const record = recordOf(book, input);
    if (record.state !== 'SUCCEEDED' || !record.result)
      throw invalid(`Query has not yet finished. Current state: ${record.state}`);
    const offset = Number(input.NextToken ?? 0);
    const size = Math.min(Number(input.MaxResults ?? PAGE_ROWS), PAGE_ROWS);
    const { columns, rows } = record.result;
    const all = [columns.map((column) => column.name), ...rows];
    const page = all.slice(offset, offset + size);
    return {
      ResultSet: {
        ResultSetMetadata: {
          ColumnInfo: columns.map((column) => ({
            Name: column.name,
            Label: column.name,
            Type: athenaType(column.type),
          })),
        },
        Rows: page.map((values) => ({ Data: values.map((value) => (value === null ? {} : { VarCharValue: value })) })),
      },
      ...(offset + size < all.length ? { NextToken: String(offset + size) } : {}),
      UpdateCount: 0,
    };
  },
});

const execute = async (record: QueryRecord, run: (sql: string) => Promise<TabularResult>, now: () => Date) => {
  record.state = 'RUNNING';
  try {
    record.result = await run(record.sql);
    record.state = 'SUCCEEDED';
  } catch (error) {
    record.state = 'FAILED';
    record.reason = (error as Error).message;
  }
  record.completedAt = now();
};

const recordOf = (book: QueryBook, input: Input): QueryRecord => {
  const record = book.get(String(input.QueryExecutionId ?? ''));
  if (!record) throw invalid(`QueryExecution ${String(input.QueryExecutionId)} was not found`);
  return record;
};

const describe = (record: QueryRecord) => ({
  QueryExecutionId: record.id,
  Query: record.sql,
  StatementType: 'DML',
  WorkGroup: record.workGroup,
  QueryExecutionContext: { Database: record.database },
  Status: {
    State: record.state,
    SubmissionDateTime: record.submittedAt.getTime() / 1000,
    ...(record.completedAt ? { CompletionDateTime: record.completedAt.getTime() / 1000 } : {}),
    ...(record.reason ? { StateChangeReason: record.reason } : {}),
  },
  // DuckDB does not count the bytes it reads; the bench measures them from the files instead.
  Statistics: {
    DataScannedInBytes: 0,
    TotalExecutionTimeInMillis: record.completedAt ? record.completedAt.getTime() - record.submittedAt.getTime() : 0,
  },
});

const invalid = (message: string) => new AthenaApiError('InvalidRequestException', message);

// DuckDB's type names, as Athena (Trino) names the same types.
const athenaType = (duckdbType: string): string => {
  const type = duckdbType.toUpperCase();
  if (type === 'VARCHAR') return 'varchar';
  if (type === 'HUGEINT' || type === 'BIGINT') return 'bigint';
  if (type.startsWith('TIMESTAMP')) return 'timestamp';
  return type.toLowerCase();
};
