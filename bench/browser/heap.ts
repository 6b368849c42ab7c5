/**
 * Live JavaScript memory of an extension page and its dedicated workers, through the DevTools
 * protocol: a forced garbage collection (`HeapProfiler.collectGarbage`) then `Runtime.getHeapUsage`.
 * Unlike the PSS of the processes, what is left after a forced collection does not depend on when
 * the collector last ran, so it does not move with the machine's load: it is what the code holds.
 * Workers are reached through the page's session (auto-attach without flattening, messages wrapped
 * in `Target.sendMessageToTarget`), since playwright's own sessions only address pages.
 */
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

export interface HeapFigure {
  /** V8 heap in use after the collection, MB. */
  usedMb: number;
  /** ArrayBuffers' backing stores and other memory the V8 heap points to, MB (0 where not reported). */
  backingMb: number;
}

interface HeapUsage {
  usedSize: number;
  totalSize: number;
  backingStorageSize?: number;
}

const mb = (bytes: number) => bytes / 2 ** 20;

export interface HeapProbe {
  /** The page's and its newest worker's live memory (worker null when none runs). */
  probe(): Promise<{ page: HeapFigure; worker: HeapFigure | null }>;
  /** The same without a collection: live memory plus the garbage not collected yet. */
  peek(): Promise<{ page: HeapFigure; worker: HeapFigure | null }>;
  detach(): Promise<void>;
}

export async function attachHeapProbe(context: BrowserContext, page: Page): Promise<HeapProbe> {
  const cdp: CDPSession = await context.newCDPSession(page);
  const workers: string[] = [];
  const pending = new Map<number, (result: unknown) => void>();
  let nextId = 0;
  cdp.on('Target.attachedToTarget', (event) => {
    if (event.targetInfo.type === 'worker') workers.push(event.sessionId);
  });
  cdp.on('Target.detachedFromTarget', (event) => {
    const at = workers.indexOf(event.sessionId ?? '');
    if (at !== -1) workers.splice(at, 1);
  });
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: unknown };
    const resolve = message.id === undefined ? undefined : pending.get(message.id);
    if (!resolve || message.id === undefined) return;
    pending.delete(message.id);
    resolve(message.result ?? null);
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });

  const inWorker = (sessionId: string, method: string, params: object = {}) =>
    new Promise<unknown>((resolve) => {
      nextId += 1;
      pending.set(nextId, resolve);
      void cdp
        .send('Target.sendMessageToTarget', {
          sessionId,
          message: JSON.stringify({ id: nextId, method, params }),
        })
        .catch(() => resolve(null));
    });
  const figure = (usage: HeapUsage | null): HeapFigure | null =>
    usage ? { usedMb: mb(usage.usedSize), backingMb: mb(usage.backingStorageSize ?? 0) } : null;

  const usage = async (collect: boolean) => {
    if (collect) await cdp.send('HeapProfiler.collectGarbage');
    const pageUsage = (await cdp.send('Runtime.getHeapUsage')) as HeapUsage;
    const sessionId = workers.at(-1);
    let worker: HeapFigure | null = null;
    if (sessionId) {
      if (collect) await inWorker(sessionId, 'HeapProfiler.collectGarbage');
      worker = figure((await inWorker(sessionId, 'Runtime.getHeapUsage')) as HeapUsage | null);
    }
    return { page: figure(pageUsage) as HeapFigure, worker };
  };

  return {
    probe: () => usage(true),
    peek: () => usage(false),
    detach: () => cdp.detach(),
  };
}
