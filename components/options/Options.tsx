import { useState } from 'react';
import type { ImportRecord, Settings } from '../../lib/domain/records.ts';
import type { Overview } from '../../lib/messaging/protocol.ts';
import { useLoad } from '../common/useLoad.ts';

export interface OptionsProps {
  loadOverview: () => Promise<Overview>;
  loadImports: () => Promise<ImportRecord[]>;
  saveSettings: (settings: Settings) => Promise<Settings>;
}

const REPORTING_CURRENCIES = ['USD', 'EUR', 'GBP', 'CNY', 'CAD', 'AUD', 'JPY', 'HKD'] as const;

export function Options({ loadOverview, loadImports, saveSettings }: OptionsProps) {
  const [imports] = useLoad(loadImports);
  const [overview, reloadOverview] = useLoad(loadOverview);
  return (
    <main className="tl-options">
      <h1>Tradeline</h1>
      <section aria-labelledby="sources-heading">
        <h2 id="sources-heading">Sources</h2>
        {imports.state === 'loading' && <p>Loading…</p>}
        {imports.state === 'error' && (
          <p className="tl-error" role="alert">
            Could not list your imports: {imports.message}
          </p>
        )}
        {imports.state === 'ready' &&
          (imports.value.length === 0 ? (
            <p className="tl-empty">
              <strong>Nothing imported yet.</strong> Export a report from your seller dashboard (Amazon:
              Reports → Payments → Settlements; Shopify: Orders → Export; PayPal: Activity → Download) and
              import it here. Files are read in this browser and never uploaded.
            </p>
          ) : (
            <ImportsTable imports={imports.value} />
          ))}
      </section>
      <section aria-labelledby="settings-heading">
        <h2 id="settings-heading">Settings</h2>
        {overview.state === 'ready' && (
          <SettingsForm
            settings={overview.value.settings}
            onSave={async (s) => {
              await saveSettings(s);
              reloadOverview();
            }}
          />
        )}
      </section>
    </main>
  );
}

function ImportsTable({ imports }: { imports: ImportRecord[] }) {
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">File or page</th>
          <th scope="col">Format</th>
          <th scope="col" className="num">
            Rows
          </th>
          <th scope="col" className="num">
            Records added
          </th>
          <th scope="col">Months</th>
        </tr>
      </thead>
      <tbody>
        {imports.map((i) => (
          <tr key={i.id}>
            <td>{i.provenance.kind === 'file' ? i.provenance.name : i.provenance.url}</td>
            <td>{i.provenance.format}</td>
            <td className="num">{i.provenance.rows}</td>
            <td className="num">{i.added}</td>
            <td>{i.months.length > 0 ? `${i.months[0]} – ${i.months.at(-1)}` : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function SettingsForm({
  settings,
  onSave,
}: {
  settings: Settings;
  onSave: (settings: Settings) => Promise<void>;
}) {
  const [status, setStatus] = useState<string>('');
  return (
    <label>
      Reporting currency{' '}
      <select
        value={settings.reportingCurrency}
        onChange={(e) => {
          setStatus('Saving…');
          onSave({ ...settings, reportingCurrency: e.target.value }).then(
            () => setStatus('Saved.'),
            (error: unknown) => setStatus(`Not saved: ${String(error)}`),
          );
        }}
      >
        {REPORTING_CURRENCIES.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>{' '}
      <output aria-live="polite">{status}</output>
    </label>
  );
}
