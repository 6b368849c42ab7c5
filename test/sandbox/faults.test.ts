// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CreatedApplication, ErrorBody } from '../../lib/domain/application.ts';
import { DIRECT, makePacket, newKey, startTestSandbox, type TestSandbox } from './testing.ts';

// Fault injection: what a client sees, and what happened at the lender meanwhile.

let t: TestSandbox;
beforeEach(async () => {
  t = await startTestSandbox();
});
afterEach(async () => {
  await t.sandbox.close();
});

const packet = makePacket(DIRECT);
const create = (key: string) =>
  fetch(`${t.origin}/lenders/${DIRECT}/applications`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify(packet),
  });

async function applications(): Promise<number> {
  return (await (await fetch(`${t.origin}/__health`)).json()).applications;
}

describe('faults set through startSandbox().faults', () => {
  it('latency delays the answer by wall-clock time', async () => {
    t.sandbox.faults.set({ latencyMs: 120 });
    const started = performance.now();
    const res = await fetch(`${t.origin}/lenders`);
    expect(res.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
  });

  it('answers a share of requests 500 or 503, the same way for the same seed', async () => {
    const app = CreatedApplication.parse(await (await create(newKey())).json());
    const readAll = async () => {
      const seen: number[] = [];
      for (let i = 0; i < 20; i++) {
        const res = await fetch(`${t.origin}/lenders/${DIRECT}/applications/${app.id}`, {
          headers: { authorization: `Bearer ${app.token}` },
        });
        seen.push(res.status);
        if (res.status === 503) expect(res.headers.get('retry-after')).toBe('1');
        if (res.status >= 500) expect(ErrorBody.safeParse(await res.json()).success).toBe(true);
        else await res.body?.cancel();
      }
      return seen;
    };
    t.sandbox.faults.set({ errorRate: 0.5, seed: 7, routes: ['read'] });
    const first = await readAll();
    expect(new Set(first)).toEqual(new Set([200, 500, 503]));
    const failed = first.filter((s) => s !== 200).length;
    expect(failed).toBeGreaterThanOrEqual(5);
    expect(failed).toBeLessThanOrEqual(15);
    expect(t.sandbox.faults.log).toHaveLength(failed);

    t.sandbox.faults.set({ errorRate: 0.5, seed: 7, routes: ['read'] });
    expect(await readAll()).toEqual(first);
    t.sandbox.faults.set({ errorRate: 0.5, seed: 8, routes: ['read'] });
    expect(await readAll()).not.toEqual(first);
  });

  it('a connection dropped before handling creates nothing; the retry creates it', async () => {
    t.sandbox.faults.set({ dropBeforeRate: 1, count: 1, routes: ['create'] });
    const key = newKey();
    await expect(create(key)).rejects.toThrow(TypeError);
    expect(await applications()).toBe(0);
    expect(t.sandbox.faults.log).toEqual([{ route: 'create', kind: 'drop_before' }]);
    const res = await create(key);
    expect(res.status).toBe(201);
    expect(await applications()).toBe(1);
  });

  it('a connection dropped after handling has created the application; the retry gets the same one', async () => {
    t.sandbox.faults.set({ dropAfterRate: 1, count: 1 });
    const key = newKey();
    await expect(create(key)).rejects.toThrow(TypeError);
    expect(await applications()).toBe(1);
    const app = CreatedApplication.parse(await (await create(key)).json());
    expect(await applications()).toBe(1);
    const res = await fetch(`${t.origin}/lenders/${DIRECT}/applications/${app.id}`, {
      headers: { authorization: `Bearer ${app.token}` },
    });
    expect((await res.json()).status).toBe('submitted');
  });

  it('a duplicate delivery: the answer is lost as a 504, the retry with the same key gets the 201', async () => {
    t.sandbox.faults.set({ duplicateRate: 1, count: 1 });
    const key = newKey();
    const lost = await create(key);
    expect(lost.status).toBe(504);
    expect((await lost.json()).error.code).toBe('upstream_timeout');
    expect(await applications()).toBe(1);
    const again = await create(key);
    expect(again.status).toBe(201);
    expect(await applications()).toBe(1);
    expect(t.sandbox.faults.log).toEqual([{ route: 'create', kind: 'duplicate' }]);
  });

  it('count switches the faults off after N requests; routes limits where they strike', async () => {
    t.sandbox.faults.set({ errorRate: 1, count: 2, routes: ['catalog'] });
    expect((await create(newKey())).status).toBe(201); // not a faulted route
    const statuses = [];
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${t.origin}/lenders`);
      await res.body?.cancel();
      statuses.push(res.status >= 500 ? 'error' : res.status);
    }
    expect(statuses).toEqual(['error', 'error', 200]);
    expect(t.sandbox.faults.settings).toBeNull();
  });
});

describe('POST /__faults', () => {
  const admin = (method: string, body?: unknown) =>
    fetch(`${t.origin}/__faults`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  it('sets, reports and clears faults; health and admin are never faulted', async () => {
    let res = await admin('POST', { errorRate: 1, seed: 3 });
    expect(res.status).toBe(200);
    expect((await res.json()).faults).toMatchObject({ errorRate: 1, seed: 3, latencyMs: 0 });

    expect((await fetch(`${t.origin}/lenders`)).status).toBeGreaterThanOrEqual(500);
    expect((await fetch(`${t.origin}/__health`)).status).toBe(200);

    res = await admin('GET');
    expect((await res.json()).log).toHaveLength(1);

    expect((await admin('DELETE')).status).toBe(200);
    expect((await fetch(`${t.origin}/lenders`)).status).toBe(200);
  });

  it('refuses a bad fault config naming the field', async () => {
    let res = await admin('POST', { errorRate: 2 });
    expect(res.status).toBe(400);
    expect((await res.json()).error.field).toBe('errorRate');

    res = await admin('POST', { routes: ['everything'] });
    expect(res.status).toBe(400);
    expect((await res.json()).error.field).toBe('routes.0');
  });
});
