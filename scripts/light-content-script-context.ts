/**
 * `wxt/utils/content-script-context` in content scripts' builds (scripts/vite-light-browser.ts).
 * WXT's context dispatches a start event to the page's document, listens for newer copies of the
 * script and creates an AbortController on every page load, so that a script can tie its work to
 * `ctx.signal`; Tradeline's launchers take no context (their `main()` has no parameter), so all of
 * that was start-up time spent for nothing on every marketplace page. A content script that needs
 * the context must not be built with this stand-in.
 */
export class ContentScriptContext {
  constructor(
    readonly contentScriptName: string,
    readonly options?: unknown,
  ) {}
}
