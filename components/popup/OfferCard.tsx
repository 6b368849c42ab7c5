import { useState } from 'react';
import type { Channel, OfferEstimate } from '../../lib/domain/channel.ts';
import { formatEstimate, formatPercent, providerShortName } from './format.ts';
import { strings } from './strings.ts';

const t = strings.offers;

export interface OfferRow {
  offer: OfferEstimate;
  /** The catalog entry; absent only if the catalog changed under the estimate. */
  channel: Channel | undefined;
}

export interface OfferCardProps {
  row: OfferRow;
  selected: boolean;
  onToggle: (channelId: string) => void;
  onOpenLink: (url: string) => void;
  /** Keeps a record of a link-out application in Applications. */
  onTrackLinkOut?: (channelId: string) => Promise<unknown>;
}

function repaymentText(row: OfferRow): string {
  const repayment = row.channel?.pricing.repayment;
  if (!repayment) return strings.repayment[row.offer.repaymentStyle];
  if (repayment.style === 'percent-of-sales') {
    return strings.repayment.holdback(Math.round(repayment.holdbackRate * 100));
  }
  return strings.repayment[repayment.frequency];
}

/** One channel: the estimated terms side by side when eligible, the gaps when not. */
export function OfferCard({ row, selected, onToggle, onOpenLink, onTrackLinkOut }: OfferCardProps) {
  const [tracked, setTracked] = useState(false);
  const { offer, channel } = row;
  const name = channel?.name ?? offer.channelId;
  const submission = channel?.submission;
  const headingId = `offer-${offer.channelId}`;
  return (
    <article
      className={`tl-card${offer.eligible ? '' : ' tl-muted'}`}
      aria-labelledby={headingId}
      data-testid={`offer-${offer.channelId}`}
    >
      <header className="tl-card-head">
        {offer.eligible && submission?.kind === 'api' ? (
          <label className="tl-check">
            <input type="checkbox" checked={selected} onChange={() => onToggle(offer.channelId)} />
            <strong id={headingId}>{name}</strong>
          </label>
        ) : (
          <strong id={headingId}>{name}</strong>
        )}
        {channel?.sandbox && <span className="tl-badge">{t.sandbox}</span>}
      </header>
      {channel && <p className="tl-note">{channel.provider}</p>}
      {offer.eligible ? (
        <dl className="tl-terms">
          <div>
            <dt>{t.amount}</dt>
            <dd data-testid="offer-amount">
              {offer.amount === null ? strings.none : formatEstimate(offer.amount, offer.currency)}
            </dd>
          </div>
          <div>
            <dt>{t.fee}</dt>
            <dd>{offer.fee === null ? strings.none : formatEstimate(offer.fee, offer.currency)}</dd>
          </div>
          <div>
            <dt>{t.apr}</dt>
            <dd data-testid="offer-apr">{offer.apr === null ? strings.none : formatPercent(offer.apr)}</dd>
          </div>
          <div>
            <dt>{t.term}</dt>
            <dd>
              {offer.termMonths === null
                ? strings.none
                : offer.repaymentStyle === 'percent-of-sales'
                  ? t.aboutMonths(Math.round(offer.termMonths))
                  : t.months(Math.round(offer.termMonths))}
            </dd>
          </div>
          <div>
            <dt>{t.repayment}</dt>
            <dd>{repaymentText(row)}</dd>
          </div>
          <div>
            <dt>{t.model}</dt>
            <dd>{strings.models[offer.model]}</dd>
          </div>
        </dl>
      ) : (
        <>
          <p className="tl-note">{strings.models[offer.model]}</p>
          <ul className="tl-gaps" aria-label={t.gapsLabel(name)}>
            {offer.gaps.map((g) => (
              <li key={g.code}>{strings.gap(g)}</li>
            ))}
          </ul>
        </>
      )}
      {offer.eligible && submission?.kind === 'link' && channel && (
        <p className="tl-actions">
          <button type="button" onClick={() => onOpenLink(submission.url)}>
            {t.applyOnSite(providerShortName(channel.provider))}
          </button>
          {onTrackLinkOut && !tracked && (
            <button
              type="button"
              onClick={() => void onTrackLinkOut(channel.id).then(() => setTracked(true))}
            >
              {t.track}
            </button>
          )}
          <span className="tl-note">{tracked ? t.tracked : t.linkNote}</span>
        </p>
      )}
    </article>
  );
}
