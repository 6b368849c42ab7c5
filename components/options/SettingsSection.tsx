import { useEffect, useId, useState } from 'react';
import type { Settings } from '../../lib/domain/records.ts';
import {
  BUSINESS_FIELDS,
  type BusinessCheck,
  type BusinessDraft,
  type BusinessField,
  businessFrom,
  draftFrom,
  fieldError,
  loadBusinessCheck,
  loadedBusinessCheck,
  NEEDED,
} from './business.ts';
import { S } from './strings.ts';

export const REPORTING_CURRENCIES = ['USD', 'EUR', 'GBP', 'CNY', 'CAD', 'AUD', 'JPY', 'HKD'] as const;
const LANGUAGES = ['auto', 'en', 'zh_CN'] as const;

export interface SettingsSectionProps {
  settings: Settings;
  onSave: (settings: Settings) => Promise<void>;
  /**
   * False until the page's first data has shown (the options page: its sources list): the business
   * form's check is loaded only then, once the page is idle. Default true.
   */
  loadCheck?: boolean;
}

type FormProps = Omit<SettingsSectionProps, 'loadCheck'>;

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function SettingsSection({ settings, onSave, loadCheck = true }: SettingsSectionProps) {
  const [status, setStatus] = useState('');
  const currencyId = useId();
  const languageId = useId();
  const save = (next: Settings) => {
    setStatus(S.settings.saving);
    onSave(next).then(
      () => setStatus(S.settings.saved),
      (error: unknown) => setStatus(S.settings.notSaved(message(error))),
    );
  };
  const currencies: readonly string[] = REPORTING_CURRENCIES.includes(
    settings.reportingCurrency as (typeof REPORTING_CURRENCIES)[number],
  )
    ? REPORTING_CURRENCIES
    : [settings.reportingCurrency, ...REPORTING_CURRENCIES];
  return (
    <>
      <p className="tl-row">
        <label htmlFor={currencyId}>{S.settings.currency}</label>{' '}
        <select
          id={currencyId}
          value={settings.reportingCurrency}
          onChange={(e) => save({ ...settings, reportingCurrency: e.target.value })}
        >
          {currencies.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </p>
      <p className="tl-row">
        <label htmlFor={languageId}>{S.settings.language}</label>{' '}
        <select
          id={languageId}
          value={settings.language}
          onChange={(e) => save({ ...settings, language: e.target.value as Settings['language'] })}
        >
          {LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {S.settings.languages[l]}
            </option>
          ))}
        </select>{' '}
        <span className="tl-hint">{S.settings.languageNote}</span>
      </p>
      <output aria-live="polite">{status}</output>
      <BusinessForm settings={settings} onSave={onSave} loadCheck={loadCheck} />
    </>
  );
}

/**
 * The form once its field check (zod and the application schemas) is loaded. It is asked for once
 * the page's first data has shown and the page is idle, so that evaluating zod does not delay
 * that data (issue 10).
 */
function BusinessForm({ loadCheck, ...props }: FormProps & { loadCheck: boolean }) {
  const [check, setCheck] = useState(loadedBusinessCheck);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    if (check || !loadCheck) return;
    let live = true;
    const load = () =>
      void loadBusinessCheck().then(
        (loaded) => live && setCheck(() => loaded),
        (error: unknown) => live && setFailed(message(error)),
      );
    const idle = typeof requestIdleCallback === 'function';
    const handle = idle ? requestIdleCallback(load, { timeout: 1000 }) : window.setTimeout(load, 0);
    return () => {
      live = false;
      if (idle) cancelIdleCallback(handle);
      else window.clearTimeout(handle);
    };
  }, [check, loadCheck]);
  if (failed !== null) {
    return (
      <p className="tl-error" role="alert">
        {S.settings.loadFailed(failed)}
      </p>
    );
  }
  if (!check) return <p>{S.loading}</p>;
  return <CheckedBusinessForm {...props} check={check} />;
}

function CheckedBusinessForm({ settings, onSave, check }: FormProps & { check: BusinessCheck }) {
  const [draft, setDraft] = useState<BusinessDraft>(() => draftFrom(settings.business));
  const [touched, setTouched] = useState<ReadonlySet<BusinessField>>(new Set());
  const [status, setStatus] = useState('');
  const baseId = useId();
  const errors = new Map<BusinessField, string>();
  for (const field of BUSINESS_FIELDS) {
    const error = fieldError(check, field, draft[field]);
    if (error) errors.set(field, error);
  }
  const change = (field: BusinessField, text: string) => {
    setDraft((d) => ({ ...d, [field]: field === 'country' ? text.toUpperCase() : text }));
    setTouched((t) => new Set(t).add(field));
    setStatus('');
  };
  return (
    <form
      className="tl-business"
      aria-labelledby={`${baseId}-heading`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (errors.size > 0) {
          setStatus(S.settings.fixFirst);
          return;
        }
        const business = businessFrom(check, draft);
        const { business: _old, ...rest } = settings;
        setStatus(S.settings.saving);
        onSave(business ? { ...rest, business } : rest).then(
          () => setStatus(S.settings.saved),
          (error: unknown) => setStatus(S.settings.notSaved(message(error))),
        );
      }}
    >
      <h3 id={`${baseId}-heading`}>{S.settings.businessHeading}</h3>
      <p>{S.settings.businessIntro}</p>
      {BUSINESS_FIELDS.map((field) => {
        const id = `${baseId}-${field}`;
        const error = errors.get(field);
        const needed = !error && touched.has(field) && draft[field].trim() === '' && NEEDED.has(field);
        const note = error ?? (needed ? S.settings.errors.required : null);
        return (
          <p key={field} className="tl-field">
            <label htmlFor={id}>{S.settings.business[field]}</label>
            <input
              id={id}
              name={field}
              value={draft[field]}
              type={field === 'contactEmail' ? 'email' : field === 'contactPhone' ? 'tel' : 'text'}
              inputMode={field === 'yearsTrading' ? 'decimal' : undefined}
              maxLength={field === 'country' ? 2 : undefined}
              autoComplete={AUTOCOMPLETE[field]}
              aria-invalid={error ? true : undefined}
              aria-describedby={note ? `${id}-note` : undefined}
              onChange={(event) => change(field, event.target.value)}
            />
            {note && (
              <span id={`${id}-note`} className={error ? 'tl-field-error' : 'tl-hint'}>
                {note}
              </span>
            )}
          </p>
        );
      })}
      <p>
        <button type="submit" className="tl-primary">
          {S.settings.saveBusiness}
        </button>{' '}
        <output aria-live="polite">{status}</output>
      </p>
    </form>
  );
}

const AUTOCOMPLETE: Record<BusinessField, string> = {
  legalName: 'organization',
  registrationNumber: 'off',
  country: 'country',
  yearsTrading: 'off',
  contactName: 'name',
  contactEmail: 'email',
  contactPhone: 'tel',
};
