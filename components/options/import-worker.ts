import { FORMATS } from '../../lib/sources/registry.ts';
import { openTradelineDb, type TradelineDatabase } from '../../lib/storage/db.ts';
import { createBatchStore } from '../../lib/storage/store-import.ts';
import { createImportSession, type FromWorker, type ToWorker } from './import-session.ts';

/** The dedicated worker's global scope, as far as this file uses it. */
interface WorkerScope {
  postMessage(message: FromWorker): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
}

const scope = globalThis as unknown as WorkerScope;

// The worker runs at the extension's origin: it stores into the extension's IndexedDB itself,
// through the same function the background uses, so the records never cross the page's thread.
// It holds the file's Web Lock while storing (released when the page closes and the worker
// ends): how the background and the next page tell an interrupted import from a running one.
let db: Promise<TradelineDatabase> | undefined;
const store = createBatchStore(
  () => {
    db ??= openTradelineDb();
    return db;
  },
  'locks' in navigator ? navigator.locks : undefined,
);

const session = createImportSession((message) => scope.postMessage(message), {
  formats: FORMATS,
  store,
  discard: store.discard,
});

scope.onmessage = (event) => {
  session.handle(event.data).catch((error: unknown) =>
    scope.postMessage({
      type: 'failed',
      reason: 'unreadable',
      detail: error instanceof Error ? error.message : String(error),
    }),
  );
};
