import { queryAll, type Selector } from './selectors.ts';

/**
 * Data a page embeds for its own scripts: a JSON script element (`<script type="application/json">`,
 * Next.js' `__NEXT_DATA__`) or a state object assigned in an inline script
 * (`window.__INITIAL_STATE__ = {…}`). Read as text and parsed as JSON only (never evaluated),
 * size-capped; the caller validates the shape with zod before using anything from it.
 */
export type EmbeddedSource =
  | { kind: 'json'; script: Selector }
  | { kind: 'assignment'; name: string; script?: Selector };

/** A page's scripts larger than this are not read (a state blob of a few hundred rows is far smaller). */
export const MAX_EMBEDDED_CHARS = 4_000_000;
/** Nesting deeper than this is not a page's list data. */
const MAX_DEPTH = 64;

/**
 * The JSON text of the object or array assigned to `name` in a script (`name = {…}` or
 * `"name": {…}`), found by bracket matching that skips strings; undefined when absent or unbalanced.
 */
export function assignedJson(script: string, name: string): string | undefined {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Every mention is tried: the first may be a test (`if (window.__STATE__ === undefined)`).
  for (const found of script.matchAll(new RegExp(`${escaped}["']?\\s*[=:]\\s*(?:JSON\\.parse\\()?`, 'g'))) {
    const json = valueAt(script, found.index + found[0].length);
    if (json !== undefined) return json;
  }
  return undefined;
}

/** The JSON object, array or JSON.parse string argument starting at `at`. */
function valueAt(script: string, start: number): string | undefined {
  let at = start;
  // `JSON.parse("{…}")`: the argument is a string literal holding the JSON.
  if (script[at] === '"' || script[at] === "'") {
    const literal = stringLiteral(script, at);
    if (literal === undefined) return undefined;
    try {
      return JSON.parse(literal.replace(/^'|'$/g, '"')) as string;
    } catch {
      return undefined;
    }
  }
  if (script[at] !== '{' && script[at] !== '[') return undefined;
  let depth = 0;
  for (; at < script.length; at += 1) {
    const ch = script[at];
    if (ch === '"' || ch === "'") {
      const literal = stringLiteral(script, at);
      if (literal === undefined) return undefined;
      at += literal.length - 1;
    } else if (ch === '{' || ch === '[') {
      depth += 1;
      if (depth > MAX_DEPTH) return undefined;
    } else if (ch === '}' || ch === ']') {
      depth -= 1;
      if (depth === 0) return script.slice(start, at + 1);
    }
  }
  return undefined;
}

/** The string literal starting at `at` (quotes included), honouring backslash escapes. */
function stringLiteral(text: string, at: number): string | undefined {
  const quote = text[at];
  for (let i = at + 1; i < text.length; i += 1) {
    if (text[i] === '\\') i += 1;
    else if (text[i] === quote) return text.slice(at, i + 1);
  }
  return undefined;
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The first embedded value the sources find on the page (unvalidated: pass it through a schema). */
export function embeddedJson(doc: Document, sources: readonly EmbeddedSource[]): unknown {
  for (const source of sources) {
    const scripts =
      source.kind === 'json'
        ? queryAll(doc, source.script)
        : source.script
          ? queryAll(doc, source.script)
          : [...doc.querySelectorAll('script:not([src])')];
    for (const script of scripts) {
      const text = script.textContent ?? '';
      if (text.length === 0 || text.length > MAX_EMBEDDED_CHARS) continue;
      const json = source.kind === 'json' ? text : assignedJson(text, source.name);
      const value = json === undefined ? undefined : parse(json);
      if (value !== undefined && value !== null) return value;
    }
  }
  return undefined;
}

/** Rows built from embedded data, under the header words of the page's report format. */
export interface EmbeddedRows {
  header: string[];
  rows: string[][];
}

/** At most this many rows are taken from one page's embedded data. */
export const MAX_EMBEDDED_ROWS = 10_000;

/**
 * Rows of `records` (validated objects) as cells: one `[header word, function]` per column turns a
 * record into the text the page would show, so the same header dictionary and row reader apply.
 */
export function rowsOf<T>(
  records: readonly T[],
  columns: readonly (readonly [string, (record: T) => string | number | null | undefined])[],
): EmbeddedRows {
  const header = columns.map(([name]) => name);
  const cells = columns.map(([, cell]) => cell);
  const rows = records
    .slice(0, MAX_EMBEDDED_ROWS)
    .map((record) => cells.map((cell) => String(cell(record) ?? '')));
  return { header, rows };
}
