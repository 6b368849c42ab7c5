import { describe, expect, it, vi } from 'vitest';
import { mountPanel, type PanelActions } from './panel.ts';

function setup(language?: 'en' | 'zh_CN') {
  document.body.replaceChildren();
  const actions: PanelActions = {
    read: vi.fn(),
    importReports: vi.fn(),
    stop: vi.fn(),
    openPopup: vi.fn(),
    saveSample: vi.fn(() => 'sample.html'),
  };
  const panel = mountPanel(document, 'Demo dashboard', actions, language ? { language } : {});
  const $ = <T extends Element>(selector: string) => panel.root.querySelector(selector) as T;
  const button = (text: string) =>
    [...panel.root.querySelectorAll('button')].find((b) => b.textContent === text) as HTMLButtonElement;
  return { panel, actions, $, button };
}

describe('dashboard panel', () => {
  it('starts collapsed to a tab on the edge, opens and closes from the keyboard', () => {
    const { $, button } = setup();
    const tab = $<HTMLButtonElement>('.tab');
    const box = $<HTMLElement>('.box');
    expect(tab.getAttribute('aria-label')).toBe('Open the Tradeline panel');
    expect(tab.getAttribute('aria-expanded')).toBe('false');
    expect(box.hidden).toBe(true);
    tab.click();
    expect(box.hidden).toBe(false);
    expect(tab.getAttribute('aria-expanded')).toBe('true');
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(box.hidden).toBe(true);
    tab.click();
    button('Hide').click();
    expect(box.hidden).toBe(true);
  });

  it('moves to the other edge when asked', () => {
    const { $, button } = setup();
    expect($('.wrap').classList.contains('left')).toBe(false);
    button('←').click();
    expect($('.wrap').classList.contains('left')).toBe(true);
    expect($('button[aria-label="Move to the other side"]').textContent).toBe('→');
  });

  it('reads the page, shows progress and what was read, and opens itself to show it', () => {
    const { panel, actions, $, button } = setup();
    button('Read this page').click();
    expect(actions.read).toHaveBeenCalledWith(false);
    panel.busy(true);
    expect($<HTMLElement>('.box').hidden).toBe(false);
    expect($<HTMLProgressElement>('progress').hidden).toBe(false);
    panel.progress({ done: 2, total: null });
    expect($('[role="status"]').textContent).toBe('Read 2 pages.');
    panel.show({
      page: null,
      lines: [
        {
          source: 'Orders, page 1',
          label: 'Orders',
          page: 1,
          rows: 25,
          records: 25,
          added: 20,
          duplicates: 5,
          skipped: [],
        },
      ],
      notices: [],
      stopped: false,
    } as never);
    panel.busy(false);
    expect($('ul').textContent).toBe('Orders, page 1: 25 rows, 25 records (20 new, 5 already known).');
    expect($('[role="status"]').textContent).toBe('Done.');
  });

  it('says how much the seller prequalifies for, in one line that opens the popup', () => {
    const { panel, actions, $, button } = setup();
    expect($('[data-testid="panel-summary"]').textContent).toBe('Checking your offers…');
    panel.summary({
      state: 'ready',
      hasHistory: true,
      checked: 6,
      eligible: 2,
      best: { amount: 45000, currency: 'USD' },
    });
    expect($('[data-testid="panel-summary"]').textContent).toBe(
      'Prequalified for 2 channels, up to $45,000.',
    );
    button('See offers').click();
    expect(actions.openPopup).toHaveBeenCalledOnce();
    panel.summary({ state: 'ready', hasHistory: false, checked: 6, eligible: 0, best: null });
    expect($('[data-testid="panel-summary"]').textContent).toContain('No sales history yet');
    panel.summary({ state: 'error', message: 'Tradeline did not answer.' });
    expect($('[data-testid="panel-summary"]').textContent).toBe(
      'Offers unavailable: Tradeline did not answer.',
    );
  });

  it('switches to Simplified Chinese when that is the seller’s language', () => {
    const { panel, $, button } = setup();
    panel.summary({
      state: 'ready',
      hasHistory: true,
      checked: 6,
      eligible: 1,
      best: { amount: 300000, currency: 'CNY' },
    });
    panel.setLanguage('zh_CN');
    expect(button('读取此页')).toBeTruthy();
    expect($('.tab').getAttribute('aria-label')).toBe('打开 Tradeline 面板');
    expect($('[data-testid="panel-summary"]').textContent).toBe('已通过 1 个渠道的预审，最高 ¥300,000。');
  });
});
