/** `wxt/browser` in content scripts' builds (scripts/vite-light-browser.ts): the native namespace. */
const scope = globalThis as unknown as { browser?: { runtime?: { id?: string } }; chrome?: unknown };
export const browser = scope.browser?.runtime?.id ? scope.browser : scope.chrome;
