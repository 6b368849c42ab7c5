import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../sandbox/server.ts';
import { type Launched, launchWithExtension } from './browser.ts';
import { accessibleNames, accessibleNodes, pressControl, sellerHistory, send } from './seller.ts';

describe("the seller's interface in Chromium: popup, options, dashboard panel, two languages", () => {
  let browser: Launched;
  let sandbox: Sandbox;
  let ext: Page;
  const url = (page: string) => `chrome-extension://${browser.extensionId}/${page}`;

  beforeAll(async () => {
    sandbox = await startSandbox();
    browser = await launchWithExtension();
    ext = await browser.context.newPage();
    await ext.goto(url('options.html'));
    const history = sellerHistory();
    const added = await send<{ added: number }>(ext, 'importEntries', history);
    expect(added.added).toBe(history.entries.length);
  });

  afterAll(async () => {
    await browser?.close();
    await sandbox?.close();
  });

  async function openPopup(): Promise<Page> {
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 392, height: 600 });
    await popup.goto(url('popup.html'));
    // The popup renders once the background's first answer is in, which can be after the load event.
    await popup.getByRole('tab').first().waitFor();
    return popup;
  }

  it('popup: profile with the month-by-month chart, offers side by side, applications', async () => {
    const popup = await openPopup();
    const tabs = popup.getByRole('tablist', { name: 'Tradeline sections' }).getByRole('tab');
    expect(await tabs.allTextContents()).toEqual(['Profile', 'Offers', 'Applications']);
    const chart = popup.getByRole('img', { name: /Sales, refunds and payouts by month, USD/ });
    await chart.waitFor();
    expect(await chart.locator('g[data-month]').count()).toBe(12);
    // This month has no records yet: hatched as no data, not drawn as zero sales.
    const thisMonth = new Date().toISOString().slice(0, 7);
    expect(await chart.locator('g[data-covered="false"]').getAttribute('data-month')).toBe(thisMonth);
    expect(await popup.getByTestId('profile-ttm-sales').textContent()).toMatch(/^\$\d{3},\d{3}\.\d\d$/);
    expect(await popup.getByRole('heading', { name: 'How the score adds up' }).isVisible()).toBe(true);
    await popup.getByText('Show the figures').click();
    expect(await popup.getByTestId('monthly-table').getByRole('row').count()).toBe(13);

    await popup.getByRole('tab', { name: 'Offers' }).click();
    const heading = popup.getByRole('heading', { name: /^You prequalify for \d+ channels?$/ });
    await heading.waitFor();
    expect(await popup.getByRole('button', { name: 'Apply', exact: true }).isDisabled()).toBe(true);

    await popup.getByRole('tab', { name: 'Applications' }).click();
    await popup.getByText('No applications yet.', { exact: false }).waitFor();
    await popup.close();
  });

  it('options: the five sections; choosing 简体中文 switches the options page and the popup at once', async () => {
    const options = await browser.context.newPage();
    await options.goto(url('options.html'));
    await options.getByRole('heading', { name: 'Settings', level: 2 }).waitFor();
    await options.getByRole('heading', { name: 'Data retention and health', level: 2 }).waitFor();
    expect(await options.getByRole('heading', { level: 2 }).allTextContents()).toEqual([
      'Sources',
      'Channels',
      'Privacy and data',
      'Settings',
      'Data retention and health',
    ]);
    expect(await options.getByLabel('Language').inputValue()).toBe('auto');
    await options.getByLabel('Language').selectOption('zh_CN');
    await options.getByRole('heading', { name: '数据来源', level: 2 }).waitFor();
    await options.getByRole('heading', { name: '数据保留与健康', level: 2 }).waitFor();
    expect(await options.getByRole('heading', { level: 2 }).allTextContents()).toEqual([
      '数据来源',
      '融资渠道',
      '隐私与数据',
      '设置',
      '数据保留与健康',
    ]);
    expect(await options.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    // Row counts and dates are formatted for the language too.
    expect(await options.getByRole('cell', { name: 'orders_export.csv' }).isVisible()).toBe(true);

    const popup = await openPopup();
    expect(await popup.getByRole('tab').allTextContents()).toEqual(['信用画像', '融资报价', '申请进度']);
    await popup.getByRole('img', { name: /按月销售额、退款和回款（USD）/ }).waitFor();
    expect(await popup.getByTestId('profile-ttm-sales').textContent()).toMatch(/^US\$\d{3},\d{3}\.\d\d$/);
    await popup.getByRole('tab', { name: '融资报价' }).click();
    await popup.getByRole('heading', { name: /^您已通过 \d+ 个渠道的预审$/ }).waitFor();
    await popup.close();

    await options.getByLabel('语言').selectOption('auto');
    await options.getByRole('heading', { name: 'Sources', level: 2 }).waitFor();
    await options.close();
  });

  it('panel: a collapsed tab on the edge that opens from the keyboard, reads the page and says what the seller prequalifies for', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1200, height: 800 });
    await page.goto(`${sandbox.origin}/dashboard/orders`);
    await page.waitForSelector('[data-tradeline-panel]', { state: 'attached' });

    // Collapsed: only the launcher, a narrow tab on the right edge; the page's own controls stay uncovered.
    const LAUNCHER = /^Open Tradeline on demo dashboard/;
    const buttons = await accessibleNames(page, 'button');
    expect(buttons.filter((b) => LAUNCHER.test(b))).toHaveLength(1);
    expect(buttons).not.toContain('Read this page');
    const edgeOf = async (name: string | RegExp) => {
      const node = (await accessibleNodes(page)).find((n) =>
        typeof name === 'string' ? n.name === name : name.test(n.name),
      );
      const cdp = await page.context().newCDPSession(page);
      const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: node?.backendNodeId })) as {
        model: { border: number[]; width: number };
      };
      await cdp.detach();
      return { width: model.width, right: Math.max(...model.border.filter((_, i) => i % 2 === 0)) };
    };
    const launcher = await edgeOf(LAUNCHER);
    expect(launcher.width).toBeLessThan(40);
    expect(launcher.right).toBeCloseTo(1200, -1);

    await pressControl(page, 'button', LAUNCHER);
    await expect
      .poll(async () =>
        (await accessibleNames(page, 'StaticText')).find((s) => s.startsWith('Prequalified for')),
      )
      .toMatch(/^Prequalified for \d+ channels?, up to \$[\d,]+\.$/);

    await pressControl(page, 'button', 'Read this page');
    await expect.poll(async () => (await accessibleNames(page, 'StaticText')).includes('Done.')).toBe(true);
    expect((await accessibleNames(page, 'StaticText')).some((s) => /^Orders, page 1: \d+ rows/.test(s))).toBe(
      true,
    );

    // Hidden again, the panel folds back to a tab on the same edge.
    await pressControl(page, 'button', 'Hide the Tradeline panel');
    expect(await accessibleNames(page, 'button')).not.toContain('Read this page');
    const tab = await edgeOf('Open the Tradeline panel');
    expect(tab.width).toBeLessThan(40);
    expect(tab.right).toBeCloseTo(1200, -1);
    await pressControl(page, 'button', 'Open the Tradeline panel');

    // "See offers" opens the popup, or the options page where the browser will not open it.
    for (const other of browser.context.pages()) if (other !== page) await other.close();
    const openViews = () =>
      browser.worker.evaluate(async () =>
        (await chrome.runtime.getContexts({}))
          .map((c) => c.documentUrl ?? '')
          .filter((u) => /\.html/.test(u)),
      );
    expect(await openViews()).toEqual([]);
    await pressControl(page, 'button', 'See offers');
    await expect.poll(openViews).toEqual([expect.stringMatching(/\/(popup|options)\.html$/)]);
    await page.close();
  });
});
