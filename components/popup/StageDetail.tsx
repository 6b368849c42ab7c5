import type { StageDetail as Detail } from '../../lib/domain/application.ts';
import { formatDate } from './format.ts';
import { strings } from './strings.ts';

const t = strings.card;

/** Model-specific progress: the two reviews of a bank-partnered loan, or a P2P listing's funding. */
export function StageDetail({ detail }: { detail: Detail }) {
  const { bank, p2p } = detail;
  return (
    <>
      {bank && (
        <ol className="tl-stages" aria-label={t.bankStages}>
          <li aria-current={bank.stage === 'platform_review' ? 'step' : undefined}>
            {t.stage(t.platformReview, t.decision[bank.platformDecision])}
            {bank.stage === 'platform_review' && <span className="tl-badge">{t.currentStage}</span>}
          </li>
          <li aria-current={bank.stage === 'bank_review' ? 'step' : undefined}>
            {t.stage(t.bankReview(bank.bankName), t.decision[bank.bankDecision])}
            {bank.stage === 'bank_review' && <span className="tl-badge">{t.currentStage}</span>}
          </li>
        </ol>
      )}
      {p2p && (
        <div className="tl-block" data-testid="p2p-progress">
          <progress max={100} value={p2p.fundedPercent} aria-label={t.fundingProgress} />
          <p>
            <strong>{t.funded(Math.round(p2p.fundedPercent))}</strong>
            {strings.separator}
            {t.investors(p2p.investors)}
            {strings.separator}
            {t.listingEnds(formatDate(p2p.listingEndsAt))}
          </p>
        </div>
      )}
    </>
  );
}
