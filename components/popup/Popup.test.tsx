import { render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Overview } from '../../lib/messaging/protocol.ts';
import type { PopupApi } from './api.ts';
import { Popup, type PopupProps } from './Popup.tsx';
import { BANK_IN_REVIEW, COMPLETE_BUSINESS, OFFERS, previews } from './test-fixtures.ts';

const EMPTY: Overview = {
  imports: 0,
  records: 0,
  orders: 0,
  firstMonth: null,
  lastMonth: null,
  platforms: [],
  months: [],
  settings: { reportingCurrency: 'USD', language: 'en' },
};

const month = (m: string, orders: number, usd: number) => ({
  platform: 'shopify' as const,
  month: m,
  records: orders,
  orders,
  grossSales: { USD: usd },
  refunds: {},
  fees: {},
  payouts: {},
  chargebacks: {},
  reserves: {},
  adjustments: {},
  payoutDates: [],
});

const NO_PROFILE = () => Promise.reject(new Error('not needed'));
const PROFILE = {
  currency: 'USD',
  asOf: '2026-03-01',
  computedAt: '2026-03-01T00:00:00.000Z',
  profile: {
    score: 42,
    band: 'D' as const,
    reasons: [{ code: 'short_history', message: 'History of 2 months is below 3 months' }],
    capacity: { amount: 150_000, basis: 'x' },
  },
};

const HISTORY: Overview = {
  ...EMPTY,
  imports: 1,
  records: 5,
  orders: 5,
  firstMonth: '2026-01',
  lastMonth: '2026-02',
  platforms: ['shopify'],
  months: [month('2026-01', 2, 1_234_56), month('2026-02', 3, 99)],
};

const unused = () => Promise.reject(new Error('not used in this test'));

function renderPopup(props: Partial<PopupProps> = {}) {
  const api: PopupApi = {
    loadOverview: async () => HISTORY,
    loadProfile: async () => PROFILE,
    loadOffers: async () => OFFERS,
    previewApplication: unused,
    apply: unused,
    loadApplications: async () => [BANK_IN_REVIEW],
    applicationAction: unused,
    checkNow: unused,
  };
  return render(<Popup {...api} onOpenOptions={() => {}} onOpenLink={() => {}} {...props} />);
}

describe('Popup', () => {
  it('tells a new seller what to do first', async () => {
    const onOpenOptions = vi.fn();
    renderPopup({ loadOverview: async () => EMPTY, loadProfile: NO_PROFILE, onOpenOptions });
    expect(await screen.findByText('No sales history yet.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Import a report' }));
    expect(onOpenOptions).toHaveBeenCalledOnce();
  });

  it('shows orders, months and sales per month from stored totals', async () => {
    renderPopup();
    expect((await screen.findByTestId('orders-count')).textContent).toBe('5');
    expect(screen.getByTestId('months-range').textContent).toBe('2026-01 – 2026-02');
    expect(screen.getByText('$1,234.56')).toBeTruthy();
    expect(screen.getByText('$0.99')).toBeTruthy();
    expect((await screen.findByTestId('profile-band')).textContent).toBe('D');
    expect(screen.getByTestId('profile-score').textContent).toBe('42');
    expect(screen.getByTestId('profile-capacity').textContent).toBe('$1,500.00');
    expect(screen.getByText('History of 2 months is below 3 months')).toBeTruthy();
  });

  it('says what went wrong when the history cannot be read', async () => {
    renderPopup({
      loadOverview: async () => {
        throw new Error('database is closed');
      },
      loadProfile: NO_PROFILE,
    });
    expect((await screen.findByRole('alert')).textContent).toContain('database is closed');
  });

  it('has three tabs reachable with the keyboard, the profile first', async () => {
    renderPopup();
    const tablist = screen.getByRole('tablist', { name: 'Tradeline sections' });
    const tabs = within(tablist).getAllByRole('tab');
    expect(tabs.map((t) => t.textContent)).toEqual(['Profile', 'Offers', 'Applications']);
    expect(tabs.map((t) => t.getAttribute('aria-selected'))).toEqual(['true', 'false', 'false']);
    expect(tabs.map((t) => t.tabIndex)).toEqual([0, -1, -1]);
    expect(screen.getByRole('tabpanel', { name: 'Profile' })).toBeTruthy();

    await userEvent.tab();
    expect(document.activeElement).toBe(tabs[0]);
    await userEvent.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(tabs[1]);
    expect(tabs[1]?.getAttribute('aria-selected')).toBe('true');
    expect(await screen.findByText('Sandbox Export Credit (platform + partner bank)')).toBeTruthy();

    await userEvent.keyboard('{End}');
    expect(document.activeElement).toBe(tabs[2]);
    expect(
      await screen.findByText('Sandbox Export Credit (platform + partner bank)', { selector: 'h3' }),
    ).toBeTruthy();
    await userEvent.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(tabs[0]);
    expect(screen.getByRole('tabpanel', { name: 'Profile' })).toBeTruthy();
  });

  it('reads the applications afresh every time their tab opens', async () => {
    const loadApplications = vi.fn(async () => [BANK_IN_REVIEW]);
    renderPopup({ loadApplications });
    await userEvent.click(screen.getByRole('tab', { name: 'Applications' }));
    await screen.findByText('Bank review', { selector: '[data-testid="application-status"]' });
    await userEvent.click(screen.getByRole('tab', { name: 'Profile' }));
    await userEvent.click(screen.getByRole('tab', { name: 'Applications' }));
    await screen.findByText('Bank review', { selector: '[data-testid="application-status"]' });
    expect(loadApplications).toHaveBeenCalledTimes(2);
  });

  it('after applying, shows the new applications', async () => {
    const apply = vi.fn(async () => [BANK_IN_REVIEW]);
    renderPopup({
      apply,
      previewApplication: async (r) => previews(r, COMPLETE_BUSINESS),
      newSubmissionId: () => 'submission-0001',
    });
    await userEvent.click(screen.getByRole('tab', { name: 'Offers' }));
    await userEvent.click(await screen.findByRole('checkbox', { name: /Sandbox Export Credit/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Apply to 1 channel' }));
    await userEvent.click(await screen.findByRole('button', { name: 'I agree, send to 1 lender' }));
    expect(apply).toHaveBeenCalledOnce();
    expect(screen.getByRole('tab', { name: 'Applications' }).getAttribute('aria-selected')).toBe('true');
    expect(await screen.findByText(/Applied: 1 application stored/)).toBeTruthy();
  });
});
