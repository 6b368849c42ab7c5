import type { Progress, ReadOutcome } from './session.ts';
import { PAGE_TEXT } from './strings.ts';
import type { ReportLink } from './types.ts';

export interface PanelActions {
  /** The seller pressed "Read this page" (with "every page" ticked or not). */
  read(follow: boolean): void;
  /** The seller picked report files and pressed "Import selected". */
  importReports(urls: string[]): void;
  stop(): void;
  /** The seller pressed "Save a scrubbed page sample": downloads it, returns the file name. */
  saveSample(): string;
}

export interface Panel {
  host: HTMLElement;
  /** The closed shadow root, kept for tests (the page cannot reach it). */
  root: ShadowRoot;
  busy(on: boolean): void;
  progress(p: Progress): void;
  offerReports(links: readonly ReportLink[]): void;
  show(outcome: ReadOutcome): void;
  remove(): void;
}

const STYLE = `
:host{all:initial}
.box{position:fixed;right:16px;bottom:16px;z-index:2147483647;width:300px;max-height:60vh;overflow:auto;
 font:13px/1.4 system-ui,sans-serif;background:#fff;color:#111;border:1px solid #999;border-radius:8px;
 box-shadow:0 2px 12px #0003;padding:10px}
h2{font-size:13px;margin:0 0 6px}
button{font:inherit;margin:4px 4px 0 0}
progress{width:100%}
ul{padding-left:18px;margin:6px 0}
.notice{color:#8a4b00}
[hidden]{display:none}
`;

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
 * The minimal in-page panel: a closed shadow root (the page's scripts and styles cannot reach
 * it) with "Read this page", a progress bar, Stop, the reports the page offers and what was read.
 * Text only (textContent): nothing from the page is ever parsed as HTML here.
 */
export function mountPanel(doc: Document, siteLabel: string, actions: PanelActions): Panel {
  const host = el(doc, 'div');
  host.setAttribute('data-tradeline-panel', '');
  const root = host.attachShadow({ mode: 'closed' });
  const style = el(doc, 'style', { text: STYLE });
  const box = el(doc, 'section', { className: 'box' });
  box.setAttribute('aria-label', 'Tradeline');
  const title = el(doc, 'h2', { text: `Tradeline · ${siteLabel}` });
  const hint = el(doc, 'p', { text: 'Nothing is read until you ask. What is read stays in this browser.' });
  const followLabel = el(doc, 'label');
  const follow = el(doc, 'input');
  follow.type = 'checkbox';
  followLabel.append(follow, ' every page of this list');
  const readButton = el(doc, 'button', { text: 'Read this page' });
  const stopButton = el(doc, 'button', { text: 'Stop' });
  stopButton.hidden = true;
  const bar = el(doc, 'progress');
  bar.hidden = true;
  const status = el(doc, 'p');
  status.setAttribute('role', 'status');
  const reports = el(doc, 'div');
  const results = el(doc, 'div');
  box.append(title, hint, followLabel, readButton, stopButton, bar, status, reports, results);
  root.append(style, box);
  readButton.addEventListener('click', () => actions.read(follow.checked));
  stopButton.addEventListener('click', () => actions.stop());
  (doc.body ?? doc.documentElement).append(host);

  return {
    host,
    root,
    busy(on) {
      readButton.disabled = on;
      stopButton.hidden = !on;
      bar.hidden = !on;
      if (on) bar.removeAttribute('value');
    },
    progress(p) {
      status.textContent = p.message;
      if (p.total) {
        bar.max = p.total;
        bar.value = p.done;
      }
    },
    offerReports(links) {
      reports.replaceChildren();
      if (links.length === 0) return;
      reports.append(
        el(doc, 'p', { text: `This page offers ${links.length} reports. Pick the ones to import:` }),
      );
      const boxes = links.map((link) => {
        const label = el(doc, 'label');
        const check = el(doc, 'input');
        check.type = 'checkbox';
        check.value = link.url;
        label.append(check, ` ${link.label}`);
        reports.append(label, el(doc, 'br'));
        return check;
      });
      const go = el(doc, 'button', { text: 'Import selected' });
      go.addEventListener('click', () =>
        actions.importReports(boxes.filter((b) => b.checked).map((b) => b.value)),
      );
      reports.append(go);
    },
    show(outcome) {
      results.replaceChildren();
      const list = el(doc, 'ul');
      for (const line of outcome.lines) {
        const item = el(doc, 'li', {
          text: `${line.source}: ${line.rows} rows, ${line.records} records (${line.added} new, ${line.duplicates} already known)${line.skipped.length ? `, ${line.skipped.length} skipped` : ''}.`,
        });
        if (line.skipped.length) {
          const skipped = el(doc, 'ul');
          for (const s of line.skipped.slice(0, 20)) {
            skipped.append(el(doc, 'li', { text: `${s.row === null ? '' : `Row ${s.row}: `}${s.message}` }));
          }
          item.append(skipped);
        }
        list.append(item);
      }
      results.append(list);
      for (const notice of outcome.notices)
        results.append(el(doc, 'p', { text: notice, className: 'notice' }));
      if (outcome.page === null && outcome.lines.length === 0) {
        // Not a page this adapter knows: offer a scrubbed sample that can become a test fixture.
        const save = el(doc, 'button', { text: PAGE_TEXT.saveSample });
        const saved = el(doc, 'p', { text: PAGE_TEXT.sampleHint });
        save.addEventListener('click', () => {
          saved.textContent = PAGE_TEXT.sampleSaved(actions.saveSample());
        });
        results.append(save, saved);
      }
      status.textContent = outcome.lines.length ? 'Done.' : status.textContent;
    },
    remove() {
      host.remove();
    },
  };
}
