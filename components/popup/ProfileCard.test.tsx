import { render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ProfileAnswer } from '../../lib/messaging/protocol.ts';
import { computeProfile } from '../../lib/profile/profile.ts';
import { inputFrom, steady } from '../../lib/profile/test-input.ts';
import { ProfileCard } from './ProfileCard.tsx';
import { setPopupLanguage } from './strings.ts';

/** A profile as the background stores it, computed from eight months of sales ending in August. */
function stored(asOf: string): ProfileAnswer {
  const input = inputFrom(
    steady('2026-08', 8, { sales: 9_000_00, refunds: 200_00, payoutDays: [14, 28] }),
    asOf,
  );
  const profile = computeProfile(input);
  const months = input.months.map(({ month, covered, grossSales, refunds, payouts }) => ({
    month,
    covered,
    grossSales,
    refunds,
    payouts,
  }));
  return ProfileAnswer.parse({ currency: 'USD', asOf, computedAt: `${asOf}T08:00:00.000Z`, profile, months });
}

afterEach(() => setPopupLanguage('en'));

describe('ProfileCard', () => {
  it('charts sales, refunds and payouts month by month, months without data hatched, figures in a table', async () => {
    render(<ProfileCard loadProfile={async () => stored('2026-11-20')} />);
    const chart = await screen.findByTestId('monthly-chart');
    // January to November 2026: eight months with sales, then three no report covers.
    const months = chart.querySelectorAll('g[data-month]');
    expect([...months].map((g) => g.getAttribute('data-month'))).toEqual(
      Array.from({ length: 11 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`),
    );
    expect(chart.querySelectorAll('g[data-covered="false"]')).toHaveLength(3);
    expect(chart.querySelectorAll('rect[data-series="grossSales"]')).toHaveLength(8);
    expect(screen.getByRole('img', { name: /Sales, refunds and payouts by month, USD/ })).toBe(chart);
    expect(chart.querySelector('desc')?.textContent).toBe(
      '2026-01 to 2026-11: gross sales of $72,000.00 in total, refunds of $1,600.00, payouts of $16.00.',
    );
    const table = within(await screen.findByTestId('monthly-table'));
    expect(table.getByRole('row', { name: '2026-03 $9,000.00 $200.00 $2.00' })).toBeTruthy();
    expect(table.getByRole('row', { name: '2026-10 no data' })).toBeTruthy();
    expect(screen.getByTestId('profile-ttm-sales').textContent).toBe('$72,000.00');
    // Eight months is a short history: the seller is told what to do about it.
    expect(screen.getByTestId('profile-reasons').textContent).toContain('months');
    expect(within(screen.getByTestId('profile-improve')).getAllByRole('listitem')[0]?.textContent).toBe(
      'Keep selling and import each new month: lenders want a longer history.',
    );
  });

  it('draws the score and the chart first, and what lies below the fold in the next frame', async () => {
    render(<ProfileCard loadProfile={async () => stored('2026-11-20')} />);
    expect((await screen.findByTestId('profile-band')).textContent).toMatch(/^[A-E]$/);
    expect(screen.getByTestId('monthly-chart')).toBeTruthy();
    expect(screen.getByTestId('profile-reasons').textContent).toContain('months');
    // Not in the first frame: the improvements, the score's factors, the data notes, the figures.
    for (const below of ['profile-improve', 'profile-factors', 'profile-coverage', 'monthly-table'])
      expect(screen.queryByTestId(below)).toBeNull();
    expect(await screen.findByTestId('profile-factors')).toBeTruthy();
    for (const below of ['profile-improve', 'profile-coverage', 'monthly-table'])
      expect(screen.getByTestId(below)).toBeTruthy();
  });

  it('speaks Simplified Chinese, with money and dates formatted for it', async () => {
    setPopupLanguage('zh_CN');
    render(<ProfileCard loadProfile={async () => stored('2026-11-20')} />);
    expect(await screen.findByRole('heading', { name: '逐月走势' })).toBeTruthy();
    expect(await screen.findByRole('heading', { name: '评分构成' })).toBeTruthy();
    expect(screen.getByRole('row', { name: /^经营时长 \d+\/\d+$/ })).toBeTruthy();
    expect(screen.getByTestId('profile-freshness').textContent).toContain('最新记录：2026年11月20日 之前');
    expect(screen.getByTestId('profile-ttm-sales').textContent).toBe('US$72,000.00');
    expect(screen.getByRole('img', { name: /按月销售额、退款和回款（USD）/ })).toBeTruthy();
    expect(screen.getByText(/^最近 6 个月中最低的月净销售额/)).toBeTruthy();
    // January to October is ten months of history: the reason is worded in Chinese around lib's figures.
    expect(screen.getByTestId('profile-reasons').textContent).toContain('经营记录 10 个月，少于 12 个月');
  });

  it("shows each factor's points out of its maximum, data coverage and freshness", async () => {
    const value = stored('2026-11-20');
    const profile = value.profile as unknown as ReturnType<typeof computeProfile>;
    render(<ProfileCard loadProfile={async () => value} />);

    const table = within(await screen.findByTestId('profile-factors'));
    for (const f of profile.factors) {
      expect(table.getByRole('row', { name: `${f.label} ${f.points}/${f.max}` })).toBeTruthy();
    }
    expect(profile.factors.reduce((n, f) => n + f.points, 0)).toBe(profile.score);
    expect(screen.getByTestId('profile-coverage').textContent).toContain(
      `Data coverage: ${Math.round(profile.metrics.dataCoverage * 100)}% of the months since your first sale`,
    );
    const freshness = screen.getByTestId('profile-freshness').textContent;
    expect(freshness).toContain(
      `Latest record: ${profile.metrics.dataFreshnessDays} days before Nov 20, 2026.`,
    );
    // More than six weeks old: the seller is told to import something recent.
    expect(freshness).toContain('Import a recent report');
  });

  it('leaves out a malformed part of the stored profile and shows the rest (checked by the background)', async () => {
    const good = stored('2026-11-20');
    // What the background's router does with the answer: a stored value with damaged factors.
    const value = ProfileAnswer.parse({ ...good, profile: { ...good.profile, factors: 'damaged' } });
    render(<ProfileCard loadProfile={async () => value} />);
    expect((await screen.findByTestId('profile-score')).textContent).toBe(String(good.profile.score));
    // Once what lies below the fold is drawn too: the data notes, and no factors.
    expect(await screen.findByTestId('profile-coverage')).toBeTruthy();
    expect(screen.queryByTestId('profile-factors')).toBeNull();
    // Score and band stay strict: a profile without a valid score is no answer at all.
    expect(ProfileAnswer.safeParse({ ...good, profile: { ...good.profile, score: 'high' } }).success).toBe(
      false,
    );
  });

  it('says what went wrong when the profile cannot be computed', async () => {
    render(
      <ProfileCard
        loadProfile={async () => {
          throw new Error('no reporting currency');
        }}
      />,
    );
    expect((await screen.findByRole('alert')).textContent).toContain('no reporting currency');
  });
});
