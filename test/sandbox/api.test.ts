// @vitest-environment node
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplicationView, CreatedApplication, ErrorBody } from '../../lib/domain/application.ts';
import { Catalog } from '../../lib/domain/channel.ts';
import { DAY } from './machine.ts';
import { BANK, DIRECT, makePacket, newKey, P2P, startTestSandbox, type TestSandbox } from './testing.ts';

// The HTTP surface with plain fetch: what a client that gets things wrong sees.

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(async () => {
  await t.sandbox.close();
});

function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${t.origin}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function error(res: Response) {
  return ErrorBody.parse(await res.json()).error;
}

const create = (channelId: string, body: unknown, key: string | null = newKey()) =>
  post(`/lenders/${channelId}/applications`, body, key === null ? {} : { 'idempotency-key': key });

async function applications(): Promise<number> {
  return (await (await fetch(`${t.origin}/__health`)).json()).applications;
}

async function created(channelId = DIRECT) {
  const res = await create(channelId, makePacket(channelId));
  expect(res.status).toBe(201);
  return CreatedApplication.parse(await res.json());
}

describe('catalog and health', () => {
  it('serves the sandbox catalog with base URLs on its own origin', async () => {
    const res = await fetch(`${t.origin}/lenders`);
    expect(res.status).toBe(200);
    const catalog = Catalog.parse(await res.json());
    expect(catalog.channels.map((c) => [c.id, c.model])).toEqual([
      [BANK, 'bank-partnered'],
      [DIRECT, 'platform-direct'],
      [P2P, 'p2p'],
    ]);
    expect(catalog.channels.map((c) => c.submission)).toEqual(
      [BANK, DIRECT, P2P].map((id) => ({ kind: 'api', baseUrl: `${t.origin}/lenders/${id}` })),
    );
    expect(catalog.channels[0]?.source.url).toBe(`${t.origin}/lenders`);
  });

  it('answers GET /__health', async () => {
    const res = await fetch(`${t.origin}/__health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, speed: 1, now: '2026-12-01T09:00:00.000Z' });
  });
});

describe('bad input gets a 4xx naming the problem', () => {
  it('names the invalid field', async () => {
    const res = await create(
      BANK,
      makePacket(BANK, (p) => {
        p.business = { ...p.business, contactEmail: 'not-an-email' };
      }),
    );
    expect(res.status).toBe(400);
    expect(await error(res)).toMatchObject({ code: 'invalid_body', field: 'business.contactEmail' });
  });

  it('names a nested field deep in the packet', async () => {
    const res = await create(
      BANK,
      makePacket(BANK, (p) => {
        const first = p.provenance?.[0];
        if (first) first.sha256 = 'xyz';
      }),
    );
    expect(res.status).toBe(400);
    expect(await error(res)).toMatchObject({
      field: 'provenance.0.sha256',
      message: 'provenance.0.sha256: expected a lowercase hex SHA-256',
    });
  });

  it('names a field the channel requires that the packet left out', async () => {
    const res = await create(
      BANK,
      makePacket(BANK, (p) => {
        if (p.business) delete p.business.registrationNumber;
      }),
    );
    expect(res.status).toBe(422);
    expect(await error(res)).toEqual({
      code: 'missing_field',
      field: 'business.registrationNumber',
      message: 'Sandbox Export Credit (platform + partner bank) needs business.registrationNumber.',
    });
  });

  it('refuses a packet meant for another channel, and a currency the lender does not lend in', async () => {
    let res = await create(DIRECT, makePacket(P2P));
    expect(res.status).toBe(422);
    expect(await error(res)).toMatchObject({ code: 'channel_mismatch', field: 'channelId' });

    res = await create(
      DIRECT,
      makePacket(DIRECT, (p) => {
        p.requested = { amount: { amount: 1_000_000, currency: 'EUR' } };
      }),
    );
    expect(res.status).toBe(422);
    expect(await error(res)).toMatchObject({
      code: 'unsupported_currency',
      field: 'requested.amount.currency',
    });
  });

  it('400 for a body that is not JSON, 415 for another content type', async () => {
    let res = await create(DIRECT, '{"packetVersion": 1,');
    expect(res.status).toBe(400);
    expect((await error(res)).code).toBe('invalid_json');

    res = await fetch(`${t.origin}/lenders/${DIRECT}/applications`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'idempotency-key': newKey() },
      body: JSON.stringify(makePacket(DIRECT)),
    });
    expect(res.status).toBe(415);
    expect((await error(res)).code).toBe('unsupported_media_type');
  });

  it('413 for a body over 1 MB', async () => {
    const packet = makePacket(DIRECT, (p) => {
      p.requested = { ...p.requested, purpose: 'x'.repeat(1_100_000) };
    });
    const res = await create(DIRECT, packet);
    expect(res.status).toBe(413);
    expect(await error(res)).toMatchObject({
      code: 'payload_too_large',
      message: 'The request body is larger than 1024 KB.',
    });
  });

  it('404 JSON for unknown routes, channels and applications; 405 for a wrong method', async () => {
    let res = await fetch(`${t.origin}/nowhere`);
    expect(res.status).toBe(404);
    expect(await error(res)).toMatchObject({ code: 'not_found', message: 'No such endpoint: GET /nowhere' });

    res = await create('sandbox-nobody', makePacket('sandbox-nobody'));
    expect(res.status).toBe(404);
    expect((await error(res)).code).toBe('unknown_channel');

    res = await fetch(`${t.origin}/lenders/${DIRECT}/applications/app_missing`, {
      headers: { authorization: 'Bearer whatever' },
    });
    expect(res.status).toBe(404);
    expect((await error(res)).code).toBe('application_not_found');

    res = await fetch(`${t.origin}/lenders/${DIRECT}/applications`);
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
    expect((await error(res)).code).toBe('method_not_allowed');
  });

  it('400 naming the field for a bad accept body', async () => {
    const app = await created();
    const res = await post(
      `/lenders/${DIRECT}/applications/${app.id}/accept`,
      { offer: 'x' },
      { authorization: `Bearer ${app.token}` },
    );
    expect(res.status).toBe(400);
    expect(await error(res)).toMatchObject({ code: 'invalid_body', field: 'offerId' });
  });
});

describe('authorization', () => {
  it('401 without a token, and with another application’s token', async () => {
    const mine = await created();
    const other = await created();
    const url = `${t.origin}/lenders/${DIRECT}/applications/${mine.id}`;

    let res = await fetch(url);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    expect((await error(res)).code).toBe('unauthorized');

    res = await fetch(url, { headers: { authorization: `Bearer ${other.token}` } });
    expect(res.status).toBe(401);
    expect((await error(res)).code).toBe('invalid_token');

    res = await post(
      `/lenders/${DIRECT}/applications/${mine.id}/withdraw`,
      {},
      { authorization: `Bearer ${other.token}` },
    );
    expect(res.status).toBe(401);

    res = await fetch(url, { headers: { authorization: `Bearer ${mine.token}` } });
    expect(res.status).toBe(200);
    expect((await res.json()).status).toBe('submitted');
  });

  it('an application is not readable through another lender’s path', async () => {
    const app = await created(DIRECT);
    const res = await fetch(`${t.origin}/lenders/${P2P}/applications/${app.id}`, {
      headers: { authorization: `Bearer ${app.token}` },
    });
    expect(res.status).toBe(404);
  });
});

describe('idempotency', () => {
  it('the same key and body get the same 201 answer and one application', async () => {
    const key = newKey();
    const packet = makePacket(P2P);
    const before = await applications();
    const first = await create(P2P, packet, key);
    const second = await create(P2P, JSON.parse(JSON.stringify(packet)), key);
    expect([first.status, second.status]).toEqual([201, 201]);
    const [a, b] = [await first.json(), await second.json()];
    expect(b).toEqual(a);
    expect(await applications()).toBe(before + 1);
    expect(second.headers.get('location')).toBe(`${t.origin}/lenders/${P2P}/applications/${a.id}`);
  });

  it('the same key with a different body is refused', async () => {
    const key = newKey();
    expect((await create(P2P, makePacket(P2P), key)).status).toBe(201);
    const res = await create(
      P2P,
      makePacket(P2P, (p) => {
        p.requested = { ...p.requested, purpose: 'Something else' };
      }),
      key,
    );
    expect(res.status).toBe(422);
    expect((await error(res)).code).toBe('idempotency_key_reused');
  });

  it('a missing key is a 400', async () => {
    const res = await create(P2P, makePacket(P2P), null);
    expect(res.status).toBe(400);
    expect(await error(res)).toMatchObject({ code: 'idempotency_key_missing' });
  });

  it('takes keys of 1 to 255 visible ASCII characters', async () => {
    const longest = `k${newKey()}`.padEnd(255, 'x');
    expect((await create(P2P, makePacket(P2P), longest)).status).toBe(201);
    for (const bad of [`${longest}x`, 'with space']) {
      const res = await create(P2P, makePacket(P2P), bad);
      expect(res.status, bad).toBe(400);
      expect(await error(res)).toMatchObject({ code: 'idempotency_key_invalid' });
    }
  });
});

describe('never a crash', () => {
  it('answers any JSON body with a 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.json(), async (body) => {
        const res = await create(DIRECT, body);
        const answer = ErrorBody.safeParse(await res.json());
        return res.status >= 400 && res.status < 500 && answer.success;
      }),
      { numRuns: 60 },
    );
  });

  it('answers a valid packet with one value replaced by anything with a 201 or a 4xx', async () => {
    const packet = makePacket(BANK);
    const paths: string[][] = [];
    const walk = (value: unknown, path: string[]) => {
      paths.push(path);
      if (value !== null && typeof value === 'object') {
        for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
      }
    };
    walk(packet, []);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths.slice(1)), fc.jsonValue(), async (path, replacement) => {
        const copy: Record<string, unknown> = structuredClone(packet);
        let target: Record<string, unknown> = copy;
        for (const key of path.slice(0, -1)) target = target[key] as Record<string, unknown>;
        target[path.at(-1) ?? ''] = replacement;
        const res = await create(BANK, copy);
        if (res.status !== 201) {
          await res.body?.cancel();
          return res.status >= 400 && res.status < 500;
        }
        // Whatever the lender made of it, its state machine answers every later read.
        const app = CreatedApplication.parse(await res.json());
        for (const step of [0, 3 * DAY, 40 * DAY]) {
          t.tick(step);
          const read = await fetch(`${t.origin}/lenders/${BANK}/applications/${app.id}`, {
            headers: { authorization: `Bearer ${app.token}` },
          });
          if (read.status !== 200 || !ApplicationView.safeParse(await read.json()).success) return false;
        }
        return true;
      }),
      { numRuns: 100 },
    );
  });
});
