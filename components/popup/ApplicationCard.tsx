import { useState } from 'react';
import type { ApplicationStatus, StoredApplication } from '../../lib/domain/application.ts';
import type { ApplicationAction } from './api.ts';
import { Confirm } from './Confirm.tsx';
import { formatDate, formatDateTime } from './format.ts';
import { InfoRequests } from './InfoRequests.tsx';
import { LenderOffers } from './LenderOffers.tsx';
import { StageDetail } from './StageDetail.tsx';
import { strings } from './strings.ts';

const t = strings.card;

/** Statuses from which the seller can still withdraw (before the money moves, or while it is listed). */
const WITHDRAWABLE: ReadonlySet<ApplicationStatus> = new Set([
  'draft',
  'queued',
  'submitted',
  'in_review',
  'bank_review',
  'info_requested',
  'offer',
  'counter_offer',
  'listed',
  'funding',
]);

export interface ApplicationCardProps {
  application: StoredApplication;
  now: Date;
  /** Runs an action on this application; resolves to the updated application. */
  onAction: (id: string, action: ApplicationAction) => Promise<StoredApplication>;
}

/** One application: status, what the lender needs, offers to accept, the timeline, withdraw. */
export function ApplicationCard({ application: app, now, onAction }: ApplicationCardProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirmWithdraw, setConfirmWithdraw] = useState(false);
  const headingId = `app-${app.id.replace(/[^\w-]/g, '_')}`;

  const act = async (action: ApplicationAction): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await onAction(app.id, action);
      return true;
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return false;
    } finally {
      setBusy(false);
    }
  };

  return (
    <article className="tl-card" aria-labelledby={headingId} data-testid={`application-${app.channelId}`}>
      <header className="tl-card-head">
        <h3 id={headingId}>{app.channelName}</h3>
        <span className={`tl-status tl-status-${app.status}`} data-testid="application-status">
          {strings.status[app.status]}
        </span>
      </header>
      <p className="tl-note">
        {strings.models[app.model]}
        {strings.separator}
        {t.appliedOn(formatDate(app.createdAt))}
      </p>
      <OutboxNotice app={app} />
      <StageDetail detail={app.detail} />
      {app.status === 'declined' && ((app.declineReasons?.length ?? 0) > 0 || app.reapplyAfter) && (
        <section className="tl-block">
          <h4>{t.declinedHeading}</h4>
          <ul>
            {app.declineReasons?.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
          {app.reapplyAfter && <p>{t.reapplyAfter(formatDate(app.reapplyAfter))}</p>}
        </section>
      )}
      {app.outbox.state === 'manual' && <OwnUpdate busy={busy} onAct={act} />}
      <InfoRequests requests={app.requests} busy={busy} onAct={act} />
      <LenderOffers offers={app.offers} status={app.status} now={now} busy={busy} onAct={act} />
      {error && (
        <p className="tl-error" role="alert">
          {t.actionError(error)}
        </p>
      )}
      <details className="tl-timeline">
        <summary>{t.timeline(app.events.length)}</summary>
        <ol>
          {app.events.map((e, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the timeline only ever grows at its end.
            <li key={`${e.at}-${i}`}>
              <time dateTime={e.at}>{formatDateTime(e.at)}</time>
              {strings.separator}
              {strings.status[e.status]} <span className="tl-note">{t.by(t.source[e.source])}</span>
              {e.note && <div>{e.note}</div>}
            </li>
          ))}
        </ol>
      </details>
      {WITHDRAWABLE.has(app.status) &&
        (confirmWithdraw ? (
          <Confirm
            message={t.withdrawConfirm(app.channelName)}
            confirmLabel={t.withdrawYes}
            cancelLabel={t.keep}
            busy={busy}
            onConfirm={() => void act({ action: 'withdraw' }).then(() => setConfirmWithdraw(false))}
            onCancel={() => setConfirmWithdraw(false)}
          />
        ) : (
          <p className="tl-actions">
            <button type="button" disabled={busy} onClick={() => setConfirmWithdraw(true)}>
              {t.withdraw}
            </button>
          </p>
        ))}
    </article>
  );
}

/** Where the application is on its way out, said plainly when something needs attention. */
function OutboxNotice({ app }: { app: StoredApplication }) {
  const { outbox } = app;
  if (outbox.state === 'failed') {
    if (app.status === 'withdrawn') return null;
    return (
      <p className="tl-error" role="alert">
        {t.failed(outbox.lastError?.message ?? strings.status[app.status])}
      </p>
    );
  }
  if (outbox.state === 'queued') {
    return (
      <p className={outbox.attempts > 0 ? 'tl-warning' : 'tl-note'} role="status">
        {outbox.attempts > 0 ? t.retrying(outbox.attempts, outbox.lastError?.message) : t.queued}
      </p>
    );
  }
  if (outbox.state === 'sending') return <p className="tl-note">{t.sending}</p>;
  if (outbox.state === 'manual') return <p className="tl-note">{t.manual}</p>;
  return null;
}

const OWN_STATUSES = ['submitted', 'in_review', 'offer', 'accepted', 'funded', 'declined'] as const;

/** For link-out applications: the seller records what the provider said. */
function OwnUpdate({ busy, onAct }: { busy: boolean; onAct: (a: ApplicationAction) => Promise<boolean> }) {
  const [status, setStatus] = useState<(typeof OWN_STATUSES)[number]>('submitted');
  const [note, setNote] = useState('');
  return (
    <form
      className="tl-block"
      onSubmit={(e) => {
        e.preventDefault();
        void onAct({ action: 'update', status, note }).then((ok) => ok && setNote(''));
      }}
    >
      <h4>{t.recordHeading}</h4>
      <label>
        {t.recordStatus}{' '}
        <select value={status} onChange={(e) => setStatus(e.target.value as (typeof OWN_STATUSES)[number])}>
          {OWN_STATUSES.map((s) => (
            <option key={s} value={s}>
              {strings.status[s]}
            </option>
          ))}
        </select>
      </label>{' '}
      <label>
        {t.recordNote} <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
      </label>{' '}
      <button type="submit" disabled={busy}>
        {t.record}
      </button>
    </form>
  );
}
