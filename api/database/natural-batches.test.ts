import { describe, expect, it } from 'vitest';
import { naturalBatches, type BatchOutcome } from './natural-batches.ts';

/** A batch runner whose batches finish only when the test says so, recording what each batch held. */
function controlledRunner() {
  const batches: number[][] = [];
  const finishers: Array<() => void> = [];
  const run = (items: readonly number[]) => {
    batches.push([...items]);
    return new Promise<BatchOutcome<number>[]>((resolve) => {
      finishers.push(() => resolve(items.map((item) => (item < 0 ? { ok: false, error: new Error(`bad ${item}`) } : { ok: true, value: item * 10 }))));
    });
  };
  return { run, batches, finish: (index: number) => finishers[index]!() };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('naturalBatches', () => {
  it('starts an item at once when nothing runs, and groups the items that arrive meanwhile into the next batch', async () => {
    const runner = controlledRunner();
    const submit = naturalBatches(runner.run, { maxItems: 10 });
    const first = submit(1);
    expect(runner.batches).toEqual([[1]]);
    const rest = [submit(2), submit(3), submit(4)];
    expect(runner.batches).toEqual([[1]]);
    runner.finish(0);
    expect(await first).toBe(10);
    await settle();
    expect(runner.batches).toEqual([[1], [2, 3, 4]]);
    runner.finish(1);
    expect(await Promise.all(rest)).toEqual([20, 30, 40]);
  });

  it('takes at most maxItems per batch, in arrival order', async () => {
    const runner = controlledRunner();
    const submit = naturalBatches(runner.run, { maxItems: 2 });
    const all = [1, 2, 3, 4, 5].map((n) => submit(n));
    runner.finish(0);
    await settle();
    runner.finish(1);
    await settle();
    runner.finish(2);
    expect(await Promise.all(all)).toEqual([10, 20, 30, 40, 50]);
    expect(runner.batches).toEqual([[1], [2, 3], [4, 5]]);
  });

  it('runs up to `running` batches at once', async () => {
    const runner = controlledRunner();
    const submit = naturalBatches(runner.run, { maxItems: 10, running: 2 });
    const all = [submit(1), submit(2), submit(3)];
    expect(runner.batches).toEqual([[1], [2]]);
    runner.finish(1);
    await settle();
    expect(runner.batches).toEqual([[1], [2], [3]]);
    runner.finish(0);
    runner.finish(2);
    expect(await Promise.all(all)).toEqual([10, 20, 30]);
  });

  it('gives each item its own error, and a batch that throws fails only its own items', async () => {
    const runner = controlledRunner();
    const submit = naturalBatches(runner.run, { maxItems: 10 });
    const first = submit(1);
    const good = submit(2);
    const bad = submit(-3);
    runner.finish(0);
    await first;
    await settle();
    runner.finish(1);
    expect(await good).toBe(20);
    await expect(bad).rejects.toThrow('bad -3');

    let calls = 0;
    const failing = naturalBatches<number, number>(async (items) => {
      calls++;
      if (items.includes(7)) throw new Error('batch failed');
      return items.map((value) => ({ ok: true as const, value }));
    }, { maxItems: 10 });
    const seven = failing(7);
    const eight = failing(8);
    await expect(seven).rejects.toThrow('batch failed');
    expect(await eight).toBe(8);
    expect(calls).toBe(2);
  });
});
