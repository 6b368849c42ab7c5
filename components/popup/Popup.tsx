import type { StoredProfile } from '../../lib/domain/records.ts';
import type { Overview } from '../../lib/messaging/protocol.ts';
import { formatMoney, formatTotals } from '../../lib/money/format.ts';
import { useLoad } from '../common/useLoad.ts';

export interface PopupProps {
  loadOverview: () => Promise<Overview>;
  loadProfile: () => Promise<StoredProfile>;
  onOpenOptions: () => void;
}

export function Popup({ loadOverview, loadProfile, onOpenOptions }: PopupProps) {
  const [overview] = useLoad(loadOverview);
  return (
    <main className="tl-popup" aria-busy={overview.state === 'loading'}>
      <h1>Tradeline</h1>
      {overview.state === 'loading' && <p>Loading your history…</p>}
      {overview.state === 'error' && (
        <p className="tl-error" role="alert">
          Tradeline could not read your stored history: {overview.message}. Close and reopen the popup; if it
          persists, reload the extension.
        </p>
      )}
      {overview.state === 'ready' &&
        (overview.value.records === 0 ? (
          <EmptyState onOpenOptions={onOpenOptions} />
        ) : (
          <>
            <ProfileCard loadProfile={loadProfile} />
            <Summary overview={overview.value} onOpenOptions={onOpenOptions} />
          </>
        ))}
    </main>
  );
}

function EmptyState({ onOpenOptions }: { onOpenOptions: () => void }) {
  return (
    <section className="tl-empty" aria-label="No sales history yet">
      <p>
        <strong>No sales history yet.</strong> Start by importing a report you already export: an Amazon
        settlement report, a Shopify orders export or a PayPal activity download. Everything stays in this
        browser.
      </p>
      <button type="button" onClick={onOpenOptions}>
        Import a report
      </button>
    </section>
  );
}

function Summary({ overview, onOpenOptions }: { overview: Overview; onOpenOptions: () => void }) {
  const recent = overview.months.slice(-12).reverse();
  return (
    <section aria-label="Your sales history">
      <div className="tl-stats">
        <div className="tl-stat">
          <strong data-testid="orders-count">{overview.orders.toLocaleString('en')}</strong>orders
        </div>
        <div className="tl-stat">
          <strong data-testid="months-range">
            {overview.firstMonth} – {overview.lastMonth}
          </strong>
          history
        </div>
        <div className="tl-stat">
          <strong data-testid="imports-count">{overview.imports}</strong>
          {overview.imports === 1 ? 'import' : 'imports'}
        </div>
      </div>
      <h2>Sales by month</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Month</th>
            <th scope="col">Source</th>
            <th scope="col" className="num">
              Orders
            </th>
            <th scope="col" className="num">
              Gross sales
            </th>
          </tr>
        </thead>
        <tbody>
          {recent.map((m) => (
            <tr key={`${m.platform}-${m.month}`}>
              <td>{m.month}</td>
              <td>{m.platform}</td>
              <td className="num">{m.orders}</td>
              <td className="num">{formatTotals(m.grossSales)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <button type="button" onClick={onOpenOptions}>
          Manage sources
        </button>
      </p>
    </section>
  );
}

interface ShownProfile {
  score: number;
  band: string;
  reasons?: { code: string; message: string }[];
  capacity?: { amount: number; basis: string };
}

/** Score, band, what the history supports and what holds it back: read from the stored profile. */
function ProfileCard({ loadProfile }: { loadProfile: () => Promise<StoredProfile> }) {
  const [stored] = useLoad(loadProfile);
  if (stored.state === 'loading') return <p>Computing your profile…</p>;
  if (stored.state === 'error') {
    return (
      <p className="tl-error" role="alert">
        Your profile could not be computed: {stored.message}
      </p>
    );
  }
  const profile = stored.value.profile as ShownProfile;
  return (
    <section aria-label="Your credit profile" className="tl-profile">
      <div className="tl-stats">
        <div className="tl-stat">
          <strong data-testid="profile-band">{profile.band}</strong>band
        </div>
        <div className="tl-stat">
          <strong data-testid="profile-score">{profile.score}</strong>score of 100
        </div>
        <div className="tl-stat">
          <strong data-testid="profile-capacity">
            {formatMoney(profile.capacity?.amount ?? 0, stored.value.currency)}
          </strong>
          supported
        </div>
      </div>
      {profile.reasons && profile.reasons.length > 0 && (
        <>
          <h2>What holds your score back</h2>
          <ul data-testid="profile-reasons">
            {profile.reasons.map((r) => (
              <li key={r.code}>{r.message}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
