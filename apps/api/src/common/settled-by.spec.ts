import { describe, expect, it } from 'vitest';
import { settledBy } from './settled-by';

const after = (ms: number, fail = false) => new Promise<void>((resolve, reject) => setTimeout(() => (fail ? reject(new Error('failed')) : resolve()), ms));

describe('settledBy', () => {
  it('answers true once every promise settled before the deadline, rejections included', async () => {
    expect(await settledBy([after(5), after(10, true)], Date.now() + 1_000)).toBe(true);
    expect(await settledBy([], Date.now() + 1_000)).toBe(true);
  });

  it('answers false at the deadline when one is still pending, without waiting for it', async () => {
    const pending = new Promise<void>(() => undefined);
    expect(await settledBy([after(1), pending], Date.now() + 50)).toBe(false);
  });

  it('with the deadline already past, still answers true for what has already settled', async () => {
    const done = Promise.resolve();
    await done;
    expect(await settledBy([done], Date.now() - 1)).toBe(true);
    expect(await settledBy([new Promise<void>(() => undefined)], Date.now() - 1)).toBe(false);
  });
});
