import { useId, useState } from 'react';
import type { ImportRecord } from '../../lib/domain/records.ts';
import type { Overview, ResponseOf } from '../../lib/messaging/protocol.ts';
import { useFirstDataMark } from '../common/marks.ts';
import type { Load } from '../common/useLoad.ts';
import { coverageMonths, coverageOf } from './coverage.ts';
import { ImportPanel, type ImportPanelProps } from './ImportPanel.tsx';
import { S } from './strings.ts';

export interface FormatLabel {
  id: string;
  label: string;
}

export interface SourcesSectionProps extends Omit<ImportPanelProps, 'onImported'> {
  imports: Load<ImportRecord[]>;
  /** Every format's id and label, to name a source's format. */
  formats: readonly FormatLabel[];
  removeImport: (importId: string) => Promise<ResponseOf<'removeImport'>>;
  /** Called after an import or a removal, to refresh everything the page shows. */
  onChanged: () => void;
  /** Files whose import was interrupted and undone (from the overview). */
  interrupted?: readonly Interrupted[];
  /** The seller read an interrupted import's notice. */
  dismissInterrupted?: (importId: string) => Promise<void>;
}

export type Interrupted = NonNullable<Overview['interrupted']>[number];

type Status = { kind: 'ok' | 'error' | 'busy'; text: string; more?: string } | null;

function sourceName(imp: ImportRecord): string {
  return imp.provenance.kind === 'file' ? imp.provenance.name : imp.provenance.url;
}

export function SourcesSection({
  imports,
  formats,
  removeImport,
  onChanged,
  interrupted = [],
  dismissInterrupted,
  ...importer
}: SourcesSectionProps) {
  const [confirming, setConfirming] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const labels = new Map(formats.map((f) => [f.id, f.label]));
  const list = imports.state === 'ready' ? imports.value : [];
  useFirstDataMark(imports.state === 'ready');

  const remove = async (imp: ImportRecord) => {
    const name = sourceName(imp);
    setConfirming(null);
    setStatus({ kind: 'busy', text: S.sources.removing });
    try {
      const result = await removeImport(imp.id);
      const names = result.reimport.map((id) => {
        const other = list.find((i) => i.id === id);
        return other ? sourceName(other) : id.slice(0, 12);
      });
      setStatus({
        kind: 'ok',
        text: S.sources.removed(name, result.removed),
        ...(names.length > 0 ? { more: S.sources.removedReimport(names.join(', ')) } : {}),
      });
      onChanged();
    } catch (error) {
      setStatus({
        kind: 'error',
        text: S.sources.removeFailed(error instanceof Error ? error.message : String(error)),
      });
    }
  };

  return (
    <section aria-labelledby="sources-heading">
      <h2 id="sources-heading">{S.sources.heading}</h2>
      {interrupted.map((notice) => (
        <p key={notice.importId} className="tl-error" role="alert" data-testid="import-interrupted">
          {S.sources.interrupted(notice.name)}{' '}
          {dismissInterrupted && (
            <button type="button" onClick={() => void dismissInterrupted(notice.importId).then(onChanged)}>
              {S.sources.dismiss}
            </button>
          )}
        </p>
      ))}
      {imports.state === 'loading' && <p>{S.loading}</p>}
      {imports.state === 'error' && (
        <p className="tl-error" role="alert">
          {S.sources.listFailed(imports.message)}
        </p>
      )}
      {imports.state === 'ready' &&
        (imports.value.length === 0 ? (
          <p className="tl-empty">
            <strong>{S.sources.emptyTitle}</strong> {S.sources.emptyBody}
          </p>
        ) : (
          <SourcesTable
            imports={imports.value}
            labels={labels}
            confirming={confirming}
            busy={status?.kind === 'busy'}
            onAskRemove={(id) => {
              setStatus(null);
              setConfirming(id);
            }}
            onCancelRemove={() => setConfirming(null)}
            onRemove={(imp) => void remove(imp)}
          />
        ))}
      {status && (
        <div
          className={status.kind === 'error' ? 'tl-error' : 'tl-ok'}
          role={status.kind === 'error' ? 'alert' : 'status'}
        >
          <p>{status.text}</p>
          {status.more && <p>{status.more}</p>}
        </div>
      )}
      <ImportPanel {...importer} onImported={onChanged} />
    </section>
  );
}

function SourcesTable({
  imports,
  labels,
  confirming,
  busy,
  onAskRemove,
  onCancelRemove,
  onRemove,
}: {
  imports: ImportRecord[];
  labels: ReadonlyMap<string, string>;
  confirming: string | null;
  busy: boolean;
  onAskRemove: (id: string) => void;
  onCancelRemove: () => void;
  onRemove: (imp: ImportRecord) => void;
}) {
  const months = coverageMonths(imports);
  const baseId = useId();
  return (
    <div className="tl-scroll">
      <table className="tl-sources">
        <thead>
          <tr>
            <th scope="col">{S.sources.columns.name}</th>
            <th scope="col">{S.sources.columns.format}</th>
            <th scope="col" className="num">
              {S.sources.columns.rows}
            </th>
            <th scope="col" className="num">
              {S.sources.columns.added}
            </th>
            <th scope="col">{S.sources.columns.period}</th>
            <th scope="col">
              {S.sources.columns.coverage}
              {months.length > 0 && (
                <span className="tl-hint"> ({S.range(months[0] ?? '', months.at(-1) ?? '')})</span>
              )}
            </th>
            <th scope="col">
              <span className="tl-visually-hidden">{S.sources.columns.actions}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {imports.map((imp) => {
            const name = sourceName(imp);
            const cells = coverageOf(imp, months);
            const withRecords = cells.filter((c) => c === 'records').length;
            const covered = cells.filter((c) => c !== 'none').length;
            const { periodStart, periodEnd } = imp.provenance;
            const nameId = `${baseId}-${imp.id}`;
            return (
              <tr key={imp.id}>
                <td id={nameId}>{name}</td>
                <td>{labels.get(imp.provenance.format) ?? imp.provenance.format}</td>
                <td className="num">{imp.provenance.rows.toLocaleString(S.locale)}</td>
                <td className="num">{imp.added.toLocaleString(S.locale)}</td>
                <td className="tl-nowrap">
                  {periodStart && periodEnd
                    ? S.range(periodStart, periodEnd)
                    : imp.months.length > 0
                      ? S.range(imp.months[0] ?? '', imp.months.at(-1) ?? '')
                      : S.dash}
                </td>
                <td>
                  <div
                    className="tl-months"
                    role="img"
                    aria-label={S.sources.coverageLabel(withRecords, covered)}
                    data-testid="coverage"
                    style={{ gridTemplateColumns: `repeat(${Math.max(months.length, 1)}, 8px)` }}
                  >
                    {cells.map((state, i) => (
                      <span
                        key={months[i]}
                        className={`tl-month tl-month-${state}`}
                        title={S.sources.coverageCell(months[i] ?? '', state)}
                      />
                    ))}
                  </div>
                </td>
                <td>
                  {confirming === imp.id ? (
                    <div role="alertdialog" aria-label={S.sources.removeLabel(name)} className="tl-confirm">
                      <p>{S.sources.removeConfirm(name, imp.added)}</p>
                      <button type="button" className="tl-danger" onClick={() => onRemove(imp)}>
                        {S.sources.removeYes}
                      </button>{' '}
                      <button type="button" onClick={onCancelRemove}>
                        {S.sources.removeNo}
                      </button>
                    </div>
                  ) : (
                    <button
                      type="button"
                      aria-describedby={nameId}
                      disabled={busy}
                      onClick={() => onAskRemove(imp.id)}
                    >
                      {S.sources.remove}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="tl-hint">{S.sources.coverageLegend}</p>
    </div>
  );
}
