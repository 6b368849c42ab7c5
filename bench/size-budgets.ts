/**
 * Size budgets of the production build (.output/chrome-mv3), gzip level 9, checked by
 * test/e2e/bundle-size.e2e.test.ts after every build in `npm test`. Every JavaScript and CSS file
 * of the build must match exactly one budget; raise one only with a reason a reviewer accepts.
 */
export interface SizeBudget {
  /** Matches a path under .output/chrome-mv3 (content hashes vary). */
  file: RegExp;
  /** Most gzip bytes allowed, per matching file. */
  maxGzipBytes: number;
  why: string;
}

const kB = 1000;

export const SIZE_BUDGETS: readonly SizeBudget[] = [
  {
    file: /^content-scripts\/[a-z]+\.js$/,
    maxGzipBytes: 4 * kB,
    why: 'Loaded into every dashboard page the seller opens, before they ask for anything (issue 10 caps it at 20 kB): only the launcher, which loads its site’s reader when asked. 5.2 kB each until the launchers dropped webextension-polyfill (10 kB of their 16 kB of JavaScript), then 2.6–2.8 kB, 1.8–2.0 kB since they also dropped WXT’s content-script context (November 2026); compiled and run on every page load, so the budget follows it down. Issue 8 then gave it its English and Chinese texts (`launcher.*` only, about 0.5 kB): 2.4–2.5 kB, then 2.1–2.2 kB once it dropped WXT’s entry wrapper and the shared translator (issue 10, third round).',
  },
  {
    file: /^[a-z]+-reader\.js$/,
    maxGzipBytes: 34 * kB,
    why: 'A site’s panel and page readers, loaded into the dashboard only when the seller asks to read it. 15–24 kB in November 2026; issue 8 adds the issue catalogue (English templates) and the Chinese `issue.*` texts so skipped rows and reading notices follow the seller’s language (+4.5 kB: 18–26.6 kB before, 22.7–31.1 kB after).',
  },
  {
    file: /^background\.js$/,
    maxGzipBytes: 90 * kB,
    why: 'The service worker (router, zod protocol, storage, channels, outbox) starts on each message or alarm; its parse time is paid on every wake-up. 77 kB in November 2026.',
  },
  {
    file: /^chunks\/base-[\w-]+\.js$/,
    maxGzipBytes: 37 * kB,
    why: 'The UI library shared by the popup and the options page, and the English and Chinese message tables of both pages (about 17 kB: the seller picks the language, so both ship); the popup must paint in under 150 ms. 101 kB in November 2026, 116 kB with the tables; 118.6 kB before issue 8, 124.9 kB after it added the `issue.*` texts (every parser issue in both languages) and the consent sheet’s field and value texts. 94.7 kB once zod left it (issue 10, third round). 35.0 kB since the pages run on Preact through `preact/compat` instead of React and React DOM (issue 10, fourth round: React DOM was 207 kB of the chunk’s 309 kB minified, and most of its evaluation before the first paint), so the budget follows it down from 100 kB. 33.0 kB once the pages use the browser’s own APIs instead of webextension-polyfill (issue 10, fifth round: its import copied every property of `chrome` before the first render), so the budget follows it down from 40 kB.',
  },
  {
    file: /^chunks\/business-check-[\w-]+\.js$/,
    maxGzipBytes: 32 * kB,
    why: 'The options page’s business details check: zod and the application schemas, loaded once the page is idle after its first data (issue 10). 28.7 kB in November 2026.',
  },
  {
    file: /^chunks\/currencies-[\w-]+\.js$/,
    maxGzipBytes: 1 * kB,
    why: 'The currency exponents, shared by the pages’ money formatting and the business details check (so Rollup gives them their own chunk). 0.3 kB in November 2026.',
  },
  {
    file: /^chunks\/popup-[\w-]+\.js$/,
    maxGzipBytes: 15 * kB,
    why: 'The popup’s own code, parsed on every open (its first requests are sent by popup-early.js). 10 kB in November 2026, 12.9 kB since the split, 12.8 kB as one module entry again (issue 10, fifth round).',
  },
  {
    file: /^chunks\/options-[\w-]+\.js$/,
    maxGzipBytes: 45 * kB,
    why: 'The options page’s own code (sources, channels, privacy, settings; its first requests are sent by options-early.js). 36 kB in November 2026, 40.8 kB in the fifth round of issue 10.',
  },
  {
    file: /^assets\/import-worker-[\w-]+\.js$/,
    maxGzipBytes: 104 * kB,
    why: 'Loaded in a worker only when a file is picked: every report format’s reader (29 kB), and since the worker stores the records itself, idb, the storage and the profile computation (61 kB); since issue 11 the storage validates what it reads back (damaged values are quarantined), which brings zod and the record schemas (89 kB in all in November 2026); 95.7 kB once issue 8’s issue catalogue, issue 10’s key strings and issue 11’s import states met on main (30 November 2026); 100.2 kB with issue 10’s chunks stored as columns (chunk-columns.ts, 1.5 kB; eighth round).',
  },
  {
    file: /^(popup|options)-early\.js$/,
    maxGzipBytes: 1 * kB,
    why: 'What the popup and the options page run first, a classic script without imports: their first requests to the background, sent through the native runtime API before the page’s modules are fetched and run (issue 10). 0.8 kB in November 2026. It replaces three budgeted chunks the entry module had to fetch before it could send them (early-requests 0.7 kB, Vite’s preload helper 0.9 kB, WXT’s HTML-plugin chunk with Vite’s modulepreload polyfill 0.4 kB; issue 10, fifth round).',
  },
  {
    file: /^chunks\/privacy-[\w-]+\.js$/,
    maxGzipBytes: 1 * kB,
    why: 'The privacy policy page only picks the language version (the text is static HTML). 0.3 kB in November 2026.',
  },
  {
    file: /^assets\/base-[\w-]+\.css$/,
    maxGzipBytes: 4 * kB,
    why: 'One stylesheet for the popup and the options page. 2 kB in November 2026.',
  },
];

/** The whole build's JavaScript and CSS, gzip: what a seller downloads with the extension. */
export const TOTAL_BUDGET = {
  maxGzipBytes: 670 * kB,
  why: 'What a seller installs: 623 kB in November 2026 (553 kB before the English and Chinese message tables, the privacy policy page and storage validation in the import worker), of which eleven sites’ readers (each loaded only on its own dashboard, when asked) are 207 kB. 706 kB since issue 8 translated every parser issue and reading notice: each of the eleven readers carries the issue catalogue and its Chinese texts (+4.5 kB each, loaded only when asked), the pages both languages’ issue and consent texts (+6 kB). 616 kB once the pages run on Preact instead of React and React DOM (issue 10, fourth round: 676 kB just before), so the budget follows it down from 720 kB.',
};
