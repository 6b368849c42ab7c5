// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BANK,
  DIRECT,
  makePacket,
  newKey,
  startTestSandbox,
  type TestSandbox,
} from '../../test/sandbox/testing.ts';
import { ChannelError, checkBaseUrl, createChannelClient } from './client.ts';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(async () => {
  await t.sandbox.close();
});

/** The ChannelError a promise rejects with. */
async function failure(promise: Promise<unknown>): Promise<ChannelError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ChannelError) return error;
    throw error;
  }
  throw new Error('expected a ChannelError');
}

/** A fetch that answers `response` and records the request. */
function fakeFetch(response: () => Response) {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    calls.push({ url: String(input), init });
    return response();
  };
  return { fetch, calls };
}

describe('HTTPS rule', () => {
  it('accepts HTTPS anywhere and plain HTTP only on loopback, when the build allows it', () => {
    for (const url of [
      'https://api.lender.example/v1',
      'http://127.0.0.1:8787/lenders/x',
      'http://127.45.6.7/x',
      'http://localhost:3000',
      'http://[::1]:8787/x',
    ]) {
      expect(checkBaseUrl(url, { allowLoopbackHttp: true }).href).toContain(url.replace(/\/$/, ''));
    }
  });

  it('a release build (no loopback allowance) refuses plain HTTP even to loopback', () => {
    for (const url of ['http://127.0.0.1:8787/lenders/x', 'http://localhost:3000', 'http://[::1]:8787/x']) {
      expect(() => checkBaseUrl(url)).toThrow(
        /^Refusing to send an application to http:\/\/.* over plain HTTP: channels must use HTTPS\.$/,
      );
      expect(() => createChannelClient({ baseUrl: url })).toThrow(ChannelError);
    }
    expect(checkBaseUrl('https://127.0.0.1:8443/x').protocol).toBe('https:');
  });

  it('refuses plain HTTP to any other host with a clear message', () => {
    const error = (() => {
      try {
        createChannelClient({ baseUrl: 'http://api.lender.example/v1', allowLoopbackHttp: true });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ChannelError);
    expect(error).toMatchObject({
      code: 'insecure_url',
      status: null,
      retryable: false,
      message:
        'Refusing to send an application to http://api.lender.example over plain HTTP: channels must use HTTPS (only local test servers on 127.0.0.1, localhost or [::1] may use HTTP).',
    });
    const dev = { allowLoopbackHttp: true };
    expect(() => checkBaseUrl('http://128.0.0.1/', dev)).toThrow(/plain HTTP/);
    expect(() => checkBaseUrl('http://localhost.evil.example/', dev)).toThrow(/plain HTTP/);
    expect(() => checkBaseUrl('ftp://127.0.0.1/', dev)).toThrow(
      'The channel address must start with https:// (got ftp:).',
    );
    expect(() => checkBaseUrl('not a url')).toThrow('is not a valid URL');
    expect(() => checkBaseUrl('https://user:pw@api.lender.example/')).toThrow(
      'must not contain a user name or password',
    );
  });
});

describe('against the sandbox', () => {
  it('creates (idempotently), reads and withdraws with typed results', async () => {
    const client = t.client(BANK);
    const key = newKey();
    const created = await client.create(makePacket(BANK), key);
    expect(created).toEqual({
      id: expect.stringMatching(/^app_/),
      token: expect.any(String),
      status: 'submitted',
    });
    expect(await client.create(makePacket(BANK), key)).toEqual(created);

    const view = await client.read(created.id, created.token);
    expect(view).toMatchObject({
      id: created.id,
      channelId: BANK,
      status: 'submitted',
      offers: [],
      requests: [],
    });
    expect((await client.withdraw(created.id, created.token, 'Changed my mind')).status).toBe('withdrawn');
  });

  it('channel 4xx errors carry status, code, message and field, and are not retryable', async () => {
    const client = t.client(BANK);
    const packet = makePacket(BANK, (p) => {
      if (p.business) delete p.business.registrationNumber;
    });
    const missing = await failure(client.create(packet, newKey()));
    expect(missing).toMatchObject({
      status: 422,
      code: 'missing_field',
      field: 'business.registrationNumber',
      message: 'Sandbox Export Credit (platform + partner bank) needs business.registrationNumber.',
      retryable: false,
    });

    const key = newKey();
    await client.create(makePacket(BANK), key);
    const reused = await failure(
      client.create(
        makePacket(BANK, (p) => {
          p.requested = { ...p.requested, purpose: 'Other' };
        }),
        key,
      ),
    );
    expect(reused).toMatchObject({ status: 422, code: 'idempotency_key_reused', retryable: false });

    const a = await client.create(makePacket(BANK), newKey());
    const b = await client.create(makePacket(BANK), newKey());
    expect(await failure(client.read(a.id, b.token))).toMatchObject({
      status: 401,
      code: 'invalid_token',
      retryable: false,
    });
  });

  it('checks the packet before sending it and names the field', async () => {
    const { fetch, calls } = fakeFetch(() => new Response('{}'));
    const client = createChannelClient({ baseUrl: t.baseUrl(BANK), allowLoopbackHttp: true, fetch });
    const packet = makePacket(BANK, (p) => {
      p.business = { ...p.business, contactEmail: 'nope' };
    });
    expect(await failure(client.create(packet, newKey()))).toMatchObject({
      status: null,
      code: 'invalid_request',
      field: 'business.contactEmail',
      retryable: false,
    });
    expect(calls).toHaveLength(0);
  });

  it('5xx answers are retryable, with Retry-After when the channel sends one', async () => {
    const client = t.client(DIRECT);
    t.sandbox.faults.set({ errorRate: 1, seed: 1, count: 6 });
    const errors = [];
    for (let i = 0; i < 6; i++) errors.push(await failure(client.create(makePacket(DIRECT), newKey())));
    expect(new Set(errors.map((e) => e.status))).toEqual(new Set([500, 503]));
    for (const e of errors) {
      expect(e.retryable).toBe(true);
      expect(e.retryAfterMs).toBe(e.status === 503 ? 1000 : undefined);
      expect(e.code).toBe(e.status === 503 ? 'unavailable' : 'internal_error');
    }
  });

  it('a dropped connection is a retryable network error, and the retry with the same key finds the application', async () => {
    const client = t.client(DIRECT);
    const key = newKey();
    t.sandbox.faults.set({ dropAfterRate: 1, count: 1 });
    const dropped = await failure(client.create(makePacket(DIRECT), key));
    expect(dropped).toMatchObject({ status: null, code: 'network_error', retryable: true });
    expect(dropped.message).toMatch(/^Could not reach 127\.0\.0\.1:\d+ \(/);

    const created = await client.create(makePacket(DIRECT), key);
    expect((await client.read(created.id, created.token)).status).toBe('submitted');
  });

  it('a lost answer (504) is retryable; the retry gets the same 201', async () => {
    const client = t.client(DIRECT);
    const key = newKey();
    t.sandbox.faults.set({ duplicateRate: 1, count: 1 });
    expect(await failure(client.create(makePacket(DIRECT), key))).toMatchObject({
      status: 504,
      code: 'upstream_timeout',
      retryable: true,
    });
    const first = await client.create(makePacket(DIRECT), key);
    expect(await client.create(makePacket(DIRECT), key)).toEqual(first);
  });

  it('gives up after its timeout with a retryable timeout error', async () => {
    const client = t.client(DIRECT, { timeoutMs: 50 });
    t.sandbox.faults.set({ latencyMs: 400, count: 1 });
    expect(await failure(client.create(makePacket(DIRECT), newKey()))).toMatchObject({
      status: null,
      code: 'timeout',
      message: expect.stringMatching(/did not answer within 0.05 s/),
      retryable: true,
    });
  });

  it('refuses an answer larger than its size limit', async () => {
    const created = await t.client(DIRECT).create(makePacket(DIRECT), newKey());
    const small = t.client(DIRECT, { maxResponseBytes: 100 });
    expect(await failure(small.read(created.id, created.token))).toMatchObject({
      status: 200,
      code: 'response_too_large',
      retryable: false,
    });
  });

  it('a closed port is a retryable network error', async () => {
    const gone = await startTestSandbox();
    const client = gone.client(DIRECT);
    await gone.sandbox.close();
    expect(await failure(client.read('app_x', 'x'.repeat(32)))).toMatchObject({
      code: 'network_error',
      retryable: true,
    });
  });
});

describe('with an injected fetch', () => {
  it('sends the key, token and JSON body to the right URL', async () => {
    const { fetch, calls } = fakeFetch(
      () =>
        new Response(JSON.stringify({ id: 'a/1', token: 't'.repeat(20), status: 'submitted' }), {
          status: 201,
        }),
    );
    const client = createChannelClient({ baseUrl: 'https://lender.example/api/', fetch });
    await client.create(makePacket(DIRECT), 'key-1');
    const [call] = calls;
    expect(call?.url).toBe('https://lender.example/api/applications');
    expect(call?.init?.method).toBe('POST');
    expect(call?.init?.headers).toMatchObject({
      'idempotency-key': 'key-1',
      'content-type': 'application/json',
    });
    expect(JSON.parse(String(call?.init?.body))).toEqual(makePacket(DIRECT));

    await failure(client.accept('a/1', 'secret-token', 'offer-1'));
    expect(calls[1]?.url).toBe('https://lender.example/api/applications/a%2F1/accept');
    expect(calls[1]?.init?.headers).toMatchObject({ authorization: 'Bearer secret-token' });
    expect(JSON.parse(String(calls[1]?.init?.body))).toEqual({ offerId: 'offer-1' });
  });

  it('an answer that does not match the schema is an invalid_response naming the field', async () => {
    const { fetch } = fakeFetch(
      () => new Response(JSON.stringify({ id: 'a', token: 'short', status: 'submitted' }), { status: 201 }),
    );
    const client = createChannelClient({ baseUrl: 'https://lender.example', fetch });
    const error = await failure(client.create(makePacket(DIRECT), 'k'));
    expect(error).toMatchObject({ status: 201, code: 'invalid_response', retryable: false });
    expect(error.message).toContain('token');
  });

  it('an error page that is not JSON keeps its status and classification', async () => {
    const { fetch } = fakeFetch(
      () => new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
    );
    const client = createChannelClient({ baseUrl: 'https://lender.example', fetch });
    expect(await failure(client.read('a', 'b'))).toMatchObject({
      status: 502,
      code: 'http_502',
      message: 'lender.example answered HTTP 502 Bad Gateway.',
      retryable: true,
    });
  });

  it('429 is retryable, other 4xx are not', async () => {
    const answer = (status: number) => () =>
      new Response(JSON.stringify({ error: { code: 'c', message: 'm' } }), {
        status,
        headers: { 'retry-after': '30' },
      });
    const slow = createChannelClient({
      baseUrl: 'https://lender.example',
      fetch: fakeFetch(answer(429)).fetch,
    });
    expect(await failure(slow.read('a', 'b'))).toMatchObject({
      status: 429,
      retryable: true,
      retryAfterMs: 30_000,
    });
    const bad = createChannelClient({
      baseUrl: 'https://lender.example',
      fetch: fakeFetch(answer(400)).fetch,
    });
    expect(await failure(bad.read('a', 'b'))).toMatchObject({ status: 400, retryable: false });
  });

  it('a streamed answer without a length is cut at the size limit', async () => {
    const chunk = new Uint8Array(64 * 1024).fill(32);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const { fetch } = fakeFetch(() => new Response(body, { status: 200 }));
    const client = createChannelClient({ baseUrl: 'https://lender.example', fetch });
    expect(await failure(client.read('a', 'b'))).toMatchObject({
      code: 'response_too_large',
      retryable: false,
    });
    expect(sent).toBeLessThan(2 * 1024 * 1024);
  });

  it('sends nothing to an origin the seller has not granted', async () => {
    const { fetch, calls } = fakeFetch(() => new Response('{}', { status: 200 }));
    const asked: string[] = [];
    const client = createChannelClient({
      baseUrl: 'https://lender.example/api',
      fetch,
      isPermitted: async (origin) => {
        asked.push(origin);
        return false;
      },
    });
    const error = await failure(client.create(makePacket(DIRECT), 'key-1'));
    expect(error).toMatchObject({ code: 'not_permitted', status: null, retryable: false });
    expect(error.message).toBe(
      'Tradeline was not allowed to contact lender.example: apply again from the popup and allow access to lender.example when the browser asks.',
    );
    expect(asked).toEqual(['https://lender.example']);
    expect(calls).toHaveLength(0);
  });

  it('ignores an answer about another application than the one asked for', async () => {
    const view = {
      id: 'someone-elses',
      channelId: DIRECT,
      status: 'in_review',
      detail: {},
      events: [],
      offers: [],
      requests: [],
    };
    const { fetch } = fakeFetch(() => new Response(JSON.stringify(view), { status: 200 }));
    const client = createChannelClient({ baseUrl: 'https://lender.example', fetch });
    const error = await failure(client.read('mine', 't'.repeat(20)));
    expect(error).toMatchObject({ code: 'invalid_response', retryable: false });
    expect(error.message).toBe(
      'lender.example answered about application someone-elses when asked about mine; the answer was ignored.',
    );
  });

  it('refuses redirects', async () => {
    const { fetch } = fakeFetch(
      () => new Response(null, { status: 302, headers: { location: 'http://elsewhere.example/' } }),
    );
    const client = createChannelClient({ baseUrl: 'https://lender.example', fetch });
    expect(await failure(client.read('a', 'b'))).toMatchObject({
      status: 302,
      code: 'unexpected_redirect',
      retryable: false,
    });
  });
});

describe('409 idempotency_key_in_use', () => {
  it('is retryable: the first attempt with the key is still being processed', async () => {
    const { createChannelClient: make } = await import('./client.ts');
    const client = make({
      baseUrl: 'http://127.0.0.1:9/lenders/x',
      allowLoopbackHttp: true,
      fetch: async () =>
        new Response(
          JSON.stringify({ error: { code: 'idempotency_key_in_use', message: 'Still processing.' } }),
          {
            status: 409,
            headers: { 'content-type': 'application/json', 'retry-after': '2' },
          },
        ),
    });
    const { makePacket } = await import('../../test/sandbox/testing.ts');
    await expect(client.create(makePacket('sandbox-p2p'), 'key-1')).rejects.toMatchObject({
      status: 409,
      code: 'idempotency_key_in_use',
      retryable: true,
      retryAfterMs: 2000,
    });
  });
});
