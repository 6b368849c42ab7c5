import { type Language, resolveLanguage } from '../../i18n/language.ts';
import { ISSUE } from '../../import/issue-texts.ts';
import type { PageReader } from './boot.ts';
import { provenanceUrl } from './hash.ts';
import { mountPanel, type Panel } from './panel.ts';
import { recognise, reportLinks } from './read.ts';
import { sampleFileName, scrubPage } from './scrub.ts';
import {
  notRecognised,
  type ReadOptions,
  type ReadOutcome,
  readCurrentPage,
  type SessionDeps,
  type Stored,
} from './session.ts';
import type { ReadImport, SiteAdapter } from './types.ts';

/** The browser APIs a content script needs, passed in by the entry point (kept out of lib logic). */
export interface ContentRuntime {
  /** `browser.runtime.sendMessage` */
  sendMessage(message: unknown): Promise<unknown>;
  /** `browser.runtime.onMessage.addListener`; the listener answers with a Promise. */
  onMessage(listener: (message: unknown) => Promise<unknown> | undefined): void;
  /** `i18n.getUILanguage()`: the panel's language until the seller's setting arrives (else the navigator's). */
  uiLanguage?: string;
}

/**
 * What an extension page may send to the open tab (`tabs.sendMessage`; today only the demo and the
 * browser tests do), answered once the seller opened the panel: read it now, as its button does.
 */
export interface ReadPageRequest {
  channel: 'tradeline/page';
  type: 'readPage' | 'listReports';
  follow?: boolean;
  pauseMs?: number;
  maxPages?: number;
  reports?: string[] | 'all';
}

export function parsePageRequest(message: unknown): ReadPageRequest | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const m = message as Record<string, unknown>;
  if (m.channel !== 'tradeline/page' || (m.type !== 'readPage' && m.type !== 'listReports')) return undefined;
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined);
  const reports =
    m.reports === 'all'
      ? 'all'
      : Array.isArray(m.reports) && m.reports.every((u) => typeof u === 'string')
        ? (m.reports as string[]).slice(0, 100)
        : undefined;
  const request: ReadPageRequest = { channel: 'tradeline/page', type: m.type, follow: m.follow === true };
  const pauseMs = num(m.pauseMs);
  const maxPages = num(m.maxPages);
  if (pauseMs !== undefined) request.pauseMs = pauseMs;
  if (maxPages !== undefined) request.maxPages = Math.max(1, Math.floor(maxPages));
  if (reports) request.reports = reports;
  return request;
}

/** Sends one import to the background through the declared `importEntries` message (no zod here). */
export async function storeThrough(runtime: ContentRuntime, read: ReadImport): Promise<Stored> {
  const reply = (await runtime.sendMessage({
    channel: 'tradeline/v1',
    type: 'importEntries',
    data: { provenance: read.provenance, platform: read.platform, entries: read.entries },
  })) as
    | { ok?: boolean; data?: { added?: unknown; duplicates?: unknown }; error?: { message?: unknown } }
    | undefined;
  if (!reply?.ok) throw new Error(String(reply?.error?.message ?? 'Tradeline did not answer.'));
  const added = Number(reply.data?.added ?? 0);
  const duplicates = Number(reply.data?.duplicates ?? 0);
  return { added, duplicates };
}

/** Asks the background one declared message (no zod here: content scripts stay small). */
async function ask(runtime: ContentRuntime, type: 'getPanelSummary' | 'openPopup'): Promise<unknown> {
  const reply = (await runtime.sendMessage({ channel: 'tradeline/v1', type, data: {} })) as
    | { ok?: boolean; data?: unknown; error?: { message?: unknown } }
    | undefined;
  if (!reply?.ok) throw new Error(String(reply?.error?.message ?? 'Tradeline did not answer.'));
  return reply.data;
}

/** The panel's eligibility line and the seller's language, from the background. */
export async function refreshSummary(runtime: ContentRuntime, panel: Panel): Promise<Language | undefined> {
  try {
    const data = (await ask(runtime, 'getPanelSummary')) as {
      language: Language;
      hasHistory: boolean;
      checked: number;
      eligible: number;
      best: { amount: number; currency: string } | null;
    };
    panel.setLanguage(data.language);
    panel.summary({
      state: 'ready',
      hasHistory: data.hasHistory,
      checked: data.checked,
      eligible: data.eligible,
      best: data.best,
    });
    return data.language;
  } catch (error) {
    panel.summary({ state: 'error', message: error instanceof Error ? error.message : String(error) });
    return undefined;
  }
}

export function browserSessionDeps(runtime: ContentRuntime, win: Window): SessionDeps {
  const get = async (url: string) => {
    // Same origin only (links are checked before): the seller's own session, nothing else.
    const res = await win.fetch(url, { credentials: 'same-origin', redirect: 'follow' });
    if (!res.ok) throw new Error(`the site answered ${res.status}`);
    return res;
  };
  return {
    fetchText: async (url) => (await get(url)).text(),
    fetchBytes: async (url) => new Uint8Array(await (await get(url)).arrayBuffer()),
    parseHtml: (html) => new DOMParser().parseFromString(html, 'text/html'),
    sleep: (ms, signal) =>
      new Promise((resolve) => {
        const timer = win.setTimeout(resolve, ms);
        signal.addEventListener('abort', () => {
          win.clearTimeout(timer);
          resolve();
        });
      }),
    store: (read) => storeThrough(runtime, read),
  };
}

/** Downloads text as a file through a Blob link (nothing leaves the browser). */
export function downloadText(win: Window, text: string, fileName: string, type = 'text/html'): void {
  const doc = win.document;
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  (doc.body ?? doc.documentElement).append(a);
  a.click();
  a.remove();
  win.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Wires one site's adapter into the page: the panel, and an answer to the extension's messages
 * (`handle`; the content script's bootstrap owns the listener). Nothing is read until the seller
 * presses a button (or the extension asks once the panel is open).
 */
export function startContentScript(
  adapter: SiteAdapter,
  runtime: ContentRuntime,
  win: Window,
  deps: SessionDeps = browserSessionDeps(runtime, win),
): PageReader & { panel: Panel; read: (options: ReadOptions) => Promise<ReadOutcome> } {
  const doc = win.document;
  // The browser's language until the background's answer brings the seller's (panel.setLanguage).
  const language: Language = resolveLanguage('auto', runtime.uiLanguage ?? win.navigator?.language ?? 'en');
  let running: AbortController | undefined;
  const read = async (options: ReadOptions): Promise<ReadOutcome> => {
    if (running) return { page: null, lines: [], notices: [ISSUE.alreadyReading()], stopped: false };
    running = new AbortController();
    panel.busy(true);
    try {
      const outcome = await readCurrentPage(adapter, doc, win.location.href, deps, {
        ...options,
        signal: running.signal,
        onProgress: (p) => panel.progress(p),
      });
      panel.show(outcome);
      // What was stored may change the eligibility line.
      if (outcome.lines.some((line) => line.added > 0)) void refreshSummary(runtime, panel);
      return outcome;
    } catch (error) {
      const outcome: ReadOutcome = {
        page: null,
        lines: [],
        notices: [ISSUE.readFailed(error instanceof Error ? error.message : String(error))],
        stopped: false,
      };
      panel.show(outcome);
      return outcome;
    } finally {
      running = undefined;
      panel.busy(false);
    }
  };
  const panel = mountPanel(
    doc,
    adapter.label,
    {
      read: (follow) => {
        const kind = recognise(adapter, doc, win.location.href);
        if (kind?.reports && !kind.tables) {
          panel.offerReports(reportLinks(kind, doc, win.location.href));
          return;
        }
        void read({ follow });
      },
      importReports: (urls) => void read({ reports: urls }),
      stop: () => running?.abort(),
      openPopup: () =>
        void ask(runtime, 'openPopup').catch((error: unknown) =>
          panel.summary({ state: 'error', message: error instanceof Error ? error.message : String(error) }),
        ),
      saveSample: () => {
        const name = sampleFileName(adapter.id, win.location.href);
        downloadText(win, scrubPage(doc, provenanceUrl(win.location.href)), name);
        return name;
      },
    },
    { language },
  );
  // The reader starts only when the seller presses the launcher: then the line of what they
  // prequalify for, and their language, come from the background.
  void refreshSummary(runtime, panel);
  const handle = (message: unknown): Promise<unknown> | undefined => {
    const request = parsePageRequest(message);
    if (!request) return undefined;
    const url = win.location.href;
    const kind = recognise(adapter, doc, url);
    if (request.type === 'listReports') return Promise.resolve(kind ? reportLinks(kind, doc, url) : []);
    const reports =
      request.reports === 'all'
        ? kind
          ? reportLinks(kind, doc, url).map((l) => l.url)
          : []
        : request.reports;
    return read({
      follow: request.follow ?? false,
      ...(request.pauseMs !== undefined ? { pauseMs: request.pauseMs } : {}),
      ...(request.maxPages !== undefined ? { maxPages: request.maxPages } : {}),
      ...(reports ? { reports } : {}),
    });
  };
  // A page the adapter does not know is said so at once, with the way to send Tradeline a sample.
  if (!recognise(adapter, doc, win.location.href)) panel.show(notRecognised(adapter));
  // The launcher was pressed: the panel opens (it collapses to a tab on the page's edge after).
  const open = (): void => panel.expand(true);
  return { panel, read, handle, open };
}
