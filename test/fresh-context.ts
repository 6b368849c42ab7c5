import { vi } from 'vitest';

/**
 * Storage as another context loads it: the background after a restart, another page, or the
 * options page's import worker, each with its own copy of lib/storage and nothing kept in memory
 * (ledger-repo.ts keeps the key sets of its last call). The test file's own imports stay the
 * first context's copy.
 */
export async function otherContext() {
  vi.resetModules();
  const [ledger, store] = await Promise.all([
    import('../lib/storage/ledger-repo.ts'),
    import('../lib/storage/store-import.ts'),
  ]);
  return { importEntries: ledger.importEntries, storeImport: store.storeImport };
}
