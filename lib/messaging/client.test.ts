import { describe, expect, it, vi } from 'vitest';
import { firstThenFresh } from './client.ts';

describe('firstThenFresh', () => {
  it('answers the first call with the request already sent, then asks afresh each time', async () => {
    const fresh = vi.fn(async () => 'fresh');
    const load = firstThenFresh(Promise.resolve('first'), fresh);
    expect(await load()).toBe('first');
    expect(fresh).not.toHaveBeenCalled();
    expect(await load()).toBe('fresh');
    expect(await load()).toBe('fresh');
    expect(fresh).toHaveBeenCalledTimes(2);
  });

  it('a failed first request fails the first load only', async () => {
    const first = Promise.reject(new Error('background asleep'));
    first.catch(() => {});
    const load = firstThenFresh(first, async () => 'fresh');
    await expect(load()).rejects.toThrow('background asleep');
    expect(await load()).toBe('fresh');
  });
});
