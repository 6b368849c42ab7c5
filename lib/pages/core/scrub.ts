import { isCurrencyCode } from '../../money/currencies.ts';

/**
 * A scrubbed copy of a page Tradeline does not recognise, for the seller to send so the page can
 * become a test fixture: the structure, table headers, labels and the shape of every value stay;
 * what could identify anyone (names, emails, addresses, phone numbers, ids, amounts, free text)
 * becomes a placeholder of the same shape (`Jane Doe` → `Xxxx Xxx`, `+1 415-555-0100` → random
 * digits in the same places). Dates stay: they carry no identity and a fixture needs them.
 */

/** Elements dropped whole: code, styles, embedded documents and media (their URLs name people). */
const DROPPED =
  'script,style,link,iframe,frame,frameset,object,embed,noscript,template,canvas,video,audio,picture,img,svg,meta,base,[data-tradeline-panel]';

/** Attributes that describe structure (what selectors use). Everything else is removed. */
const KEPT_ATTRIBUTES = new Set([
  'id',
  'class',
  'role',
  'scope',
  'colspan',
  'rowspan',
  'headers',
  'type',
  'rel',
  'lang',
  'dir',
  'hidden',
  'disabled',
  'for',
  'name',
  'datetime',
  'aria-disabled',
  'aria-current',
  'aria-sort',
  'data-testid',
  'data-test-id',
  'data-test',
  'data-page',
  'data-currency',
]);

/** Attributes kept with their text scrubbed like page text. */
const SCRUBBED_ATTRIBUTES = new Set(['aria-label', 'data-value', 'title', 'placeholder']);

/** Elements whose text is a label the page shows to every seller: kept word for word. */
const LABELS = 'th,thead,caption,label,legend,button,option,nav';

/**
 * Words kept where they appear in text: the vocabulary of order, payout and statement pages
 * (statuses, types, pagination), months and weekdays. Anything else is treated as private.
 */
const KEPT_WORDS = new Set(
  `orders order payouts payout payments payment transactions transaction statements statement settlement
settlements deposits deposit date amount status paid unpaid pending scheduled in transit failed canceled
cancelled completed complete shipped unshipped delivered refund refunded refunds partially sale sales sold fee
fees charge charges adjustment adjustments total net gross tax taxes shipping next previous prev pagination
page of to from download report reports csv pdf txt view details type available processing succeeded
balance funds fund reserve hold held transfer transfers awaiting shipment dispatched dispatch closed open
all new returned return dispute disputes claim credit debit withdrawal withdrawn on by the and for per
jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july august
september october november december mon tue wed thu fri sat sun am pm utc
订单 订单号 交易成功 交易关闭 已完成 已付款 已发货 待发货 等待买家付款 等待发货 已关闭 已取消 退款 退款中 放款 已放款
结算 提现 金额 状态 日期 收入 支出 手续费 佣金 下一页 上一页 共 页 条`
    .split(/\s+/)
    .filter(Boolean),
);

/** A date or time as pages write them: kept as is. */
const DATE =
  /^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{1,2}:\d{2}(?::\d{2})?|\d{4}年\d{1,2}月\d{1,2}日)$/;

export type Random = () => number;

function randomDigit(random: Random, nonZero: boolean): string {
  const d = Math.floor(random() * (nonZero ? 9 : 10));
  return String(nonZero ? d + 1 : d);
}

function scrubWord(word: string): string {
  if (KEPT_WORDS.has(word.toLowerCase()) || (word.length === 3 && isCurrencyCode(word))) return word;
  let out = '';
  for (const ch of word) {
    if (/\p{Script=Han}/u.test(ch)) out += '某';
    else if (/\p{Lu}/u.test(ch)) out += 'X';
    else if (/\p{L}/u.test(ch)) out += 'x';
    else out += ch;
  }
  return out;
}

/** Dates written with a month name (`Mar 6, 2026`, `6 March 2026`): kept whole. */
const WORDED_DATE =
  /((?:\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4})|(?:\b\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{4}))\b/i;

/** Free text with every private part replaced by a placeholder of the same shape. */
export function scrubText(text: string, random: Random = Math.random): string {
  return text
    .split(WORDED_DATE)
    .map((part, i) => (i % 2 === 1 ? part : scrubPart(part, random)))
    .join('');
}

function scrubPart(text: string, random: Random): string {
  return text.replace(/[\p{L}\p{M}]+|[\d]+(?:[-/.:年月]\d+)*[日]?/gu, (token) => {
    if (DATE.test(token)) return token;
    if (/^\d/.test(token)) {
      let first = true;
      return token.replace(/\d/g, (d) => {
        const digit = randomDigit(random, first && d !== '0');
        first = false;
        return digit;
      });
    }
    return scrubWord(token);
  });
}

/** Path segments that name the seller's own store (`/store/<name>/`, `/shops/<name>/`). */
const STORE_SEGMENT = /^(store|stores|shop|shops)$/i;
/** Hosts whose first label is the seller's store (`<name>.myshopify.com`). */
const STORE_HOST = /^[^.]+(\.myshopify\.com)$/i;

/**
 * A URL kept for its shape: scheme, site and path words stay (the adapter recognises the page by
 * them); the store's own name, digits and query values are replaced. Non-web links become `#`.
 */
export function scrubUrl(href: string, base: string, random: Random = Math.random): string {
  let url: URL;
  try {
    url = new URL(href, base || undefined);
  } catch {
    return '#';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return '#';
  const host = url.host.replace(STORE_HOST, 'xxxx$1');
  const segments = url.pathname.split('/');
  const path = segments
    .map((segment, i) => {
      const store = i > 0 && STORE_SEGMENT.test(segments[i - 1] ?? '') && segment !== 'me';
      return store ? scrubWord(segment) : segment.replace(/\d/g, () => randomDigit(random, true));
    })
    .join('/');
  const query = [...url.searchParams.keys()]
    .map(
      (key) =>
        `${encodeURIComponent(key)}=${encodeURIComponent(scrubText(url.searchParams.get(key) ?? '', random))}`,
    )
    .join('&');
  return `${url.protocol}//${host}${path}${query ? `?${query}` : ''}`;
}

function scrubElement(element: Element, base: string, random: Random, inLabel: boolean): void {
  for (const attribute of [...element.attributes]) {
    const name = attribute.name.toLowerCase();
    if (name === 'href' && element.tagName === 'A')
      element.setAttribute('href', scrubUrl(attribute.value, base, random));
    else if (SCRUBBED_ATTRIBUTES.has(name)) element.setAttribute(name, scrubText(attribute.value, random));
    else if (!KEPT_ATTRIBUTES.has(name)) element.removeAttribute(attribute.name);
  }
  if (element.tagName === 'TEXTAREA') element.textContent = '';
  const label = inLabel || element.matches(LABELS);
  for (const child of [...element.childNodes]) {
    if (child.nodeType === 1) scrubElement(child as Element, base, random, label);
    else if (child.nodeType === 3) {
      if (!label) child.textContent = scrubText(child.textContent ?? '', random);
    } else child.remove(); // comments and processing instructions can hold anything
  }
}

/**
 * The page as scrubbed HTML, starting with the `<!-- url: … -->` line the fixtures use (`url`
 * should already be stripped of its query: see `provenanceUrl`).
 */
export function scrubPage(doc: Document, url: string, random: Random = Math.random): string {
  const root = doc.documentElement.cloneNode(true) as Element;
  for (const dropped of [...root.querySelectorAll(DROPPED)]) dropped.remove();
  scrubElement(root, url, random, false);
  return `<!-- url: ${scrubUrl(url, url, random)} -->\n<!doctype html>\n${root.outerHTML}\n`;
}

/** The sample's file name: site and the page's path words, e.g. `ebay-sh-ord.sample.html`. */
export function sampleFileName(site: string, url: string): string {
  const words = new URL(url).pathname
    .split('/')
    .filter((p) => /^[a-z-]+$/i.test(p))
    .slice(0, 4);
  return `${[site, ...words].join('-').toLowerCase()}.sample.html`;
}
