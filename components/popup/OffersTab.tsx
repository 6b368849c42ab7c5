import { useCallback, useId, useMemo, useState } from 'react';
import type { StoredApplication } from '../../lib/domain/application.ts';
import { useLoad } from '../common/useLoad.ts';
import type { OffersData, PopupApi } from './api.ts';
import { ConsentReview } from './ConsentReview.tsx';
import { OfferCard, type OfferRow } from './OfferCard.tsx';
import { strings } from './strings.ts';

const t = strings.offers;

export interface OffersTabProps {
  /** Whether the seller has imported any history (null while unknown). */
  hasHistory: boolean | null;
  loadOffers: PopupApi['loadOffers'];
  previewApplication: PopupApi['previewApplication'];
  apply: PopupApi['apply'];
  newSubmissionId: () => string;
  onOpenOptions: () => void;
  onOpenLink: (url: string) => void;
  onTrackLinkOut?: (channelId: string) => Promise<unknown>;
  onApplied: (applications: StoredApplication[]) => void;
}

/** Eligible first (largest amount first), then the others, closest (fewest gaps) first. */
export function sortOffers(data: OffersData): OfferRow[] {
  const channels = new Map(data.channels.map((c) => [c.id, c]));
  const rows = data.offers.map((offer) => ({ offer, channel: channels.get(offer.channelId) }));
  const name = (r: OfferRow) => r.channel?.name ?? r.offer.channelId;
  return rows.sort(
    (a, b) =>
      Number(b.offer.eligible) - Number(a.offer.eligible) ||
      (a.offer.eligible
        ? (b.offer.amount ?? 0) - (a.offer.amount ?? 0)
        : a.offer.gaps.length - b.offer.gaps.length) ||
      name(a).localeCompare(name(b)),
  );
}

export function OffersTab(props: OffersTabProps) {
  const { hasHistory, loadOffers, onOpenOptions, onOpenLink, onApplied } = props;
  const [offers] = useLoad(loadOffers);
  const hintId = useId();
  const [selected, setSelected] = useState<string[]>([]);
  const [reviewing, setReviewing] = useState<string[] | null>(null);
  const rows = useMemo(() => (offers.state === 'ready' ? sortOffers(offers.value) : []), [offers]);

  const toggle = useCallback(
    (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id])),
    [],
  );
  const applied = useCallback(
    (apps: StoredApplication[]) => {
      setReviewing(null);
      setSelected([]);
      onApplied(apps);
    },
    [onApplied],
  );
  const back = useCallback(() => setReviewing(null), []);

  if (hasHistory === false) {
    return (
      <section className="tl-empty" aria-label={t.label}>
        <p>{t.noHistory}</p>
        <button type="button" onClick={onOpenOptions}>
          {strings.empty.action}
        </button>
      </section>
    );
  }
  if (offers.state === 'loading') return <p aria-live="polite">{t.loading}</p>;
  if (offers.state === 'error') {
    return (
      <p className="tl-error" role="alert">
        {t.error(offers.message)}
      </p>
    );
  }
  if (reviewing) {
    return (
      <ConsentReview
        channelIds={reviewing}
        previewApplication={props.previewApplication}
        apply={props.apply}
        newSubmissionId={props.newSubmissionId}
        onOpenOptions={onOpenOptions}
        onBack={back}
        onApplied={applied}
      />
    );
  }
  if (rows.length === 0) {
    return (
      <section className="tl-empty" aria-label={t.label}>
        <p>{t.noChannels}</p>
        <button type="button" onClick={onOpenOptions}>
          {t.openOptions}
        </button>
      </section>
    );
  }

  const eligible = rows.filter((r) => r.offer.eligible);
  const others = rows.filter((r) => !r.offer.eligible);
  // Keep the order of the list, whatever the order of ticking.
  const chosen = eligible.map((r) => r.offer.channelId).filter((id) => selected.includes(id));
  return (
    <section aria-label={t.label}>
      {eligible.length > 0 ? (
        <>
          <h2>{t.eligibleHeading(eligible.length)}</h2>
          <p className="tl-note">{t.estimateNote}</p>
          {eligible.map((row) => (
            <OfferCard
              key={row.offer.channelId}
              row={row}
              selected={selected.includes(row.offer.channelId)}
              onToggle={toggle}
              onOpenLink={onOpenLink}
              {...(props.onTrackLinkOut ? { onTrackLinkOut: props.onTrackLinkOut } : {})}
            />
          ))}
          <div className="tl-actions tl-sticky">
            <button
              type="button"
              className="tl-primary"
              disabled={chosen.length === 0}
              aria-describedby={hintId}
              onClick={() => setReviewing(chosen)}
            >
              {t.applyButton(chosen.length)}
            </button>
          </div>
          <p id={hintId} className="tl-note">
            {t.applyHint}
          </p>
        </>
      ) : (
        <p className="tl-empty">{t.noneEligible}</p>
      )}
      {others.length > 0 && (
        <>
          <h2>{t.ineligibleHeading}</h2>
          {others.map((row) => (
            <OfferCard
              key={row.offer.channelId}
              row={row}
              selected={false}
              onToggle={toggle}
              onOpenLink={onOpenLink}
              {...(props.onTrackLinkOut ? { onTrackLinkOut: props.onTrackLinkOut } : {})}
            />
          ))}
        </>
      )}
    </section>
  );
}
