import { render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { BUNDLED_CATALOG } from '../../lib/channels/catalog/bundled.ts';
import type { Settings } from '../../lib/domain/records.ts';
import type { Overview } from '../../lib/messaging/protocol.ts';
import { FORMATS } from '../../lib/sources/registry.ts';
import { createInProcessWorker } from './import-session.ts';
import { Options, type OptionsProps } from './Options.tsx';
import { setOptionsLanguage } from './strings.ts';

const overviewWith = (settings: Settings): Overview => ({
  imports: 0,
  records: 0,
  orders: 0,
  firstMonth: null,
  lastMonth: null,
  platforms: [],
  months: [],
  settings,
});

function setup(extra: Partial<OptionsProps> = {}) {
  let settings: Settings = { reportingCurrency: 'USD', language: 'en', business: { legalName: 'Northwind' } };
  const props: OptionsProps = {
    loadOverview: vi.fn(async () => overviewWith(settings)),
    loadImports: vi.fn(async () => []),
    saveSettings: vi.fn(async (s: Settings) => {
      settings = s;
      return s;
    }),
    formats: FORMATS.map(({ id, label }) => ({ id, label })),
    createImportWorker: () => createInProcessWorker({ formats: FORMATS, store: vi.fn() }),
    removeImport: vi.fn(),
    loadChannels: vi.fn(async () => BUNDLED_CATALOG.channels),
    addCatalog: vi.fn(),
    loadApplications: vi.fn(async () => []),
    revokeConsent: vi.fn(),
    exportPage: vi.fn(),
    download: vi.fn(),
    deleteAll: vi.fn(async () => {
      settings = { reportingCurrency: 'USD', language: 'en' };
      return { cleared: ['settings'] };
    }),
  };
  Object.assign(props, extra);
  const view = render(<Options {...props} />);
  return Object.assign(props, { rerender: () => view.rerender(<Options key="again" {...props} />) });
}

describe('Options', () => {
  it('shows the settings at once and the business form only after the sources list', async () => {
    let answerImports: (imports: []) => void = () => {};
    setup({ loadImports: () => new Promise((resolve) => (answerImports = resolve)) });
    expect(await screen.findByLabelText('Reporting currency')).toBeTruthy();
    // Its check (zod) waits for the page's first data, the sources list (first test of the file:
    // nothing loaded the check before).
    await new Promise((wait) => setTimeout(wait, 50));
    expect(screen.queryByLabelText('Legal name')).toBeNull();
    answerImports([]);
    expect(await screen.findByText('Nothing imported yet.')).toBeTruthy();
    expect(((await screen.findByLabelText('Legal name')) as HTMLInputElement).value).toBe('Northwind');
  });

  it('has the four sections: sources, channels, privacy and data, settings', async () => {
    setup();
    expect((await screen.findAllByRole('heading', { level: 2 })).map((h) => h.textContent)).toEqual([
      'Sources',
      'Channels',
      'Privacy and data',
      'Settings',
    ]);
    expect(await screen.findByText('Nothing imported yet.')).toBeTruthy();
    expect(await screen.findByLabelText('Reporting currency')).toBeTruthy();
  });

  it('after deleting everything, lists and forms start again from what is stored', async () => {
    const props = setup();
    expect(((await screen.findByLabelText('Legal name')) as HTMLInputElement).value).toBe('Northwind');
    await userEvent.click(screen.getByRole('button', { name: 'Delete everything…' }));
    await userEvent.type(screen.getByLabelText('Type delete to confirm'), 'delete');
    await userEvent.click(screen.getByRole('button', { name: 'Delete everything now' }));
    await screen.findByText('Everything was deleted. Tradeline is as new.');
    await vi.waitFor(() => expect((screen.getByLabelText('Legal name') as HTMLInputElement).value).toBe(''));
    expect(props.loadImports).toHaveBeenCalledTimes(2);
    expect(props.loadChannels).toHaveBeenCalledTimes(2);
    expect(props.loadApplications).toHaveBeenCalledTimes(2);
  });

  it('switches to 简体中文 once the seller saves it: the page is told, and its texts change', async () => {
    const onLanguageChange = vi.fn((language: string) =>
      setOptionsLanguage(language === 'zh_CN' ? 'zh_CN' : 'en'),
    );
    const props = setup({ onLanguageChange });
    try {
      await userEvent.selectOptions(await screen.findByLabelText('Language'), 'zh_CN');
      await vi.waitFor(() => expect(onLanguageChange).toHaveBeenCalledWith('zh_CN'));
      props.rerender();
      expect((await screen.findAllByRole('heading', { level: 2 })).map((h) => h.textContent)).toEqual([
        '数据来源',
        '融资渠道',
        '隐私与数据',
        '设置',
      ]);
      expect(await screen.findByText('还没有导入任何内容。')).toBeTruthy();
    } finally {
      setOptionsLanguage('en');
    }
  });
});
