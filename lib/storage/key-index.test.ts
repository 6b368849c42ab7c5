import { describe, expect, it } from 'vitest';
import { joinStoredKeys, storedKey } from './dedupe-keys.ts';
import { KeyIndex, keyHash } from './key-index.ts';

const has = (index: KeyIndex, key: string) => index.has(key, keyHash(key));

describe('KeyIndex', () => {
  it('finds exactly the entries of a stored key list, not their prefixes, suffixes or joins', () => {
    const keys = ['shopify:order:#1001', 'shopify:order:#1001:2', 'shopify:fee:payments:7', 'a'];
    const index = new KeyIndex(joinStoredKeys(keys));
    for (const key of keys) expect(has(index, key)).toBe(true);
    for (const other of [
      'shopify:order:#100',
      'order:#1001',
      'shopify:order:#1001:',
      '',
      'a\nshopify',
      'b',
    ]) {
      expect(has(index, other)).toBe(false);
    }
    expect(has(new KeyIndex(''), 'a')).toBe(false);
  });

  it('appends the keys added, in order, to the same list dedupe-keys joins, and finds them after', () => {
    const index = new KeyIndex(joinStoredKeys(['k1', 'k2']));
    index.add('k3', keyHash('k3'));
    // Added and not yet appended: found too (a key twice in one batch is a duplicate).
    expect(has(index, 'k3')).toBe(true);
    index.add(storedKey('with\nbreak'), keyHash(storedKey('with\nbreak')));
    expect(index.appendAdded()).toBe(joinStoredKeys(['k1', 'k2', 'k3', storedKey('with\nbreak')]));
    expect(index.joined).toBe('k1\nk2\nk3\nwith\\nbreak');
    for (const key of ['k1', 'k2', 'k3', storedKey('with\nbreak')]) expect(has(index, key)).toBe(true);
    expect(has(index, 'k')).toBe(false);
    // Nothing added: the list stays the same string.
    expect(index.appendAdded()).toBe(index.joined);
    const empty = new KeyIndex('');
    empty.add('x', keyHash('x'));
    expect(empty.appendAdded()).toBe('x');
    expect(has(empty, 'x')).toBe(true);
  });

  it('tells keys apart when their hashes collide', () => {
    // Many keys: some of their 32-bit hashes collide only by chance, so force one: compare entries.
    const keys = Array.from({ length: 5_000 }, (_, i) => `shopify:order:#${i}`);
    const index = new KeyIndex(joinStoredKeys(keys));
    const hash = keyHash(keys[0] as string);
    // Another key looked up under an existing entry's hash is not found there.
    expect(index.has('shopify:order:#x', hash)).toBe(false);
    // Two entries under one hash (as on a collision) are both found.
    index.add('other', hash);
    index.appendAdded();
    expect(index.has('other', hash)).toBe(true);
    expect(index.has(keys[0] as string, hash)).toBe(true);
    for (const key of keys) expect(has(index, key)).toBe(true);
  });
});
