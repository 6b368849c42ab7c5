import { describe, expect, it } from 'vitest';
import { storedKey } from './dedupe-keys.ts';
import { KeyIndex, keyHash, plainKeyHash } from './key-index.ts';

describe('KeyIndex', () => {
  it('finds exactly the keys added, whatever their hash', () => {
    const index = KeyIndex.of(['shopify:order:1', 'shopify:order:2']);
    const has = (key: string) => index.has(key, keyHash(key));
    expect(has('shopify:order:1')).toBe(true);
    expect(has('shopify:order:2')).toBe(true);
    expect(has('shopify:order:3')).toBe(false);
    expect(has('shopify:order:')).toBe(false);
    expect(index.size).toBe(2);
  });

  it('keeps keys that share a hash apart: found only by an equal key', () => {
    const index = new KeyIndex();
    // Three different keys forced into one hash, as two keys of 30 bits may share one.
    index.add('amazon:order:111', 7);
    index.add('amazon:order:222', 7);
    expect(index.has('amazon:order:333', 7)).toBe(false);
    index.add('amazon:order:333', 7);
    expect(
      ['amazon:order:111', 'amazon:order:222', 'amazon:order:333', 'amazon:order:444'].map((k) =>
        index.has(k, 7),
      ),
    ).toEqual([true, true, true, false]);
    expect(index.size).toBe(3);
  });

  it('still finds every key after growing many times', () => {
    const keys = Array.from({ length: 5_000 }, (_, i) => `shopify:order:${i}`);
    const index = KeyIndex.of(keys);
    expect(index.size).toBe(5_000);
    expect(keys.every((k) => index.has(k, keyHash(k)))).toBe(true);
    expect(index.has('shopify:order:5000', keyHash('shopify:order:5000'))).toBe(false);
  });

  it('counts a key listed twice once', () => {
    expect(KeyIndex.of(['etsy:order:9', 'etsy:order:9', 'etsy:order:8']).size).toBe(2);
  });
});

describe('keyHash', () => {
  it('is a small non-negative integer, the same for equal keys, for any text', () => {
    for (const key of ['a', 'amazon:order:113-1000013-0102947', 'etsy:order:Zoë ✓', 'paypal:txn:\\n', '']) {
      const hash = keyHash(key);
      expect(Number.isInteger(hash)).toBe(true);
      expect(hash).toBeGreaterThanOrEqual(0);
      expect(hash).toBeLessThan(2 ** 30);
      expect(keyHash(`${key}`)).toBe(hash);
    }
  });

  it('spreads keys that differ in one character', () => {
    const keys = Array.from(
      { length: 10_000 },
      (_, i) => `amazon:order:113-${String(1_000_000 + i)}-0102947`,
    );
    expect(new Set(keys.map(keyHash)).size).toBeGreaterThan(9_990);
  });

  it('plainKeyHash is keyHash for a key stored as it is, and -1 for one that needs escaping', () => {
    for (const key of ['amazon:order:1', 'etsy:order:Zoë']) {
      expect(storedKey(key)).toBe(key);
      expect(plainKeyHash(key)).toBe(keyHash(key));
    }
    for (const key of ['paypal:note:a\nb', 'paypal:note:a\\b']) {
      expect(storedKey(key)).not.toBe(key);
      expect(plainKeyHash(key)).toBe(-1);
    }
  });
});
