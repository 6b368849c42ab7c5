import { issueMessage } from '../../i18n/issue-text.ts';
import type { Language } from '../../i18n/language.ts';
import type { Translator } from '../../i18n/translator.ts';
import { panelTranslator } from './panel-text.ts';
import type { Progress, ReadLine, ReadOutcome } from './session.ts';
import type { ReportLink } from './types.ts';

export interface PanelActions {
  /** The seller pressed "Read this page" (with "every page" ticked or not). */
  read(follow: boolean): void;
  /** The seller picked report files and pressed "Import selected". */
  importReports(urls: string[]): void;
  stop(): void;
  /** The seller followed the eligibility line's link ("See offers"). */
  openPopup(): void;
  /** The seller pressed "Save a scrubbed page sample": downloads it, returns the file name. */
  saveSample(): string;
}

/** The one-line eligibility summary (the background's `getPanelSummary`, or why it is missing). */
export type PanelSummary =
  | {
      state: 'ready';
      hasHistory: boolean;
      checked: number;
      eligible: number;
      best: { amount: number; currency: string } | null;
    }
  | { state: 'error'; message: string };

export interface Panel {
  host: HTMLElement;
  /** The closed shadow root, kept for tests (the page cannot reach it). */
  root: ShadowRoot;
  busy(on: boolean): void;
  progress(p: Progress): void;
  offerReports(links: readonly ReportLink[]): void;
  show(outcome: ReadOutcome): void;
  summary(summary: PanelSummary): void;
  /** Shows every text in `language` (the seller's setting arrives with the summary). */
  setLanguage(language: Language): void;
  /** Opens (true) or collapses (false) the panel, as its tab does. */
  expand(open: boolean): void;
  remove(): void;
}

export interface PanelOptions {
  /** The language to start in (the browser's) until the seller's setting is known. */
  language?: Language;
}

// Collapsed, the panel is a small tab on the page's right edge, halfway down: dashboards keep
// their controls in the header, the left navigation and the content, not on the edge itself. The
// seller can move it to the left edge. Opened, it sits beside the tab and closes with Escape.
const STYLE = `
:host{all:initial}
.wrap{position:fixed;top:50%;right:0;transform:translateY(-50%);z-index:2147483647;display:flex;
 align-items:center;flex-direction:row-reverse;font:13px/1.4 system-ui,"PingFang SC","Microsoft YaHei",sans-serif;color:#111}
.wrap.left{right:auto;left:0;flex-direction:row}
.tab{writing-mode:vertical-rl;font:600 12px/1 system-ui,sans-serif;padding:10px 5px;margin:0;border:1px solid #2563eb;
 border-right:none;border-radius:6px 0 0 6px;background:#2563eb;color:#fff;cursor:pointer}
.wrap.left .tab{border-radius:0 6px 6px 0;border:1px solid #2563eb;border-left:none}
.tab:focus-visible,button:focus-visible,input:focus-visible{outline:2px solid #f59e0b;outline-offset:2px}
.box{width:300px;max-height:70vh;overflow:auto;background:#fff;border:1px solid #999;border-radius:8px;
 box-shadow:0 2px 12px #0003;padding:10px;margin:0 6px}
.head{display:flex;align-items:center;gap:6px}
h2{font-size:13px;margin:0;flex:1}
button{font:inherit;margin:4px 4px 0 0}
.head button{margin:0;font-size:12px}
progress{width:100%}
ul{padding-left:18px;margin:6px 0}
.notice{color:#8a4b00}
.summary{margin:8px 0 0;padding-top:6px;border-top:1px solid #ddd}
.summary .link{color:#1d4ed8;margin:0 0 0 4px;padding:0;border:none;background:none;text-decoration:underline;cursor:pointer}
[hidden]{display:none !important}
`;

/** Where a line was read from, in the panel's language: `Orders, page 2`, or the report's name. */
function lineSource(tr: Translator, line: ReadLine): string {
  if (line.page === undefined) return line.label;
  const source = tr.t('panel.linePage', [line.label, line.page]);
  return line.embedded ? tr.t('panel.lineEmbedded', [source]) : source;
}

function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  props: Partial<Record<'text' | 'className', string>> = {},
): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  if (props.text) e.textContent = props.text;
  if (props.className) e.className = props.className;
  return e;
}

/**
 * The in-page panel: a closed shadow root (the page's scripts and styles cannot reach it),
 * collapsed to a tab until the seller opens it, with "Read this page", a progress bar, Stop, the
 * reports the page offers, what was read and a one-line eligibility summary linking to the popup.
 * Text only (textContent): nothing from the page is ever parsed as HTML here.
 */
export function mountPanel(
  doc: Document,
  siteLabel: string,
  actions: PanelActions,
  options: PanelOptions = {},
): Panel {
  let tr: Translator = panelTranslator(options.language ?? 'en');
  const host = el(doc, 'div');
  host.setAttribute('data-tradeline-panel', '');
  const root = host.attachShadow({ mode: 'closed' });
  const style = el(doc, 'style', { text: STYLE });
  const wrap = el(doc, 'div', { className: 'wrap' });
  const tab = el(doc, 'button', { className: 'tab' });
  tab.type = 'button';
  tab.setAttribute('aria-expanded', 'false');
  const box = el(doc, 'section', { className: 'box' });
  box.id = 'tradeline-panel';
  box.hidden = true;
  tab.setAttribute('aria-controls', box.id);
  const head = el(doc, 'div', { className: 'head' });
  const title = el(doc, 'h2');
  const moveButton = el(doc, 'button');
  moveButton.type = 'button';
  const closeButton = el(doc, 'button');
  closeButton.type = 'button';
  head.append(title, moveButton, closeButton);
  const hint = el(doc, 'p');
  const followLabel = el(doc, 'label');
  const follow = el(doc, 'input');
  follow.type = 'checkbox';
  const followText = doc.createTextNode('');
  followLabel.append(follow, followText);
  const readButton = el(doc, 'button');
  readButton.type = 'button';
  const stopButton = el(doc, 'button');
  stopButton.type = 'button';
  stopButton.hidden = true;
  const bar = el(doc, 'progress');
  bar.hidden = true;
  const status = el(doc, 'p');
  status.setAttribute('role', 'status');
  const reports = el(doc, 'div');
  const results = el(doc, 'div');
  const summaryLine = el(doc, 'p', { className: 'summary' });
  summaryLine.setAttribute('aria-live', 'polite');
  const summaryText = el(doc, 'span');
  summaryText.setAttribute('data-testid', 'panel-summary');
  // A button that looks like a link: it opens the popup, it does not navigate the page.
  const summaryLink = el(doc, 'button', { className: 'link' });
  summaryLink.type = 'button';
  summaryLine.append(summaryText, summaryLink);
  box.append(head, hint, followLabel, readButton, stopButton, bar, status, reports, results, summaryLine);
  wrap.append(tab, box);
  root.append(style, wrap);

  let lastSummary: PanelSummary | null = null;
  let lastLinks: readonly ReportLink[] = [];
  let lastOutcome: ReadOutcome | null = null;
  const renderSummary = () => {
    const s = lastSummary;
    summaryLink.hidden = true;
    if (s === null) {
      summaryText.textContent = tr.t('panel.summaryLoading');
      return;
    }
    if (s.state === 'error') {
      summaryText.textContent = tr.t('panel.summaryFailed', [s.message]);
      return;
    }
    summaryLink.hidden = false;
    if (!s.hasHistory) summaryText.textContent = tr.t('panel.summaryNoHistory');
    else if (s.eligible === 0 || !s.best)
      summaryText.textContent = tr.t('panel.summaryNone', [s.checked], s.checked);
    else {
      const amount = tr.number(s.best.amount, {
        style: 'currency',
        currency: s.best.currency,
        maximumFractionDigits: 0,
      });
      summaryText.textContent = tr.t('panel.summaryEligible', [s.eligible, amount], s.eligible);
    }
  };
  // What was read and said, kept so that a change of language words it again.
  const renderOutcome = (outcome: ReadOutcome) => {
    results.replaceChildren();
    const list = el(doc, 'ul');
    for (const line of outcome.lines) {
      const item = el(doc, 'li', {
        text: tr.t('panel.line', [
          lineSource(tr, line),
          line.rows,
          line.records,
          line.added,
          line.duplicates,
          line.skipped.length ? tr.t('panel.lineSkipped', [line.skipped.length]) : '',
        ]),
      });
      if (line.skipped.length) {
        const skipped = el(doc, 'ul');
        for (const s of line.skipped.slice(0, 20)) {
          skipped.append(
            el(doc, 'li', {
              text: `${s.row === null ? '' : tr.t('panel.row', [s.row])}${issueMessage(tr, s)}`,
            }),
          );
        }
        item.append(skipped);
      }
      list.append(item);
    }
    results.append(list);
    for (const notice of outcome.notices)
      results.append(el(doc, 'p', { text: issueMessage(tr, notice), className: 'notice' }));
    if (outcome.page === null && outcome.lines.length === 0) {
      // Not a page this adapter knows: offer a scrubbed sample that can become a test fixture.
      const save = el(doc, 'button', { text: tr.t('panel.saveSample') });
      save.type = 'button';
      const saved = el(doc, 'p', { text: tr.t('panel.sampleHint') });
      save.addEventListener('click', () => {
        saved.textContent = tr.t('panel.sampleSaved', [actions.saveSample()]);
      });
      results.append(save, saved);
    }
  };
  const renderTexts = () => {
    tab.textContent = tr.t('panel.open');
    tab.setAttribute('aria-label', tr.t('panel.openLabel'));
    box.setAttribute('aria-label', tr.t('panel.label'));
    title.textContent = tr.t('panel.title', [siteLabel]);
    moveButton.textContent = wrap.classList.contains('left') ? '→' : '←';
    moveButton.setAttribute('aria-label', tr.t('panel.move'));
    moveButton.title = tr.t('panel.move');
    closeButton.textContent = tr.t('panel.collapse');
    closeButton.setAttribute('aria-label', tr.t('panel.collapseLabel'));
    hint.textContent = tr.t('panel.hint');
    followText.textContent = tr.t('panel.follow');
    readButton.textContent = tr.t('panel.read');
    stopButton.textContent = tr.t('panel.stop');
    bar.setAttribute('aria-label', tr.t('panel.progressLabel'));
    summaryLink.textContent = tr.t('panel.openPopup');
    renderSummary();
    if (lastLinks.length > 0) renderReports(lastLinks);
    if (lastOutcome) renderOutcome(lastOutcome);
  };
  const expand = (open: boolean) => {
    box.hidden = !open;
    tab.setAttribute('aria-expanded', String(open));
  };
  const renderReports = (links: readonly ReportLink[]) => {
    reports.replaceChildren();
    if (links.length === 0) return;
    reports.append(el(doc, 'p', { text: tr.t('panel.offersReports', [links.length], links.length) }));
    const boxes = links.map((link) => {
      const label = el(doc, 'label');
      const check = el(doc, 'input');
      check.type = 'checkbox';
      check.value = link.url;
      label.append(check, ` ${link.label}`);
      reports.append(label, el(doc, 'br'));
      return check;
    });
    const go = el(doc, 'button', { text: tr.t('panel.importSelected') });
    go.type = 'button';
    go.addEventListener('click', () =>
      actions.importReports(boxes.filter((b) => b.checked).map((b) => b.value)),
    );
    reports.append(go);
  };

  renderTexts();
  tab.addEventListener('click', () => {
    expand(box.hidden);
    if (!box.hidden) readButton.focus();
  });
  closeButton.addEventListener('click', () => {
    expand(false);
    tab.focus();
  });
  moveButton.addEventListener('click', () => {
    wrap.classList.toggle('left');
    renderTexts();
  });
  box.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    expand(false);
    tab.focus();
  });
  readButton.addEventListener('click', () => actions.read(follow.checked));
  stopButton.addEventListener('click', () => actions.stop());
  summaryLink.addEventListener('click', () => actions.openPopup());
  (doc.body ?? doc.documentElement).append(host);

  return {
    host,
    root,
    busy(on) {
      readButton.disabled = on;
      stopButton.hidden = !on;
      bar.hidden = !on;
      // Reading (asked from the popup, too) shows its progress: the panel opens.
      if (on) {
        bar.removeAttribute('value');
        expand(true);
      }
    },
    progress(p) {
      status.textContent =
        p.downloading !== undefined
          ? tr.t('panel.downloading', [p.downloading])
          : p.total === null
            ? p.done === 0
              ? tr.t('panel.reading')
              : tr.t('panel.pagesRead', [p.done], p.done)
            : tr.t('panel.reportsRead', [p.done, p.total]);
      if (p.total) {
        bar.max = p.total;
        bar.value = p.done;
      }
    },
    offerReports(links) {
      lastLinks = links;
      renderReports(links);
      if (links.length > 0) status.textContent = tr.t('panel.pickReports');
    },
    show(outcome) {
      lastOutcome = outcome;
      renderOutcome(outcome);
      status.textContent = outcome.lines.length ? tr.t('panel.done') : status.textContent;
      if (outcome.lines.length > 0 || outcome.notices.length > 0) expand(true);
    },
    summary(summary) {
      lastSummary = summary;
      renderSummary();
    },
    setLanguage(language) {
      if (language === tr.language) return;
      tr = panelTranslator(language);
      renderTexts();
    },
    expand,
    remove() {
      host.remove();
    },
  };
}
