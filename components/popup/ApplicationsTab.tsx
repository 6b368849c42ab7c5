import { useCallback, useEffect, useRef, useState } from 'react';
import type { StoredApplication } from '../../lib/domain/application.ts';
import type { Load } from '../common/useLoad.ts';
import { ApplicationCard } from './ApplicationCard.tsx';
import type { ApplicationAction, PopupApi } from './api.ts';
import { strings } from './strings.ts';

const t = strings.applications;

export interface ApplicationsTabProps {
  loadApplications: PopupApi['loadApplications'];
  applicationAction: PopupApi['applicationAction'];
  checkNow: PopupApi['checkNow'];
  now: () => Date;
  /** Said once at the top, e.g. right after applying. */
  notice?: string | null;
  onShowOffers: () => void;
}

/** Every application, read fresh each time the tab opens; "Check now" asks the lenders right away. */
export function ApplicationsTab(props: ApplicationsTabProps) {
  const { loadApplications, applicationAction, checkNow, now, notice, onShowOffers } = props;
  const [apps, setApps] = useState<Load<StoredApplication[]>>({ state: 'loading' });
  const [checking, setChecking] = useState(false);
  const [checkResult, setCheckResult] = useState<{ ok: boolean; text: string } | null>(null);
  const live = useRef(true);
  const noticeRef = useRef<HTMLParagraphElement>(null);

  const reload = useCallback(async () => {
    try {
      const value = await loadApplications();
      if (live.current) setApps({ state: 'ready', value });
    } catch (error) {
      if (live.current) {
        setApps({ state: 'error', message: error instanceof Error ? error.message : String(error) });
      }
    }
  }, [loadApplications]);

  // Right after applying, focus goes to what happened (the sheet that had it is gone).
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  useEffect(() => {
    live.current = true;
    void reload();
    return () => {
      live.current = false;
    };
  }, [reload]);

  const check = async () => {
    setChecking(true);
    setCheckResult(null);
    try {
      const r = await checkNow();
      if (live.current) setCheckResult({ ok: true, text: t.checked(r.sent, r.polled) });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (live.current) setCheckResult({ ok: false, text: t.checkError(message) });
    }
    await reload();
    if (live.current) setChecking(false);
  };

  const act = useCallback(
    async (id: string, action: ApplicationAction) => {
      const updated = await applicationAction(id, action);
      if (live.current) {
        setApps((s) =>
          s.state === 'ready' ? { ...s, value: s.value.map((a) => (a.id === updated.id ? updated : a)) } : s,
        );
      }
      return updated;
    },
    [applicationAction],
  );

  const current = now();
  return (
    <section aria-label={t.label} aria-busy={apps.state === 'loading' || checking}>
      <div className="tl-toolbar">
        <button type="button" disabled={checking} onClick={() => void check()}>
          {checking ? t.checking : t.checkNow}
        </button>
      </div>
      {notice && (
        <p className="tl-success" role="status" ref={noticeRef} tabIndex={-1}>
          {notice}
        </p>
      )}
      {checkResult && (
        <p className={checkResult.ok ? 'tl-note' : 'tl-error'} role={checkResult.ok ? 'status' : 'alert'}>
          {checkResult.text}
        </p>
      )}
      {apps.state === 'loading' && <p aria-live="polite">{t.loading}</p>}
      {apps.state === 'error' && (
        <p className="tl-error" role="alert">
          {t.error(apps.message)}
        </p>
      )}
      {apps.state === 'ready' &&
        (apps.value.length === 0 ? (
          <div className="tl-empty">
            <p>{t.empty}</p>
            <button type="button" onClick={onShowOffers}>
              {t.seeOffers}
            </button>
          </div>
        ) : (
          apps.value.map((app) => (
            <ApplicationCard key={app.id} application={app} now={current} onAction={act} />
          ))
        ))}
    </section>
  );
}
