import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { StoredProfile } from '../../lib/domain/records.ts';
import { computeProfile } from '../../lib/profile/profile.ts';
import { inputFrom, steady } from '../../lib/profile/test-input.ts';
import { ProfileCard } from './ProfileCard.tsx';

/** A profile as the background stores it, computed from eight months of sales ending in August. */
function stored(asOf: string): StoredProfile {
  const profile = computeProfile(inputFrom(steady('2026-08', 8, { sales: 9_000_00, refunds: 200_00 }), asOf));
  return StoredProfile.parse({ currency: 'USD', asOf, computedAt: `${asOf}T08:00:00.000Z`, profile });
}

describe('ProfileCard', () => {
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
      `Latest record: ${profile.metrics.dataFreshnessDays} days before 2026-11-20.`,
    );
    // More than six weeks old: the seller is told to import something recent.
    expect(freshness).toContain('Import a recent report');
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
