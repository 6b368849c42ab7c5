import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ISSUE, THEN } from '../lib/import/issue-texts.ts';
import { mountPanel } from '../lib/pages/core/panel.ts';
import { FORMATS } from '../lib/sources/registry.ts';
import { englishWords } from '../test/english-words.ts';
import { ImportPanel } from './options/ImportPanel.tsx';
import { createInProcessWorker } from './options/import-session.ts';
import { setOptionsLanguage } from './options/strings.ts';
import { ConsentSheet } from './popup/ConsentSheet.tsx';
import { setPopupLanguage, strings } from './popup/strings.ts';
import { BANK, COMPLETE_BUSINESS, previews } from './popup/test-fixtures.ts';

/**
 * Every text a seller reads, rendered in Simplified Chinese over the states that show texts
 * worded by lib/ (issues, reading notices, consent sheet, refused permission): no English
 * sentence may be left (see test/english-words.ts for what counts).
 */
const FORMAT_NAMES = FORMATS.map((f) => f.label);

/** Every text node and accessible label under `root`, one per line. */
function texts(root: Element | ShadowRoot): string[] {
  const out: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === 3 && node.textContent?.trim()) out.push(node.textContent.trim());
    if (node instanceof Element) {
      for (const attribute of ['aria-label', 'title', 'placeholder']) {
        const value = node.getAttribute(attribute);
        if (value) out.push(value);
      }
      if (node.tagName === 'STYLE') return;
    }
    for (const child of node.childNodes) walk(child);
  };
  walk(root);
  return out;
}

function expectChinese(root: Element | ShadowRoot, names: readonly string[] = []) {
  const english = texts(root)
    .map((text) => [text, englishWords(text, [...FORMAT_NAMES, ...names])] as const)
    .filter(([, words]) => words.length > 0);
  expect(english).toEqual([]);
}

afterEach(() => {
  setOptionsLanguage('en');
  setPopupLanguage('en');
  document.body.replaceChildren();
});

describe('Simplified Chinese, everywhere a seller reads', () => {
  it('the heuristic finds an English sentence (so the checks below can fail)', () => {
    expect(englishWords('已跳过该行。The row was skipped.')).toEqual(['The', 'row', 'was', 'skipped']);
    expect(englishWords('“abc”不是金额；USD、CSV、Shopify')).toEqual([]);
  });

  it('options: a file’s preview with its issues', async () => {
    setOptionsLanguage('zh_CN');
    const store = vi.fn(async () => ({ importId: 'x', added: 0, duplicates: 0, months: [] }));
    const { container } = render(
      <ImportPanel
        createWorker={() => createInProcessWorker({ formats: FORMATS, chunkBytes: 1 << 16, store })}
        onImported={() => {}}
      />,
    );
    const orders = readFileSync(resolve('components/options/fixtures/orders_export.csv'));
    fireEvent.drop(screen.getByTestId('dropzone'), {
      dataTransfer: { files: [new File([new Uint8Array(orders)], 'orders_export.csv')] },
    });
    const issues = await screen.findByTestId('preview-issues');
    expect(within(issues).getAllByRole('row')[1]?.textContent).toBe(
      '4Total“abc”不是金额；已跳过订单 #1003。',
    );
    // The column names are the file's own (its header line).
    expectChinese(container, orders.toString('utf8').split('\n')[0]?.split(',') ?? []);
  });

  it('popup: a consent sheet with every field, and the refused permission', () => {
    setPopupLanguage('zh_CN');
    const [preview] = previews({ channelIds: [BANK.id], purpose: '备货' }, COMPLETE_BUSINESS);
    if (!preview) throw new Error('no preview');
    const { container } = render(<ConsentSheet preview={preview} />);
    expect(screen.getByText(`向 ${BANK.name}（${BANK.provider}）申请融资：备货`)).toBeTruthy();
    // The names of the lender and the seller's own details are theirs, not Tradeline's words.
    expectChinese(container, [BANK.name, BANK.provider, ...Object.values(COMPLETE_BUSINESS).map(String)]);
    expect(strings.consent.permissionRefused(['https://lender.example'])).toBe(
      'Tradeline 需要您允许它联系 https://lender.example 才能发送申请。未发送任何内容。',
    );
  });

  it('dashboard panel: what was read, skipped rows, every reading notice and the download progress', () => {
    const panel = mountPanel(
      document,
      '速卖通',
      {
        read: () => {},
        importReports: () => {},
        stop: () => {},
        openPopup: () => {},
        saveSample: () => 'x.html',
      },
      { language: 'zh_CN' },
    );
    panel.progress({ done: 0, total: 2, downloading: '2026年3月报表' });
    panel.show({
      page: null,
      lines: [
        {
          source: 'Orders, page 2 (from the data the page holds for its own scripts)',
          label: '订单',
          page: 2,
          embedded: true,
          format: 'aliexpress-orders',
          rows: 3,
          records: 2,
          added: 2,
          duplicates: 0,
          skipped: [
            { row: 3, column: '金额', ...ISSUE.notAnAmountWithCurrency('--', THEN.orderSkipped('8001')) },
          ],
        },
      ],
      notices: [
        ISSUE.pageNotRecognised('速卖通', '订单, 资金明细'),
        ISSUE.pageListsReports('资金明细'),
        ISSUE.pageNoTable('订单'),
        ISSUE.pageLimit(50),
        ISSUE.pageLoadFailed(3, 'the site answered 500'),
        ISSUE.reportsGone(),
        ISSUE.downloadFailed('2026年3月报表', 'the site answered 404'),
        ISSUE.pickReports(2),
        ISSUE.noReports(),
        ISSUE.readingStopped(),
        ISSUE.alreadyReading(),
        ISSUE.notAReport('资金明细.csv', FORMAT_NAMES.join('; ')),
      ],
      stopped: true,
    });
    // Errors the site or the browser answered are theirs; everything around them is Chinese.
    expectChinese(panel.root, ['the site answered']);
    expect(panel.root.querySelector('ul li')?.textContent).toContain(
      '订单，第 2 页（取自页面为自身脚本保存的数据）',
    );
  });
});
