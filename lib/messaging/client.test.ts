import { describe, expect, it, vi } from 'vitest';
import { createClient, firstThenFresh, MessageError } from './client.ts';

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

describe('createClient', () => {
  const answering = (answer: unknown) => createClient(async () => answer);

  it("hands out the background's data as the router sent it", async () => {
    const overview = { imports: 0, records: 0, orders: 0, months: [] };
    expect(await answering({ ok: true, data: overview }).send('getOverview', {})).toEqual(overview);
  });

  it("turns the background's refusal into a MessageError with its code and message", async () => {
    const refused = answering({ ok: false, error: { code: 'forbidden', message: 'Not from here.' } });
    const error = await refused.send('getOverview', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MessageError);
    expect(error).toMatchObject({ code: 'forbidden', message: 'Not from here.' });
  });

  it('refuses anything that is not a reply (no listener answered, a stray value, a half error)', async () => {
    for (const raw of [
      undefined,
      null,
      'ok',
      { ok: true },
      { ok: false, error: { code: 1 } },
      { data: {} },
    ]) {
      await expect(answering(raw).send('ping', {})).rejects.toMatchObject({ code: 'invalid_reply' });
    }
  });
});
