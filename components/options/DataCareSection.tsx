import { useId, useState } from 'react';
import type { Settings } from '../../lib/domain/records.ts';
import type { ResponseOf } from '../../lib/messaging/protocol.ts';
import type { Load } from '../common/useLoad.ts';

export type Quarantined = ResponseOf<'listQuarantine'>[number];

// Kept here (not in strings.ts) while the strings are being translated; to be moved there.
const T = {
  heading: 'Data retention and health',
  keepLabel: 'Keep imported records for',
  keepForever: 'as long as I keep them',
  months: (n: number) => `${n} months`,
  idleLabel: 'Delete everything after',
  idleNever: 'never',
  days: (n: number) => `${n} days without opening Tradeline`,
  note: 'Checked every half minute while the browser runs. Deleted data cannot be recovered: export it first if you may need it.',
  save: 'Save retention',
  saving: 'Saving…',
  saved: 'Saved.',
  notSaved: (m: string) => `Not saved: ${m}`,
  policy: 'Privacy policy: what Tradeline reads, stores and sends',
  policyZh: '隐私政策（中文）',
  damagedHeading: (n: number) => `${n} damaged ${n === 1 ? 'value was' : 'values were'} set aside`,
  damagedNote:
    'These stored values could not be read back, so Tradeline set them aside instead of using them. They are kept in the export. Deleting everything removes them; importing the affected files again restores what they held.',
  store: 'Where',
  key: 'Which',
  problem: 'What was wrong',
  when: 'When',
};

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
    setStatus(T.saving);
    onSave({ ...settings, retention: { keepMonths, deleteAfterIdleDays: idleDays } }).then(
      () => setStatus(T.saved),
      (error: unknown) => setStatus(T.notSaved(error instanceof Error ? error.message : String(error))),
    );
  };
  const damaged = quarantine.state === 'ready' ? quarantine.value : [];
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{T.heading}</h2>
      <p className="tl-row">
        <label htmlFor={keepId}>{T.keepLabel}</label>{' '}
        <select
          id={keepId}
          value={keepMonths ?? ''}
          onChange={(e) => setKeepMonths(e.target.value === '' ? null : Number(e.target.value))}
        >
          <option value="">{T.keepForever}</option>
          {KEEP_MONTHS.map((n) => (
            <option key={n} value={n}>
              {T.months(n)}
            </option>
          ))}
        </select>
      </p>
      <p className="tl-row">
        <label htmlFor={idleId}>{T.idleLabel}</label>{' '}
        <select
          id={idleId}
          value={idleDays ?? ''}
          onChange={(e) => setIdleDays(e.target.value === '' ? null : Number(e.target.value))}
        >
          <option value="">{T.idleNever}</option>
          {IDLE_DAYS.map((n) => (
            <option key={n} value={n}>
              {T.days(n)}
            </option>
          ))}
        </select>
      </p>
      <p className="tl-note">{T.note}</p>
      <button type="button" onClick={save}>
        {T.save}
      </button>{' '}
      <span role="status">{status}</span>
      <p>
        <a href="privacy.html?lang=en" target="_blank" rel="noopener">
          {T.policy}
        </a>{' '}
        ·{' '}
        <a href="privacy.html?lang=zh_CN" target="_blank" rel="noopener" lang="zh-CN">
          {T.policyZh}
        </a>
      </p>
      {damaged.length > 0 && (
        <div role="alert">
          <h3>{T.damagedHeading(damaged.length)}</h3>
          <p className="tl-note">{T.damagedNote}</p>
          <table>
            <thead>
              <tr>
                <th scope="col">{T.store}</th>
                <th scope="col">{T.key}</th>
                <th scope="col">{T.problem}</th>
                <th scope="col">{T.when}</th>
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
