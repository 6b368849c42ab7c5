import { browserUiLanguage, contentRuntime, nativeRuntime } from './native-runtime.ts';

/**
 * The few browser APIs the popup and the options page use, on the browser's own namespace
 * (Firefox's `browser`, else Chromium's `chrome`, whose MV3 APIs answer with promises) instead of
 * webextension-polyfill: importing the polyfill copied every property of `chrome` into a module
 * namespace when the page's bundle ran, building each API's bindings (tabs, windows, …) before
 * the first render (issue 10). Messages keep the polyfill's conventions (native-runtime.ts), as
 * the background still answers through it.
 */
export interface PageBrowser {
  sendMessage(message: unknown): Promise<unknown>;
  /** `i18n.getUILanguage()`: what the `auto` language setting follows. */
  uiLanguage(): string;
  /** `permissions.request({ origins })`: the seller's answer to the browser's prompt. */
  requestOrigins(origins: string[]): Promise<boolean>;
  openOptionsPage(): Promise<void>;
  openTab(url: string): Promise<unknown>;
}

interface NativePageApis {
  runtime: { id?: string; openOptionsPage(): Promise<void> };
  permissions: { request(permissions: { origins: string[] }): Promise<boolean> };
  tabs: { create(properties: { url: string }): Promise<unknown> };
}

export function pageBrowser(scope: object = globalThis): PageBrowser {
  const { runtime, answersWithPromises } = nativeRuntime(scope);
  const namespaces = scope as { browser?: NativePageApis; chrome?: NativePageApis };
  const api = (answersWithPromises ? namespaces.browser : namespaces.chrome) as NativePageApis;
  const { sendMessage } = contentRuntime(runtime, answersWithPromises);
  return {
    sendMessage,
    uiLanguage: () => browserUiLanguage(scope) ?? 'en',
    requestOrigins: (origins) => api.permissions.request({ origins }),
    openOptionsPage: () => api.runtime.openOptionsPage(),
    openTab: (url) => api.tabs.create({ url }),
  };
}
