import { render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Overview } from '../../lib/messaging/protocol.ts';
import { Popup } from './Popup.tsx';

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

describe('Popup', () => {
  it('tells a new seller what to do first', async () => {
    const onOpenOptions = vi.fn();
    render(<Popup loadOverview={async () => EMPTY} loadProfile={NO_PROFILE} onOpenOptions={onOpenOptions} />);
    expect(await screen.findByText('No sales history yet.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Import a report' }));
    expect(onOpenOptions).toHaveBeenCalledOnce();
  });

  it('shows orders, months and sales per month from stored totals', async () => {
    const overview: Overview = {
      ...EMPTY,
      imports: 1,
      records: 5,
      orders: 5,
      firstMonth: '2026-01',
      lastMonth: '2026-02',
      platforms: ['shopify'],
      months: [month('2026-01', 2, 1_234_56), month('2026-02', 3, 99)],
    };
    render(<Popup loadOverview={async () => overview} loadProfile={async () => PROFILE} onOpenOptions={() => {}} />);
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
    render(
      <Popup
        loadOverview={async () => {
          throw new Error('database is closed');
        }}
        loadProfile={NO_PROFILE}
        onOpenOptions={() => {}}
      />,
    );
    expect((await screen.findByRole('alert')).textContent).toContain('database is closed');
  });
});
