import type { ContentRuntime } from '../pages/core/content.ts';

/**
 * The parts of the browser's own runtime API a launcher (or a page's first requests) uses: `chrome.runtime` in Chromium,
 * `browser.runtime` in Firefox. Launchers use it directly, without webextension-polyfill: the
 * polyfill was 10 kB of a 16 kB launcher, compiled and run on every page of a marketplace
 * (the build gives content scripts a `wxt/browser` without it: scripts/vite-light-browser.ts).
 */
export interface NativeRuntime {
  id?: string;
  getURL(path: string): string;
  sendMessage(message: unknown): Promise<unknown>;
  onMessage: {
    addListener(
      listener: (
        message: unknown,
        sender: unknown,
        sendResponse: (answer: unknown) => void,
      ) => Promise<unknown> | boolean | undefined,
    ): void;
  };
}

/**
 * How extension pages (which keep the polyfill) tell a rejected answer from an answer in Chromium,
 * whose messaging cannot reject across contexts: the polyfill's own convention, kept on both sides.
 */
const REJECTED = '__mozWebExtensionPolyfillReject__';
const PORT_CLOSED = 'The message port closed before a response was received.';

function rejectedMessage(reply: unknown): string | undefined {
  if (typeof reply !== 'object' || reply === null) return undefined;
  const r = reply as Record<string, unknown>;
  return r[REJECTED] === true ? String(r.message ?? 'An unexpected error occurred') : undefined;
}

/**
 * Registers `listener` for the extension's messages with the polyfill's behaviour where Chromium
 * differs: Chromium listeners answer through `sendResponse` (a rejection travels as the
 * polyfill's rejected answer); Firefox's answer with the promise itself. A launcher uses it only
 * once the seller pressed it and the reader started (sending is the reader's: `readerRuntime`).
 */
export function listen(
  runtime: NativeRuntime,
  answersWithPromises: boolean,
  listener: (message: unknown) => Promise<unknown> | undefined,
): void {
  runtime.onMessage.addListener((message, _sender, sendResponse) => {
    const answer = listener(message);
    if (answer === undefined) return undefined;
    if (answersWithPromises) return answer;
    answer.then(sendResponse, (error: unknown) =>
      sendResponse({
        [REJECTED]: true,
        message: error instanceof Error ? error.message : 'An unexpected error occurred',
      }),
    );
    return true;
  });
}

/** A ContentRuntime over the native API: `listen`, and sending with the polyfill's conventions. */
export function contentRuntime(runtime: NativeRuntime, answersWithPromises: boolean): ContentRuntime {
  return {
    async sendMessage(message) {
      let reply: unknown;
      try {
        reply = await runtime.sendMessage(message);
      } catch (error) {
        // The polyfill answers `undefined` when the other side never replied; so do we.
        if (!answersWithPromises && error instanceof Error && error.message === PORT_CLOSED) return undefined;
        throw error;
      }
      const rejected = rejectedMessage(reply);
      if (rejected !== undefined) throw new Error(rejected);
      return reply;
    },
    onMessage: (listener) => listen(runtime, answersWithPromises, listener),
  };
}

/**
 * What a site's reader (loaded when the seller asks) talks to the background with. Built in the
 * reader's own script, so that the launcher every page loads carries none of the sending code.
 */
export function readerRuntime(scope: object = globalThis): ContentRuntime {
  const { runtime, answersWithPromises } = nativeRuntime(scope);
  return {
    ...contentRuntime(runtime, answersWithPromises),
    // The panel's language until the seller's setting arrives, as the background resolves `auto`.
    uiLanguage: browserUiLanguage(scope),
  };
}

/** `i18n.getUILanguage()`: the browser's interface language (Firefox's `browser`, else Chromium's `chrome`). */
export function browserUiLanguage(scope: object = globalThis): string | undefined {
  type I18n = { i18n?: { getUILanguage(): string } };
  const api = scope as { browser?: I18n; chrome?: I18n };
  return (api.browser?.i18n ?? api.chrome?.i18n)?.getUILanguage();
}

/** The browser's runtime API as a launcher finds it (the same test the polyfill makes). */
export function nativeRuntime(scope: object = globalThis): {
  runtime: NativeRuntime;
  answersWithPromises: boolean;
} {
  const api = scope as { browser?: { runtime?: NativeRuntime }; chrome?: { runtime?: NativeRuntime } };
  const firefox = api.browser?.runtime;
  if (firefox?.id) return { runtime: firefox, answersWithPromises: true };
  const chrome = api.chrome?.runtime;
  if (!chrome) throw new Error('Tradeline: no extension runtime in this context.');
  return { runtime: chrome, answersWithPromises: false };
}
