/**
 * A selector with ordered fallbacks: the first that matches wins. Sites redesign; the words and
 * roles they keep are tried before the classes they change. No positional (`nth-child`) selectors.
 */
export type Selector = readonly [string, ...string[]];

export interface Queryable {
  querySelector(selector: string): Element | null;
  querySelectorAll(selector: string): NodeListOf<Element>;
}

/** The first element matched by the first fallback that matches anything. */
export function queryFirst(root: Queryable, selector: Selector): Element | null {
  for (const css of selector) {
    const found = root.querySelector(css);
    if (found) return found;
  }
  return null;
}

/** Every element matched by the first fallback that matches anything. */
export function queryAll(root: Queryable, selector: Selector): Element[] {
  for (const css of selector) {
    const found = root.querySelectorAll(css);
    if (found.length > 0) return [...found];
  }
  return [];
}

/** Visible text of an element as a seller reads it: whitespace collapsed, trimmed. */
export function textOf(element: Element | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Links whose visible text (or aria-label) matches `words`, e.g. a "Next" link without a rel. */
export function linksByText(root: Queryable, words: RegExp): HTMLAnchorElement[] {
  return [...root.querySelectorAll('a[href]')].filter((a): a is HTMLAnchorElement =>
    words.test(textOf(a) || (a.getAttribute('aria-label') ?? '')),
  );
}
