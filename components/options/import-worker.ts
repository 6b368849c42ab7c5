import { FORMATS } from '../../lib/sources/registry.ts';
import { createImportSession, type FromWorker, type ToWorker } from './import-session.ts';

/** The dedicated worker's global scope, as far as this file uses it. */
interface WorkerScope {
  postMessage(message: FromWorker): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
}

const scope = globalThis as unknown as WorkerScope;
const session = createImportSession((message) => scope.postMessage(message), { formats: FORMATS });

scope.onmessage = (event) => {
  session.handle(event.data).catch((error: unknown) =>
    scope.postMessage({
      type: 'failed',
      reason: 'unreadable',
      detail: error instanceof Error ? error.message : String(error),
    }),
  );
};
