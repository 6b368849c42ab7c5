import type { FromWorker, ImportWorker } from './import-session.ts';
import { S } from './strings.ts';

/**
 * Starts the worker that reads a report file off the main thread. Vite bundles
 * `import-worker.ts` (the readers and the format registry) as its own module script.
 */
export function createImportWorker(): ImportWorker {
  const worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
  return {
    post: (message) => worker.postMessage(message),
    listen(handler) {
      worker.onmessage = (event: MessageEvent<FromWorker>) => handler(event.data);
      worker.onerror = (event) => {
        event.preventDefault();
        handler({
          type: 'failed',
          reason: 'unreadable',
          detail: event.message || S.importer.workerStopped,
        });
      };
      worker.onmessageerror = () =>
        handler({
          type: 'failed',
          reason: 'unreadable',
          detail: S.importer.workerMessageLost,
        });
    },
    terminate: () => worker.terminate(),
  };
}
