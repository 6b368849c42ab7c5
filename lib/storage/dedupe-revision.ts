/**
 * Every transaction that writes dedupe keys (an import, a removal or rollback, a repair, the
 * retention rule) also writes a new random token here, in the same transaction. A context that
 * kept a month's key set from its own last batch (ledger-repo.ts) reuses it only while the stored
 * token is still the one its own commit wrote: any other writer in between, in any page, worker
 * or the background, replaced it. A token never repeats, so a database cleared and filled again
 * never matches a token from before. Clearing every store (deleteAll) removes it: no match either.
 */
const DEDUPE = 'dedupe';

/** A read-write transaction whose scope holds the `revisions` store (the compiler checks the scope). */
interface WithRevisions {
  objectStore(name: 'revisions'): {
    get(key: string): Promise<string | undefined>;
    put(value: string, key: string): Promise<unknown>;
  };
}

/** Marks the transaction's dedupe writes; returns the token that is stored once it commits. */
export function markDedupeWritten(tx: WithRevisions): string {
  const token = crypto.randomUUID();
  // A failed transaction reports its failure itself (tx.done), not through this request.
  tx.objectStore('revisions')
    .put(token, DEDUPE)
    .catch(() => undefined);
  return token;
}

/** The stored token, read inside the caller's transaction (undefined: none written yet). */
export function dedupeRevision(tx: WithRevisions): Promise<string | undefined> {
  return tx.objectStore('revisions').get(DEDUPE);
}
