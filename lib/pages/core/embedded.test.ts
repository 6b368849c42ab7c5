import { describe, expect, it } from 'vitest';
import { assignedJson, embeddedJson, MAX_EMBEDDED_CHARS, rowsOf } from './embedded.ts';

const page = (body: string) =>
  new DOMParser().parseFromString(`<html><body>${body}</body></html>`, 'text/html');

describe('assignedJson', () => {
  it('finds the object assigned to a name, skipping brackets inside strings', () => {
    const script = `var x = 1; window.__INITIAL_STATE__ = {"orders":[{"id":"1","note":"a } ] { tricky \\" quote"}]}; init();`;
    expect(JSON.parse(assignedJson(script, 'window.__INITIAL_STATE__') ?? '')).toEqual({
      orders: [{ id: '1', note: 'a } ] { tricky " quote' }],
    });
  });

  it('reads JSON.parse("…") assignments and object properties', () => {
    expect(assignedJson(`window.runParams = JSON.parse("{\\"a\\":[1,2]}");`, 'runParams')).toBe(
      '{"a":[1,2]}',
    );
    expect(assignedJson(`init({"data": {"b": 2}})`, 'data')).toBe('{"b": 2}');
  });

  it('skips mentions that are not the assignment', () => {
    const script = 'if (window.__STATE__ === undefined) { boot(); } window.__STATE__ = {"ok":true};';
    expect(assignedJson(script, 'window.__STATE__')).toBe('{"ok":true}');
  });

  it('gives nothing for an unbalanced, absent or too deep value', () => {
    expect(assignedJson('window.__STATE__ = {"a": [1, 2}', 'window.__STATE__')).toBeUndefined();
    expect(assignedJson('window.other = {}', 'window.__STATE__')).toBeUndefined();
    expect(assignedJson(`s = ${'['.repeat(100)}${']'.repeat(100)}`, 's')).toBeUndefined();
  });
});

describe('embeddedJson', () => {
  it('prefers the first source that holds JSON, and never runs the page script', () => {
    const doc =
      page(`<script>window.__INITIAL_STATE__ = {"from":"assignment"}; document.title = "ran";</script>
      <script type="application/json" id="state">{"from":"json"}</script>`);
    expect(
      embeddedJson(doc, [
        { kind: 'json', script: ['script#missing', 'script#state'] },
        { kind: 'assignment', name: 'window.__INITIAL_STATE__' },
      ]),
    ).toEqual({ from: 'json' });
    expect(embeddedJson(doc, [{ kind: 'assignment', name: 'window.__INITIAL_STATE__' }])).toEqual({
      from: 'assignment',
    });
    expect(doc.title).not.toBe('ran');
  });

  it('ignores broken JSON and scripts over the size cap', () => {
    const big = `{"a":"${'x'.repeat(MAX_EMBEDDED_CHARS)}"}`;
    const doc = page(
      `<script type="application/json" id="a">{broken</script><script type="application/json" id="b">${big}</script>`,
    );
    expect(
      embeddedJson(doc, [{ kind: 'json', script: ['script[type="application/json"]'] }]),
    ).toBeUndefined();
  });
});

describe('rowsOf', () => {
  it('turns records into cells under the given header words', () => {
    expect(
      rowsOf(
        [{ id: 'A1', cents: 1250 }],
        [
          ['Order ID', (r) => r.id],
          ['Amount', (r) => r.cents / 100],
        ],
      ),
    ).toEqual({
      header: ['Order ID', 'Amount'],
      rows: [['A1', '12.5']],
    });
  });
});
