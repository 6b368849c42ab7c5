import { useId, useState } from 'react';
import type { Settings } from '../../lib/domain/records.ts';
import type { ResponseOf } from '../../lib/messaging/protocol.ts';
import type { Load } from '../common/useLoad.ts';
import { S } from './strings.ts';

export type Quarantined = ResponseOf<'listQuarantine'>[number];

const KEEP_MONTHS = [12, 24, 36, 60] as const;
const IDLE_DAYS = [30, 90, 180, 365] as const;

export interface DataCareSectionProps {
  settings: Settings;
  onSave: (settings: Settings) => Promise<void>;
  quarantine: Load<Quarantined[]>;
}

/** Retention settings, the privacy policy links and the values set aside as damaged. */
export function DataCareSection({ settings, onSave, quarantine }: DataCareSectionProps) {
  const keepId = useId();
  const idleId = useId();
  const headingId = useId();
  const [keepMonths, setKeepMonths] = useState<number | null>(settings.retention?.keepMonths ?? null);
  const [idleDays, setIdleDays] = useState<number | null>(settings.retention?.deleteAfterIdleDays ?? null);
  const [status, setStatus] = useState('');
  const save = () => {
    setStatus(S.dataCare.saving);
    onSave({ ...settings, retention: { keepMonths, deleteAfterIdleDays: idleDays } }).then(
      () => setStatus(S.dataCare.saved),
      (error: unknown) =>
        setStatus(S.dataCare.notSaved(error instanceof Error ? error.message : String(error))),
    );
  };
  const damaged = quarantine.state === 'ready' ? quarantine.value : [];
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{S.dataCare.heading}</h2>
      <p className="tl-row">
        <label htmlFor={keepId}>{S.dataCare.keepLabel}</label>{' '}
        <select
          id={keepId}
          value={keepMonths ?? ''}
          onChange={(e) => setKeepMonths(e.target.value === '' ? null : Number(e.target.value))}
        >
          <option value="">{S.dataCare.keepForever}</option>
          {KEEP_MONTHS.map((n) => (
            <option key={n} value={n}>
              {S.dataCare.months(n)}
            </option>
          ))}
        </select>
      </p>
      <p className="tl-row">
        <label htmlFor={idleId}>{S.dataCare.idleLabel}</label>{' '}
        <select
          id={idleId}
          value={idleDays ?? ''}
          onChange={(e) => setIdleDays(e.target.value === '' ? null : Number(e.target.value))}
        >
          <option value="">{S.dataCare.idleNever}</option>
          {IDLE_DAYS.map((n) => (
            <option key={n} value={n}>
              {S.dataCare.days(n)}
            </option>
          ))}
        </select>
      </p>
      <p className="tl-note">{S.dataCare.note}</p>
      <button type="button" onClick={save}>
        {S.dataCare.save}
      </button>{' '}
      <span role="status">{status}</span>
      <p>
        <a href="privacy.html?lang=en" target="_blank" rel="noopener">
          {S.dataCare.policy}
        </a>{' '}
        ·{' '}
        <a href="privacy.html?lang=zh_CN" target="_blank" rel="noopener" lang="zh-CN">
          {S.dataCare.policyZh}
        </a>
      </p>
      {damaged.length > 0 && (
        <div role="alert">
          <h3>{S.dataCare.damagedHeading(damaged.length)}</h3>
          <p className="tl-note">{S.dataCare.damagedNote}</p>
          <table>
            <thead>
              <tr>
                <th scope="col">{S.dataCare.store}</th>
                <th scope="col">{S.dataCare.key}</th>
                <th scope="col">{S.dataCare.problem}</th>
                <th scope="col">{S.dataCare.when}</th>
              </tr>
            </thead>
            <tbody>
              {damaged.map((q) => (
                <tr key={q.id}>
                  <td>{q.store}</td>
                  <td>{q.key}</td>
                  <td>{q.problem}</td>
                  <td>{q.quarantinedAt.slice(0, 16).replace('T', ' ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
