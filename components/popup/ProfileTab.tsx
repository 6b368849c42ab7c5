import type { Overview, ProfileAnswer } from '../../lib/messaging/protocol.ts';
import { formatTotals } from '../../lib/money/format.ts';
import { AfterFirstPaint } from '../common/AfterFirstPaint.tsx';
import type { Load } from '../common/useLoad.ts';
import { ProfileCard } from './ProfileCard.tsx';
import { strings } from './strings.ts';

export interface ProfileTabProps {
  overview: Load<Overview>;
  loadProfile: () => Promise<ProfileAnswer>;
  onOpenOptions: () => void;
}

export function ProfileTab({ overview, loadProfile, onOpenOptions }: ProfileTabProps) {
  if (overview.state === 'loading') return <p aria-live="polite">{strings.overview.loading}</p>;
  if (overview.state === 'error') {
    return (
      <p className="tl-error" role="alert">
        {strings.overview.error(overview.message)}
      </p>
    );
  }
  if (overview.value.records === 0) return <EmptyState onOpenOptions={onOpenOptions} />;
  return (
    <>
      <ProfileCard loadProfile={loadProfile} />
      {/* Below the popup's fold, under the profile: drawn a frame after it. */}
      <AfterFirstPaint>
        <Summary overview={overview.value} onOpenOptions={onOpenOptions} />
      </AfterFirstPaint>
    </>
  );
}

export function EmptyState({ onOpenOptions }: { onOpenOptions: () => void }) {
  const t = strings.empty;
  return (
    <section className="tl-empty" aria-label={t.label}>
      <p>
        <strong>{t.title}</strong> {t.body}
      </p>
      <button type="button" onClick={onOpenOptions}>
        {t.action}
      </button>
    </section>
  );
}

function Summary({ overview, onOpenOptions }: { overview: Overview; onOpenOptions: () => void }) {
  const t = strings.summary;
  const recent = overview.months.slice(-12).reverse();
  return (
    <section aria-label={t.label}>
      <div className="tl-stats">
        <div className="tl-stat">
          <strong data-testid="orders-count">{overview.orders.toLocaleString(strings.locale)}</strong>
          {t.orders}
        </div>
        <div className="tl-stat">
          <strong data-testid="months-range">
            {overview.firstMonth} – {overview.lastMonth}
          </strong>
          {t.history}
        </div>
        <div className="tl-stat">
          <strong data-testid="imports-count">{overview.imports}</strong>
          {t.imports(overview.imports)}
        </div>
      </div>
      <h2>{t.byMonth}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t.month}</th>
            <th scope="col">{t.source}</th>
            <th scope="col" className="num">
              {t.ordersColumn}
            </th>
            <th scope="col" className="num">
              {t.grossSales}
            </th>
          </tr>
        </thead>
        <tbody>
          {recent.map((m) => (
            <tr key={`${m.platform}-${m.month}`}>
              <td>{m.month}</td>
              <td>{m.platform}</td>
              <td className="num">{m.orders}</td>
              <td className="num">{formatTotals(m.grossSales, strings.locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <button type="button" onClick={onOpenOptions}>
          {t.manageSources}
        </button>
      </p>
    </section>
  );
}
