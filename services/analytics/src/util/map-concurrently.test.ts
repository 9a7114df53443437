import { describe, expect, it } from '@jest/globals';
import { mapConcurrently } from './map-concurrently';

describe('mapConcurrently', () => {
  it('keeps the input order and never runs more than the limit at once', async () => {
    let running = 0;
    let peak = 0;
    const items = [5, 1, 4, 2, 3, 0, 6];

    const results = await mapConcurrently(items, 3, async (item) => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, item));
      running -= 1;
      return item * 10;
    });

    expect(results).toEqual([50, 10, 40, 20, 30, 0, 60]);
    expect(peak).toBe(3);
  });

  it('answers an empty list for no items', async () => {
    await expect(mapConcurrently([], 4, async () => 1)).resolves.toEqual([]);
  });

  it('rejects when one mapping rejects', async () => {
    const failure = new Error('throttled');

    await expect(
      mapConcurrently([1, 2, 3], 2, async (item) => {
        if (item === 2) throw failure;
        return item;
      }),
    ).rejects.toBe(failure);
  });
});
