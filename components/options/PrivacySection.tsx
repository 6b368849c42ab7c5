import { useId, useState } from 'react';
import type { ApplicationStatus, StoredApplication } from '../../lib/domain/application.ts';
import type { ResponseOf } from '../../lib/messaging/protocol.ts';
import type { Load } from '../common/useLoad.ts';
import { buildExport, exportFileName, type FetchExportPage } from './export-file.ts';
import { S } from './strings.ts';

export interface PrivacySectionProps {
  applications: Load<StoredApplication[]>;
  /** Withdraws the application and revokes its consent (`applicationAction` withdraw). */
  revokeConsent: (applicationId: string) => Promise<StoredApplication>;
  exportPage: FetchExportPage;
  /** Saves a file for the seller (an object URL and a download link in the page). */
  download: (file: Blob, fileName: string) => void;
  deleteAll: () => Promise<ResponseOf<'deleteAll'>>;
  /** Called after a consent was revoked, to list the applications again. */
  onConsentsChanged: () => void;
  /** Called after everything was deleted, to refresh everything the page shows. */
  onDeleted: () => void;
  now?: () => Date;
}

/** Money already lent: withdrawing is no longer possible through Tradeline. */
const FUNDED: readonly ApplicationStatus[] = ['funded', 'repaying', 'paid_off'];

type Status = { kind: 'ok' | 'error' | 'busy'; text: string } | null;

function when(iso: string): string {
  return iso.slice(0, 16).replace('T', ' ');
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function PrivacySection(props: PrivacySectionProps) {
  const { applications } = props;
  return (
    <section aria-labelledby="privacy-heading">
      <h2 id="privacy-heading">{S.privacy.heading}</h2>
      <p>{S.privacy.intro}</p>
      <h3>{S.privacy.consentsHeading}</h3>
      {applications.state === 'loading' && <p>{S.loading}</p>}
      {applications.state === 'error' && (
        <p className="tl-error" role="alert">
          {S.privacy.consentsFailed(applications.message)}
        </p>
      )}
      {applications.state === 'ready' &&
        (applications.value.length === 0 ? (
          <p className="tl-empty">{S.privacy.consentsEmpty}</p>
        ) : (
          <Consents
            apps={applications.value}
            revoke={props.revokeConsent}
            onChanged={props.onConsentsChanged}
          />
        ))}
      <ExportData
        exportPage={props.exportPage}
        download={props.download}
        now={props.now ?? (() => new Date())}
      />
      <DeleteData deleteAll={props.deleteAll} onChanged={props.onDeleted} />
    </section>
  );
}

function Consents({
  apps,
  revoke,
  onChanged,
}: {
  apps: StoredApplication[];
  revoke: (id: string) => Promise<StoredApplication>;
  onChanged: () => void;
}) {
  const [confirming, setConfirming] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const run = async (app: StoredApplication) => {
    setConfirming(null);
    setStatus({ kind: 'busy', text: S.privacy.revoking });
    try {
      await revoke(app.id);
      setStatus(null);
      onChanged();
    } catch (error) {
      setStatus({ kind: 'error', text: S.privacy.revokeFailed(message(error)) });
    }
  };
  return (
    <>
      <div className="tl-scroll">
        <table className="tl-consents">
          <thead>
            <tr>
              <th scope="col">{S.privacy.columns.recipient}</th>
              <th scope="col">{S.privacy.columns.purpose}</th>
              <th scope="col">{S.privacy.columns.fields}</th>
              <th scope="col">{S.privacy.columns.when}</th>
              <th scope="col">{S.privacy.columns.state}</th>
            </tr>
          </thead>
          <tbody>
            {apps.map((app) => {
              const { consent } = app;
              const name = consent.recipient.name;
              return (
                <tr key={app.id}>
                  <td>
                    {S.privacy.recipient(name, consent.recipient.provider)}
                    <br />
                    <span className="tl-hint tl-url">{consent.recipient.url}</span>
                  </td>
                  <td>{consent.purpose}</td>
                  <td>{consent.fields.map((f) => S.privacy.fields[f] ?? f).join(', ')}</td>
                  <td>{when(consent.consentAt)}</td>
                  <td>
                    {consent.revokedAt ? (
                      S.privacy.revokedOn(when(consent.revokedAt))
                    ) : FUNDED.includes(app.status) ? (
                      <>
                        {S.privacy.active}
                        <br />
                        <span className="tl-hint">{S.privacy.notRevocable}</span>
                      </>
                    ) : confirming === app.id ? (
                      <div role="alertdialog" aria-label={S.privacy.revokeLabel(name)} className="tl-confirm">
                        <p>{S.privacy.revokeConfirm(name)}</p>
                        <button type="button" className="tl-danger" onClick={() => void run(app)}>
                          {S.privacy.revokeYes}
                        </button>{' '}
                        <button type="button" onClick={() => setConfirming(null)}>
                          {S.privacy.revokeNo}
                        </button>
                      </div>
                    ) : (
                      <>
                        {S.privacy.active}{' '}
                        <button
                          type="button"
                          aria-label={S.privacy.revokeLabel(name)}
                          disabled={status?.kind === 'busy'}
                          onClick={() => {
                            setStatus(null);
                            setConfirming(app.id);
                          }}
                        >
                          {S.privacy.revoke}
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {status && (
        <p
          className={status.kind === 'error' ? 'tl-error' : ''}
          role={status.kind === 'error' ? 'alert' : 'status'}
        >
          {status.text}
        </p>
      )}
    </>
  );
}

function ExportData({
  exportPage,
  download,
  now,
}: {
  exportPage: FetchExportPage;
  download: (file: Blob, fileName: string) => void;
  now: () => Date;
}) {
  const [status, setStatus] = useState<Status>(null);
  const run = async () => {
    setStatus({ kind: 'busy', text: S.privacy.exporting(0) });
    try {
      const at = now();
      const file = await buildExport(exportPage, at, (records) =>
        setStatus({ kind: 'busy', text: S.privacy.exporting(records) }),
      );
      const name = exportFileName(at);
      download(file, name);
      setStatus({ kind: 'ok', text: S.privacy.exported(name) });
    } catch (error) {
      setStatus({ kind: 'error', text: S.privacy.exportFailed(message(error)) });
    }
  };
  return (
    <>
      <h3>{S.privacy.exportHeading}</h3>
      <p>{S.privacy.exportIntro}</p>
      <button type="button" disabled={status?.kind === 'busy'} onClick={() => void run()}>
        {S.privacy.exportButton}
      </button>{' '}
      {status && (
        <output className={status.kind === 'error' ? 'tl-error' : ''} aria-live="polite">
          {status.text}
        </output>
      )}
    </>
  );
}

function DeleteData({
  deleteAll,
  onChanged,
}: {
  deleteAll: () => Promise<ResponseOf<'deleteAll'>>;
  onChanged: () => void;
}) {
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [status, setStatus] = useState<Status>(null);
  const inputId = useId();
  const run = async () => {
    setStatus({ kind: 'busy', text: S.privacy.deleting });
    try {
      await deleteAll();
      setOpen(false);
      setTyped('');
      setStatus({ kind: 'ok', text: S.privacy.deleted });
      onChanged();
    } catch (error) {
      setStatus({ kind: 'error', text: S.privacy.deleteFailed(message(error)) });
    }
  };
  return (
    <>
      <h3>{S.privacy.deleteHeading}</h3>
      <p>{S.privacy.deleteIntro}</p>
      {open ? (
        <form
          className="tl-confirm"
          onSubmit={(event) => {
            event.preventDefault();
            if (typed === S.privacy.deleteWord) void run();
          }}
        >
          <label htmlFor={inputId}>{S.privacy.deleteTypeLabel}</label>{' '}
          <input
            id={inputId}
            value={typed}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => setTyped(event.target.value)}
          />{' '}
          <button
            type="submit"
            className="tl-danger"
            disabled={typed !== S.privacy.deleteWord || status?.kind === 'busy'}
          >
            {S.privacy.deleteConfirm}
          </button>{' '}
          <button
            type="button"
            onClick={() => {
              setOpen(false);
              setTyped('');
            }}
          >
            {S.privacy.deleteCancel}
          </button>
        </form>
      ) : (
        <button
          type="button"
          className="tl-danger"
          onClick={() => {
            setStatus(null);
            setOpen(true);
          }}
        >
          {S.privacy.deleteButton}
        </button>
      )}
      {status && (
        <p
          className={status.kind === 'error' ? 'tl-error' : 'tl-ok'}
          role={status.kind === 'error' ? 'alert' : 'status'}
        >
          {status.text}
        </p>
      )}
    </>
  );
}
