import { useState } from 'react';
import type { ApplicationStatus, Offer } from '../../lib/domain/application.ts';
import { formatMoney } from '../../lib/money/format.ts';
import type { ApplicationAction } from './api.ts';
import { Confirm } from './Confirm.tsx';
import { formatDateTime, formatPercent } from './format.ts';
import { strings } from './strings.ts';

const t = strings.card;
const o = strings.offers;

export interface LenderOffersProps {
  offers: Offer[];
  status: ApplicationStatus;
  now: Date;
  busy: boolean;
  /** Resolves true when done; the card shows any error. */
  onAct: (action: ApplicationAction) => Promise<boolean>;
}

const money = (m: Offer['amount']) => formatMoney(m.amount, m.currency, strings.locale);

/** The lender's offers and counter-offers; one can be accepted while the application waits for it. */
export function LenderOffers({ offers, status, now, busy, onAct }: LenderOffersProps) {
  const [confirming, setConfirming] = useState<string | null>(null);
  if (offers.length === 0) return null;
  const open = status === 'offer' || status === 'counter_offer';
  return (
    <section className="tl-block">
      <h4>{t.offersHeading}</h4>
      {offers.map((offer) => {
        const expired = Date.parse(offer.expiresAt) <= now.getTime();
        return (
          <div key={offer.id} className="tl-offer" data-testid={`lender-offer-${offer.id}`}>
            <p>
              <strong>{offer.counter ? t.counter : t.offer}</strong>
            </p>
            <dl className="tl-terms">
              <div>
                <dt>{o.amount}</dt>
                <dd>{money(offer.amount)}</dd>
              </div>
              <div>
                <dt>{o.fee}</dt>
                <dd>{money(offer.fee)}</dd>
              </div>
              <div>
                <dt>{o.apr}</dt>
                <dd>{formatPercent(offer.apr)}</dd>
              </div>
              <div>
                <dt>{o.term}</dt>
                <dd>{o.months(offer.termMonths)}</dd>
              </div>
              <div>
                <dt>{o.repayment}</dt>
                <dd>{strings.repayment[offer.repaymentStyle]}</dd>
              </div>
              <div>
                <dt>{t.expires}</dt>
                <dd>{expired ? t.expired : formatDateTime(offer.expiresAt)}</dd>
              </div>
            </dl>
            {open &&
              !expired &&
              (confirming === offer.id ? (
                <Confirm
                  message={t.acceptConfirm(money(offer.amount))}
                  confirmLabel={t.acceptYes}
                  cancelLabel={t.cancel}
                  busy={busy}
                  onConfirm={() =>
                    void onAct({ action: 'accept', offerId: offer.id }).finally(() => setConfirming(null))
                  }
                  onCancel={() => setConfirming(null)}
                />
              ) : (
                <button
                  type="button"
                  className="tl-primary"
                  disabled={busy}
                  onClick={() => setConfirming(offer.id)}
                >
                  {t.accept}
                </button>
              ))}
          </div>
        );
      })}
    </section>
  );
}
