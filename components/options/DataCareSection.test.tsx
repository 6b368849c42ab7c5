import { render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Settings } from '../../lib/domain/records.ts';
import { DataCareSection, type Quarantined } from './DataCareSection.tsx';

const SETTINGS: Settings = { reportingCurrency: 'GBP', language: 'en' };

function setup(quarantined: Quarantined[] = []) {
  const onSave = vi.fn(async (_: Settings) => {});
  render(
    <DataCareSection
      settings={SETTINGS}
      onSave={onSave}
      quarantine={{ state: 'ready', value: quarantined }}
    />,
  );
  return onSave;
}

describe('DataCareSection', () => {
  it('saves the retention the seller picks, keeping the other settings', async () => {
    const onSave = setup();
    await userEvent.selectOptions(screen.getByLabelText('Keep imported records for'), '24 months');
    await userEvent.selectOptions(
      screen.getByLabelText('Delete everything after'),
      '90 days without opening Tradeline',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Save retention' }));
    expect(onSave).toHaveBeenLastCalledWith({
      reportingCurrency: 'GBP',
      language: 'en',
      retention: { keepMonths: 24, deleteAfterIdleDays: 90 },
    });
    expect(await screen.findByText('Saved.')).toBeTruthy();
    await userEvent.selectOptions(
      screen.getByLabelText('Keep imported records for'),
      'as long as I keep them',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Save retention' }));
    expect(onSave).toHaveBeenLastCalledWith({
      reportingCurrency: 'GBP',
      language: 'en',
      retention: { keepMonths: null, deleteAfterIdleDays: 90 },
    });
  });

  it('links the privacy policy in English and Chinese', () => {
    setup();
    expect(
      screen
        .getByRole('link', { name: 'Privacy policy: what Tradeline reads, stores and sends' })
        .getAttribute('href'),
    ).toBe('privacy.html?lang=en');
    expect(screen.getByRole('link', { name: '隐私政策（中文）' }).getAttribute('href')).toBe(
      'privacy.html?lang=zh_CN',
    );
  });

  it('lists the values set aside as damaged, and nothing when there are none', () => {
    setup([
      {
        id: 2,
        store: 'aggregates',
        key: 'shopify / 2026-02',
        problem: 'orders: Invalid input: expected number, received string',
        quarantinedAt: '2026-11-29T10:15:00.000Z',
      },
    ]);
    const alert = screen.getByRole('alert');
    expect(within(alert).getByRole('heading').textContent).toBe('1 damaged value was set aside');
    expect(within(alert).getByRole('cell', { name: 'shopify / 2026-02' })).toBeTruthy();
    expect(within(alert).getByRole('cell', { name: /^orders: Invalid input/ })).toBeTruthy();
  });

  it('shows no alert when nothing was set aside', () => {
    setup();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
