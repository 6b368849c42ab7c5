import { describe, expect, it } from 'vitest';
import { BUNDLED_CATALOG } from './catalog/bundled.ts';
import { parseCatalog } from './parse-catalog.ts';

describe('the bundled catalog', () => {
  it('has one sandbox lender per model and published programs marked as link-outs with their source', () => {
    const sandbox = BUNDLED_CATALOG.channels.filter((c) => c.sandbox);
    expect(sandbox.map((c) => c.model).sort()).toEqual(['bank-partnered', 'p2p', 'platform-direct']);
    const published = BUNDLED_CATALOG.channels.filter((c) => !c.sandbox);
    expect(published.length).toBeGreaterThanOrEqual(8);
    for (const c of published) {
      expect(c.submission.kind, c.id).toBe('link');
      expect(c.source.url, c.id).toMatch(/^https:\/\//);
      expect(c.source.checkedAt, c.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});

describe('parseCatalog', () => {
  it('accepts a catalog document or a single entry', () => {
    const one = BUNDLED_CATALOG.channels[0];
    expect(parseCatalog(JSON.stringify(BUNDLED_CATALOG))).toMatchObject({
      ok: true,
      channels: BUNDLED_CATALOG.channels,
    });
    expect(parseCatalog(JSON.stringify(one))).toEqual({ ok: true, channels: [one] });
  });

  it('rejects malformed entries naming every problem by its path', () => {
    const bad = {
      ...BUNDLED_CATALOG.channels[0],
      id: 'Bad Id',
      sizing: { currency: 'USD', basis: 'vibes', multiple: 1, min: 5, max: 1 },
    };
    const result = parseCatalog(JSON.stringify({ version: 1, channels: [bad] }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^channels\.0\.id: lower-case letters, digits and dashes/),
        expect.stringMatching(/^channels\.0\.sizing\.basis: /),
      ]),
    );
  });

  it('rejects text that is not JSON, and duplicate ids', () => {
    expect(parseCatalog('<html>', 'https://lender.example/catalog.json')).toEqual({
      ok: false,
      errors: [expect.stringMatching(/^https:\/\/lender\.example\/catalog\.json is not valid JSON/)],
    });
    const one = BUNDLED_CATALOG.channels[0];
    expect(parseCatalog(JSON.stringify({ version: 1, channels: [one, one] }))).toEqual({
      ok: false,
      errors: [`channels: the id "${one?.id}" appears twice.`],
    });
  });
});
