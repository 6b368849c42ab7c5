import type { ProfileAnswer } from '../../lib/messaging/protocol.ts';
import { formatMoney } from '../../lib/money/format.ts';
import { FACTORS } from '../../lib/profile/scorecard.ts';
import { AfterFirstPaint } from '../common/AfterFirstPaint.tsx';
import { useFirstDataMark } from '../common/marks.ts';
import { useLoad } from '../common/useLoad.ts';
import { formatDate } from './format.ts';
import { MonthlyChart } from './MonthlyChart.tsx';
import { strings } from './strings.ts';

const t = strings.profile;

/** The scorecard factor a reason code is about (`high_refunds`, or `refunds_unknown` when missing). */
function factorOf(code: string): string | undefined {
  return FACTORS.find((f) => f.code === code || `${f.id}_unknown` === code)?.id;
}

/** Older than this, the profile says the data is getting stale. */
const STALE_DAYS = 45;

/** Score, band, what the history supports, how the score adds up and what holds it back. */
export function ProfileCard({ loadProfile }: { loadProfile: () => Promise<ProfileAnswer> }) {
  const [stored] = useLoad(loadProfile);
  useFirstDataMark(stored.state === 'ready');
  if (stored.state === 'loading') return <p aria-live="polite">{t.loading}</p>;
  if (stored.state === 'error') {
    return (
      <p className="tl-error" role="alert">
        {t.error(stored.message)}
      </p>
    );
  }
  // Its parts were checked by the background (protocol.ts ProfileAnswer): a malformed one is absent.
  const { profile } = stored.value;
  const coverage = profile.metrics?.dataCoverage;
  const freshness = profile.metrics?.dataFreshnessDays;
  const ttmSales = profile.metrics?.ttmSales;
  const { currency } = stored.value;
  const improvements = [
    ...new Set((profile.reasons ?? []).map((r) => factorOf(r.code)).filter((id) => id !== undefined)),
  ].map((id) => strings.improve[id] ?? '');
  return (
    <section aria-label={t.label} className="tl-profile">
      <div className="tl-stats">
        <div className="tl-stat">
          <strong data-testid="profile-band">{profile.band}</strong>
          {t.band}
        </div>
        <div className="tl-stat">
          <strong data-testid="profile-score">{profile.score}</strong>
          {t.scoreOf}
        </div>
        <div className="tl-stat">
          <strong data-testid="profile-capacity">
            {formatMoney(profile.capacity?.amount ?? 0, currency, strings.locale)}
          </strong>
          {t.supported}
        </div>
        {ttmSales !== undefined && (
          <div className="tl-stat">
            <strong data-testid="profile-ttm-sales">{formatMoney(ttmSales, currency, strings.locale)}</strong>
            {t.ttmSales}
          </div>
        )}
      </div>
      {profile.capacity?.basis && <p className="tl-note">{strings.capacityBasis(profile.capacity)}</p>}
      {stored.value.months && stored.value.months.length > 0 && (
        <>
          <h2>{strings.chart.heading}</h2>
          <MonthlyChart months={stored.value.months} currency={currency} />
        </>
      )}
      {profile.reasons && profile.reasons.length > 0 && (
        <>
          <h2>{t.reasonsHeading}</h2>
          <ul data-testid="profile-reasons">
            {profile.reasons.map((r) => (
              <li key={r.code}>{strings.reason(factorOf(r.code), r)}</li>
            ))}
          </ul>
        </>
      )}
      {/* Below the popup's fold (600 px): drawn a frame after the score and the chart. */}
      <AfterFirstPaint>
        {improvements.length > 0 && (
          <>
            <h2>{t.improveHeading}</h2>
            <ul data-testid="profile-improve">
              {improvements.map((text) => (
                <li key={text}>{text}</li>
              ))}
            </ul>
          </>
        )}
        {profile.factors && profile.factors.length > 0 && (
          <>
            <h2>{t.factorsHeading}</h2>
            <table data-testid="profile-factors">
              <thead>
                <tr>
                  <th scope="col">{t.factor}</th>
                  <th scope="col" className="num">
                    {t.points}
                  </th>
                </tr>
              </thead>
              <tbody>
                {profile.factors.map((f) => (
                  <tr key={f.id}>
                    <th scope="row">{strings.factors[f.id] ?? f.label}</th>
                    <td className="num">{t.pointsOf(f.points, f.max)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
        {(coverage !== undefined || freshness !== undefined) && (
          <>
            <h2>{t.dataHeading}</h2>
            <ul className="tl-plain">
              {coverage !== undefined && (
                <li data-testid="profile-coverage">
                  {t.coverage(coverage)}
                  <div className="tl-note">{t.coverageHint}</div>
                </li>
              )}
              {freshness !== undefined && (
                <li data-testid="profile-freshness">
                  {t.freshness(freshness, formatDate(stored.value.asOf))}
                  {freshness !== null && freshness > STALE_DAYS && <div className="tl-note">{t.stale}</div>}
                </li>
              )}
            </ul>
          </>
        )}
      </AfterFirstPaint>
    </section>
  );
}
