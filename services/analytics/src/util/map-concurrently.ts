/**
 * Maps items with an async function, at most `concurrency` at a time, keeping the input order. The
 * summary reads one DynamoDB partition per day and per conversation: in parallel, but not all at once.
 *
 * @example
 * ```ts
 * const pages = await mapConcurrently(days, 8, (day) => queryDay(day));
 * ```
 */
export const mapConcurrently = async <T, R>(
  items: readonly T[],
  concurrency: number,
  map: (item: T) => Promise<R>,
): Promise<R[]> => {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await map(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
  return results;
};
