import type { LakeAnswer } from './lake-rows';

const MAX_CELL = 60;

/**
 * Rows as an aligned text table: a header, a rule, one line per row; NULL for SQL NULL, long values cut.
 *
 * @example
 * ```ts
 * formatTable({ columns: ['n'], rows: [{ n: '42' }] }); // 'n \n--\n42\n(1 row)'
 * ```
 */
export const formatTable = ({ columns, rows }: LakeAnswer): string => {
  const cells = rows.map((row) => columns.map((column) => cellOf(row[column])));
  const widths = columns.map((column, index) =>
    Math.max(column.length, ...cells.map((line) => line[index]?.length ?? 0)),
  );
  const line = (values: readonly string[]) =>
    values
      .map((value, index) => value.padEnd(widths[index] ?? 0))
      .join('  ')
      .trimEnd();
  return [
    line(columns),
    line(widths.map((width) => '-'.repeat(width))),
    ...cells.map(line),
    `(${rows.length} row${rows.length === 1 ? '' : 's'})`,
  ].join('\n');
};

const cellOf = (value: string | null | undefined): string => {
  if (value === null || value === undefined) return 'NULL';
  const flat = value.replace(/\s+/g, ' ');
  return flat.length > MAX_CELL ? `${flat.slice(0, MAX_CELL - 1)}…` : flat;
};
