import 'fake-indexeddb/auto';
import { cleanup } from '@testing-library/react';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

beforeEach(() => {
  fakeBrowser.reset();
  // A fresh factory per test: databases must not leak from one test into the next.
  globalThis.indexedDB = new IDBFactory();
});

afterEach(() => {
  cleanup();
});
