import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { StoredApplication } from '../../lib/domain/application.ts';
import type { Load } from '../common/useLoad.ts';
import type { PopupApi, Preview } from './api.ts';
import { ConsentSheet } from './ConsentSheet.tsx';
import { strings } from './strings.ts';

const t = strings.consent;

export interface ConsentReviewProps {
  channelIds: string[];
  previewApplication: PopupApi['previewApplication'];
  apply: PopupApi['apply'];
  /** Called once per review: every agree press of this review carries the same submission id. */
  newSubmissionId: () => string;
  onOpenOptions: () => void;
  onBack: () => void;
  onApplied: (applications: StoredApplication[]) => void;
}

/**
 * The consent step: one sheet per chosen lender, the purpose the seller writes, and one explicit
 * agreement. Nothing is sent before "I agree"; a second press (or a double click) never applies twice.
 */
export function ConsentReview(props: ConsentReviewProps) {
  const { channelIds, previewApplication, apply, onOpenOptions, onBack, onApplied } = props;
  const [submissionId] = useState(props.newSubmissionId);
  const [purpose, setPurpose] = useState<string>(t.defaultPurpose);
  const [shownPurpose, setShownPurpose] = useState<string>(t.defaultPurpose);
  const [sheets, setSheets] = useState<Load<Preview[]>>({ state: 'loading' });
  const [sending, setSending] = useState(false);
  const [applyError, setApplyError] = useState<string | null>(null);
  const sendingRef = useRef(false);
  const requestRef = useRef(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const ids = { heading: useId(), purpose: useId(), purposeHint: useId(), blocked: useId() };

  const load = useCallback(
    (forPurpose: string) => {
      const request = ++requestRef.current;
      setSheets({ state: 'loading' });
      setShownPurpose(forPurpose);
      previewApplication({ channelIds, purpose: forPurpose }).then(
        (value) => request === requestRef.current && setSheets({ state: 'ready', value }),
        (error: unknown) =>
          request === requestRef.current &&
          setSheets({ state: 'error', message: error instanceof Error ? error.message : String(error) }),
      );
    },
    [channelIds, previewApplication],
  );

  useEffect(() => {
    load(t.defaultPurpose);
    headingRef.current?.focus();
  }, [load]);

  const trimmed = purpose.trim();
  const stale = trimmed !== shownPurpose;
  const refresh = () => {
    if (trimmed && stale) load(trimmed);
  };
  const missing = sheets.state === 'ready' && sheets.value.some((p) => p.missing.length > 0);
  const canAgree = sheets.state === 'ready' && !missing && trimmed !== '' && !stale && !sending;

  const agree = () => {
    if (!canAgree || sendingRef.current) return;
    sendingRef.current = true;
    setSending(true);
    setApplyError(null);
    apply({ channelIds, purpose: shownPurpose, submissionId }).then(onApplied, (error: unknown) => {
      sendingRef.current = false;
      setSending(false);
      setApplyError(error instanceof Error ? error.message : String(error));
    });
  };

  return (
    <section className="tl-consent" aria-labelledby={ids.heading}>
      <h2 id={ids.heading} ref={headingRef} tabIndex={-1}>
        {t.heading}
      </h2>
      <p>{t.intro(channelIds.length)}</p>
      <div className="tl-stack">
        <label htmlFor={ids.purpose}>{t.purposeLabel}</label>
        <input
          id={ids.purpose}
          type="text"
          value={purpose}
          maxLength={500}
          aria-describedby={ids.purposeHint}
          onChange={(e) => setPurpose(e.target.value)}
          onBlur={refresh}
          onKeyDown={(e) => {
            if (e.key === 'Enter') refresh();
          }}
        />
        <span id={ids.purposeHint} className="tl-note">
          {trimmed === '' ? t.purposeEmpty : stale ? t.purposeChanged : t.purposeHint}
        </span>
        {trimmed !== '' && stale && (
          <button type="button" onClick={refresh}>
            {t.updateSheets}
          </button>
        )}
      </div>
      {sheets.state === 'loading' && <p aria-live="polite">{t.loading}</p>}
      {sheets.state === 'error' && (
        <div className="tl-error" role="alert">
          <p>{t.error(sheets.message)}</p>
          <button type="button" onClick={() => load(shownPurpose)}>
            {t.retry}
          </button>
        </div>
      )}
      {missing && (
        <div id={ids.blocked} className="tl-warning" role="status">
          <p>
            <strong>{t.agreeBlocked}</strong> {t.missingHelp}
          </p>
          <div className="tl-actions">
            <button type="button" onClick={onOpenOptions}>
              {t.openOptions}
            </button>
            <button type="button" onClick={() => load(shownPurpose)}>
              {t.checkAgain}
            </button>
          </div>
        </div>
      )}
      {sheets.state === 'ready' && sheets.value.map((p) => <ConsentSheet key={p.channelId} preview={p} />)}
      {applyError && (
        <p className="tl-error" role="alert">
          {t.applyError(applyError)}
        </p>
      )}
      <div className="tl-actions tl-sticky">
        <button
          type="button"
          className="tl-primary"
          disabled={!canAgree}
          aria-describedby={missing ? ids.blocked : undefined}
          onClick={agree}
        >
          {sending ? t.sending : t.agree(channelIds.length)}
        </button>
        <button type="button" onClick={onBack} disabled={sending}>
          {t.back}
        </button>
      </div>
    </section>
  );
}
