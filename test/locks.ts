import type { ImportLocks } from '../lib/storage/interrupted.ts';

/**
 * The Web Locks API's exclusive locks as the tests need them (Node has no `navigator.locks`):
 * one manager is the origin, each `context()` a page, worker or background sharing it. Ending a
 * context releases every lock it holds, as the browser does when a tab closes or a worker dies.
 */
export class TestLockManager {
  private readonly held = new Map<string, { owner: object; release: () => void }>();
  private readonly queue = new Map<string, (() => void)[]>();

  context(): ImportLocks & { end(): void } {
    const owner = {};
    const grant = (name: string, callback: (lock: unknown) => Promise<unknown>) =>
      new Promise<unknown>((resolve, reject) => {
        let done = false;
        const release = () => {
          if (done) return;
          done = true;
          this.held.delete(name);
          this.queue.get(name)?.shift()?.();
        };
        this.held.set(name, { owner, release });
        callback({ name }).then(
          (value) => {
            release();
            resolve(value);
          },
          (error: unknown) => {
            release();
            reject(error);
          },
        );
      });
    const request = (
      name: string,
      optionsOrCallback: { ifAvailable: true } | ((lock: unknown) => Promise<unknown>),
      maybeCallback?: (lock: unknown) => Promise<unknown>,
    ): Promise<unknown> => {
      if (typeof optionsOrCallback !== 'function') {
        const callback = maybeCallback as (lock: unknown) => Promise<unknown>;
        return this.held.has(name) ? callback(null) : grant(name, callback);
      }
      if (!this.held.has(name)) return grant(name, optionsOrCallback);
      return new Promise((resolve, reject) => {
        const waiting = this.queue.get(name) ?? [];
        waiting.push(() => grant(name, optionsOrCallback).then(resolve, reject));
        this.queue.set(name, waiting);
      });
    };
    return {
      request: request as ImportLocks['request'],
      end: () => {
        for (const [, lock] of [...this.held].filter(([, l]) => l.owner === owner)) lock.release();
      },
    };
  }

  isHeld(name: string): boolean {
    return this.held.has(name);
  }
}
