import type { Command } from 'commander';
import { CliError } from '../cli/errors';
import type { CliIo } from '../cli/io';
import { positiveNumber } from '../cli/options';
import { printJson, printLine, report } from '../cli/output';
import { type LakeAnswer, localLakeDir, queryAthena, queryLocalLake } from '../lake/lake-rows';
import { formatTable } from '../lake/print-table';

interface LakeQueryOptions {
  readonly json?: boolean;
  readonly stage?: string;
  readonly dir?: string;
  readonly region?: string;
  readonly timeout: number;
}

/**
 * `genesys-events lake query "<SQL>"`: SQL on the event lake, the table `events`. Locally DuckDB reads the
 * local lake's Parquet files (`.local-data/lake`, or `--dir`, or `LOCAL_LAKE_DIR`); with `--stage` Athena runs
 * it in that stage's lake workgroup. Prints a table; with `--json` the rows as one JSON array of objects on
 * the last line.
 *
 * @example
 * ```ts
 * registerLake(program, io); // genesys-events lake query "SELECT media_type, count(*) AS n FROM events GROUP BY 1" --json
 * ```
 */
export const registerLake = (program: Command, io: CliIo): Command => {
  const lake = program.command('lake').description('the event lake: every app-bus event, queryable with SQL');
  lake
    .command('query')
    .description('run SQL on the lake (table events): locally with DuckDB, or on Athena with --stage')
    .argument('<sql>', 'one SQL statement (SELECT); the table is events')
    .option('--json', 'print the rows as one JSON array of objects on the last line')
    .option('--stage <stage>', 'query the lake of this deployed stage with Athena instead of the local lake')
    .option('--dir <dir>', 'the local lake folder (default: LOCAL_LAKE_DIR, else .local-data/lake)')
    .option('--region <region>', 'AWS region for --stage (default: from the AWS environment)')
    .option('--timeout <ms>', 'how long to wait for Athena', positiveNumber('--timeout', { integer: true }), 120_000)
    .addHelpText(
      'after',
      '\nSchema and examples: services/lake/README.md. Athena bills the bytes its queries scan ($5 per TB in most\nregions): select the columns you need and filter on event_date, the partition.',
    )
    .action(async (sql: string, options: LakeQueryOptions) => {
      const answer = await runLakeQuery(io, sql, options);
      if (options.json) printJson(io, answer.rows);
      else printLine(io, formatTable(answer));
    });
  return lake;
};

const runLakeQuery = async (io: CliIo, sql: string, options: LakeQueryOptions): Promise<LakeAnswer> => {
  try {
    if (!options.stage) return await queryLocalLake(options.dir ?? localLakeDir(io.env, io.root), sql);
    const answer = await queryAthena({
      sql,
      stage: options.stage,
      timeoutMs: options.timeout,
      ...(options.region ? { region: options.region } : {}),
    });
    report(io, `Athena query ${answer.queryId}: ${answer.scannedBytes} bytes scanned`);
    return answer;
  } catch (error) {
    throw new CliError(`the lake query failed: ${(error as Error).message}`, { cause: error });
  }
};
