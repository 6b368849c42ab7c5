import { describe, expect, it } from 'vitest';
import {
  appendStoredKeys,
  joinStoredKeys,
  keysOf,
  originalKey,
  splitStoredKeys,
  storedKey,
  storedKeysOf,
  storedKeysProblem,
} from './dedupe-keys.ts';

describe('a month of dedupe keys as one string', () => {
  it('round-trips every key, line breaks and backslashes included', () => {
    const keys = ['amazon:order:1', 'x:a\nb', 'x:c\\nd', 'x:\\', 'x:\n', 'x:\\\\n\n\\'];
    const joined = joinStoredKeys(keys.map(storedKey));
    expect(splitStoredKeys(joined)).toHaveLength(keys.length);
    expect(keysOf(joined)).toEqual(keys);
    for (const key of keys) expect(originalKey(storedKey(key))).toBe(key);
  });

  it('keeps distinct keys distinct once stored (a key with a line break is not two keys)', () => {
    const stored = ['x:a\nb', 'x:a\\nb', 'x:a', 'b'].map(storedKey);
    expect(new Set(stored).size).toBe(4);
    expect(stored.every((s) => !s.includes('\n'))).toBe(true);
  });

  it('stores ordinary keys unchanged, and appends to an empty or a filled list', () => {
    expect(storedKey('shopify:order:1001')).toBe('shopify:order:1001');
    expect(splitStoredKeys('')).toEqual([]);
    expect(appendStoredKeys('', ['a', 'b'])).toBe('a\nb');
    expect(appendStoredKeys('a\nb', ['c'])).toBe('a\nb\nc');
    expect(appendStoredKeys('a', [])).toBe('a');
  });

  it('accepts every list storage writes and rejects what it never writes', () => {
    const keys = ['amazon:order:1', 'x:a\nb', 'x:c\\nd', 'x:\\', 'x:\n', 'x:\\\\n\n\\'];
    const joined = storedKeysOf(keys.map((key) => ({ key })));
    expect(keysOf(joined)).toEqual(keys);
    for (const ok of [joined, '', 'a', appendStoredKeys(joined, [storedKey('y:\\')])]) {
      expect(storedKeysProblem(ok), JSON.stringify(ok)).toBeNull();
    }
    for (const bad of [['a', 'b'], 7, null, 'a\n\nb', '\na', 'a\n', 'a\\', 'a\\x\nb', 'a\\\nb']) {
      expect(storedKeysProblem(bad), JSON.stringify(bad)).not.toBeNull();
    }
  });
});
