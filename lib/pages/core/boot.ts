import { type Language, resolveLanguage } from '../../i18n/language.ts';
import { browserUiLanguage, listen, nativeRuntime, readerRuntime } from '../../messaging/native-runtime.ts';
import type { ContentRuntime } from './content.ts';
import { launcherText } from './launcher-text.ts';

/**
 * The part of a marketplace's content script that is loaded with every page of its hosts: a
 * collapsed launcher button, nothing else (no reads, no network, no extension API). The site's
 * reader (adapter, parsers, panel) is a separate script, loaded only when the seller presses the
 * launcher; only then does the page listen for the extension's `tradeline/page` messages.
 */

/** What a site's reader script offers once loaded. */
export interface PageReader {
  /** The seller pressed the launcher: show the full panel. */
  open(): void;
  /** Answers the extension's `tradeline/page` messages (undefined for any other message). */
  handle(message: unknown): Promise<unknown> | undefined;
}

export type StartReader = (runtime: ContentRuntime, win: Window) => PageReader;
/** A registered reader: its start function with the runtime its own script built. */
type Registered = (win: Window) => PageReader;

/**
 * Reader scripts register here. The loaded script runs in the same isolated world as the content
 * script (the page's own scripts never see this global) and adds its start function under its id.
 */
const REGISTRY = '__tradelinePageReaders';

function registry(): Record<string, Registered> {
  const scope = globalThis as unknown as Record<string, Record<string, Registered> | undefined>;
  let readers = scope[REGISTRY];
  if (!readers) {
    readers = {};
    scope[REGISTRY] = readers;
  }
  return readers;
}

/**
 * Called by a site's reader script when it is loaded. The reader's runtime (sending to the
 * background) is built here, in the reader's script: the launcher sends nothing.
 */
export function registerReader(
  family: string,
  start: StartReader,
  runtime: () => ContentRuntime = readerRuntime,
): void {
  registry()[family] = (win) => start(runtime(), win);
}

export function isPageMessage(message: unknown): boolean {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { channel?: unknown }).channel === 'tradeline/page'
  );
}

export interface BootOptions {
  family: string;
  label: string;
  /**
   * Registers the listener for the extension's `tradeline/page` messages (`runtime.onMessage`):
   * called once, when the reader has started, never at load (the runtime's first use costs the
   * page about 1 ms of script for its binding).
   */
  onMessage: ContentRuntime['onMessage'];
  /** `i18n.getUILanguage()`, asked when the tab is built (an API's first use costs the page its binding). */
  uiLanguage?: () => string | undefined;
  win: Window;
  /** Loads the site's reader script (which calls `registerReader`): on the seller's press. */
  load(): Promise<unknown>;
  /**
   * The launcher's language; by default the browser's, as the panel starts in (the seller's
   * setting lives in the extension's storage, which the page's world cannot read without a message).
   */
  language?: Language;
  /** When to put the launcher on the page (default: once the page is idle; tests: at once). */
  schedule?: (mount: () => void) => void;
}

export interface Booted {
  launcher: HTMLElement;
  /** The closed shadow root, kept for tests (the page cannot reach it). */
  root: ShadowRoot;
  /** Loads and starts the reader once (and then listens); later calls get the same one. */
  reader(): Promise<PageReader>;
}

// A small tab on the page's right edge, halfway down, as the panel folds back to: dashboards keep
// their controls in the header, the navigation and the content, not on the edge itself.
const LAUNCHER_STYLE = `:host{all:initial}
button{position:fixed;top:50%;right:0;transform:translateY(-50%);z-index:2147483647;writing-mode:vertical-rl;
font:600 12px/1 system-ui,sans-serif;padding:10px 5px;margin:0;border:1px solid #2563eb;border-right:none;
border-radius:6px 0 0 6px;background:#2563eb;color:#fff;cursor:pointer}
button:focus-visible{outline:2px solid #f59e0b;outline-offset:2px}`;
// Added to the tab's style sheet only if the reader fails to load: every page parses the rest.
const FAILED_STYLE = `
p{position:fixed;top:50%;right:36px;transform:translateY(-50%);z-index:2147483647;max-width:260px;
font:12px/1.4 system-ui,sans-serif;background:#fff;color:#8a4b00;border:1px solid #999;border-radius:6px;padding:6px;margin:0}`;

/**
 * Puts the collapsed launcher on the page once the page is idle: building a shadow root and
 * inserting it cost the page's load more than the rest of the launcher. Reads nothing and listens
 * for nothing until the seller presses it: then the reader starts, answers the extension's
 * `tradeline/page` messages, and replaces the launcher.
 */
export function bootContentScript(options: BootOptions): Booted {
  const { win } = options;
  let tab: { launcher: HTMLElement; root: ShadowRoot } | undefined;
  let readerStarted = false;

  let started: Promise<PageReader> | undefined;
  const reader = (): Promise<PageReader> => {
    started ??= options
      .load()
      .then(() => {
        const start = registry()[options.family];
        if (!start) throw new Error(`no reader registered for ${options.family}`);
        const loaded = start(win);
        readerStarted = true;
        tab?.launcher.remove();
        // Only now: the page answers the extension once the seller opened Tradeline on it.
        options.onMessage((message) => (isPageMessage(message) ? loaded.handle(message) : undefined));
        return loaded;
      })
      .catch((error: unknown) => {
        started = undefined; // a later press may try again
        throw error;
      });
    return started;
  };

  // The page's document, the browser's language and the texts are first touched here, once the
  // page is idle: each DOM or navigator object a content script first uses costs its isolated world
  // a wrapper (measured: reading `navigator.language` alone about 0.4 ms of script).
  const build = () => {
    if (tab) return tab;
    const doc = win.document;
    const t = launcherText(
      options.language ?? resolveLanguage('auto', options.uiLanguage?.() ?? win.navigator?.language ?? 'en'),
      options.label,
    );
    const launcher = doc.createElement('div');
    launcher.setAttribute('data-tradeline-panel', 'launcher');
    const root = launcher.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = LAUNCHER_STYLE;
    const button = doc.createElement('button');
    button.textContent = t('launcher_label');
    button.title = t('launcher_title');
    button.setAttribute('aria-label', button.title);
    root.append(style, button);
    button.addEventListener('click', () => {
      reader().then(
        (r) => r.open(),
        () => {
          const failed = doc.createElement('p');
          failed.setAttribute('role', 'alert');
          failed.textContent = t('launcher_failed');
          style.textContent = LAUNCHER_STYLE + FAILED_STYLE;
          root.querySelector('p')?.remove();
          root.append(failed);
        },
      );
    });
    tab = { launcher, root };
    return tab;
  };
  // The reader replaces the launcher: once it runs (`reader()` called before idle), no tab is added.
  const mount = () => {
    if (readerStarted) return;
    const doc = win.document;
    (doc.body ?? doc.documentElement).append(build().launcher);
  };
  // Once the page is idle (its own load work first), at most a second.
  if (options.schedule) options.schedule(mount);
  else if (typeof win.requestIdleCallback === 'function') win.requestIdleCallback(mount, { timeout: 1000 });
  else win.setTimeout(mount, 0);
  return {
    get launcher() {
      return build().launcher;
    },
    get root() {
      return build().root;
    },
    reader,
  };
}

/**
 * What every marketplace's launcher entrypoint does: boot with the native runtime, found only
 * when the seller presses the launcher (to load the reader and listen), never at load.
 */
export function launch(
  site: { id: string; label: string },
  readerPath: string,
  win: Window = window,
): Booted {
  let found: ReturnType<typeof nativeRuntime> | undefined;
  const native = () => {
    found ??= nativeRuntime();
    return found;
  };
  return bootContentScript({
    family: site.id,
    label: site.label,
    onMessage: (listener) => {
      const { runtime, answersWithPromises } = native();
      listen(runtime, answersWithPromises, listener);
    },
    uiLanguage: browserUiLanguage,
    win,
    load: () => import(/* @vite-ignore */ native().runtime.getURL(readerPath)),
  });
}
