import { type DragEvent, useEffect, useId, useRef, useState } from 'react';
import type { FileProvenance } from '../../lib/domain/provenance.ts';
import type { LedgerEntry } from '../../lib/domain/records.ts';
import { formatMoney } from '../../lib/money/format.ts';
import type { FromWorker, ImportPreview, ImportWorker } from './import-session.ts';
import { S } from './strings.ts';

/**
 * Most records the worker stores in one transaction (one step of the storing progress bar).
 * 20,000 rather than 50,000: each batch leaves garbage V8 collects late, and a 103 MB import peaked
 * at 946-994 MB for the whole browser instead of 1,011-1,059 MB (two runs each, quiet machine),
 * storing no slower; 10,000 peaked no lower and stored a third slower.
 */
export const MAX_BATCH = 20_000;
const ISSUES_PER_PAGE = 200;

export interface ImportPanelProps {
  /** Starts a worker (one per file) that reads the file and, on Import, stores its records. */
  createWorker: () => ImportWorker;
  /** Called once records were stored, to refresh what the page shows. */
  onImported: () => void;
  /** Records per stored batch (at most MAX_BATCH). */
  batchSize?: number;
}

type Phase =
  | { phase: 'idle'; note?: string }
  | { phase: 'reading'; name: string; read: number; total: number; note?: string }
  | { phase: 'preview'; preview: ImportPreview }
  | { phase: 'storing'; preview: ImportPreview; sent: number; batches: number }
  | { phase: 'done'; message: string }
  | { phase: 'failed'; message: string };

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The provenance every batch of one file carries. */
export function provenanceOf(preview: ImportPreview): FileProvenance {
  return {
    kind: 'file',
    name: preview.fileName,
    size: preview.size,
    format: preview.format?.id ?? 'unknown',
    sha256: preview.sha256,
    rows: preview.rows,
    ...(preview.periodStart ? { periodStart: preview.periodStart } : {}),
    ...(preview.periodEnd ? { periodEnd: preview.periodEnd } : {}),
    readAt: preview.readAt,
  };
}

interface Waiting {
  resolve: (stored: { added: number; duplicates: number }) => void;
  reject: (error: Error) => void;
}

export function ImportPanel({ createWorker, onImported, batchSize = MAX_BATCH }: ImportPanelProps) {
  const [phase, setPhase] = useState<Phase>({ phase: 'idle' });
  const [dragging, setDragging] = useState(false);
  const worker = useRef<ImportWorker | null>(null);
  const waiting = useRef(new Map<number, Waiting>());
  const storingNow = useRef(false);
  const inputId = useId();

  const stop = () => {
    worker.current?.terminate();
    worker.current = null;
    waiting.current.clear();
  };
  // Leaving the page (or the component) ends the worker and drops what it read.
  useEffect(() => () => worker.current?.terminate(), []);

  const start = (file: File, note?: string) => {
    stop();
    const w = createWorker();
    worker.current = w;
    setPhase({ phase: 'reading', name: file.name, read: 0, total: file.size, ...(note ? { note } : {}) });
    w.listen((message: FromWorker) => {
      if (worker.current !== w) return;
      switch (message.type) {
        case 'progress':
          setPhase((p) => (p.phase === 'reading' ? { ...p, read: message.read, total: message.total } : p));
          return;
        case 'preview':
          setPhase({ phase: 'preview', preview: message.preview });
          return;
        case 'stored':
        case 'store-failed': {
          const wait = waiting.current.get(message.index);
          waiting.current.delete(message.index);
          if (message.type === 'stored') wait?.resolve(message);
          else
            wait?.reject(new Error(message.reason === 'changed' ? S.importer.fileChanged : message.detail));
          return;
        }
        case 'failed':
          for (const wait of waiting.current.values()) wait.reject(new Error(message.detail));
          stop();
          setPhase({
            phase: 'failed',
            message:
              message.reason === 'too-large' ? S.importer.tooLarge : S.importer.failedRead(message.detail),
          });
          return;
      }
    });
    w.post({ type: 'read', file, name: file.name });
  };

  const choose = (files: FileList | null) => {
    const first = files?.[0];
    if (!first) return;
    start(first, files.length > 1 ? S.importer.oneAtATime(first.name) : undefined);
  };

  const cancel = () => {
    stop();
    setPhase({ phase: 'idle' });
  };

  const store = async (preview: ImportPreview) => {
    const w = worker.current;
    const format = preview.format;
    if (!w || !format || storingNow.current) return;
    storingNow.current = true;
    const size = Math.max(1, Math.min(batchSize, MAX_BATCH));
    const batches = Math.ceil(preview.records / size);
    const provenance = provenanceOf(preview);
    let added = 0;
    let duplicates = 0;
    let sent = 0;
    try {
      for (let index = 0; index < batches; index++) {
        setPhase({ phase: 'storing', preview, sent, batches });
        // The worker stores the batch itself; only counts come back to the page.
        const result = await new Promise<{ added: number; duplicates: number }>((resolve, reject) => {
          waiting.current.set(index, { resolve, reject });
          w.post({ type: 'store', index, count: batches, size, provenance, platform: format.platform });
        });
        added += result.added;
        duplicates += result.duplicates;
        sent += 1;
      }
      stop();
      setPhase({ phase: 'done', message: S.importer.done(preview.fileName, added, duplicates) });
    } catch (error) {
      stop();
      setPhase({ phase: 'failed', message: S.importer.failedStore(errorText(error), sent) });
    }
    storingNow.current = false;
    if (sent > 0) onImported();
  };

  const busy = phase.phase === 'storing';
  const onDrop = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    setDragging(false);
    if (!busy) choose(event.dataTransfer.files);
  };

  return (
    <div className="tl-import">
      <h3>{S.importer.heading}</h3>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: the drop zone; the file input inside is the keyboard path. */}
      <div
        className={dragging ? 'tl-dropzone tl-dropzone-active' : 'tl-dropzone'}
        data-testid="dropzone"
        onDragOver={(event) => {
          event.preventDefault();
          if (!busy) setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p>
          <strong>{S.importer.drop}</strong> {S.importer.or}{' '}
          <label htmlFor={inputId} className="tl-file-button">
            {S.importer.choose}
          </label>
          <input
            id={inputId}
            type="file"
            className="tl-file-input"
            accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
            disabled={busy}
            onChange={(event) => {
              choose(event.target.files);
              event.target.value = '';
            }}
          />
        </p>
        <p className="tl-hint">{S.importer.hint}</p>
      </div>

      {phase.phase === 'reading' && (
        <div className="tl-reading">
          {phase.note && <p>{phase.note}</p>}
          <p>{S.importer.reading(phase.name)}</p>
          <progress aria-label={S.importer.progressLabel} value={phase.read} max={Math.max(phase.total, 1)} />{' '}
          <span data-testid="read-progress">{S.importer.progress(phase.read, phase.total)}</span>{' '}
          <button type="button" onClick={cancel}>
            {S.importer.cancel}
          </button>
        </div>
      )}

      {(phase.phase === 'preview' || phase.phase === 'storing') && (
        <PreviewView
          preview={phase.preview}
          storing={phase.phase === 'storing' ? { sent: phase.sent, batches: phase.batches } : null}
          onImport={() => void store(phase.preview)}
          onCancel={cancel}
        />
      )}

      {phase.phase === 'done' && (
        <p className="tl-ok" role="status">
          {phase.message}
        </p>
      )}
      {phase.phase === 'failed' && (
        <p className="tl-error" role="alert">
          {phase.message}
        </p>
      )}
    </div>
  );
}

function PreviewView({
  preview,
  storing,
  onImport,
  onCancel,
}: {
  preview: ImportPreview;
  storing: { sent: number; batches: number } | null;
  onImport: () => void;
  onCancel: () => void;
}) {
  if (!preview.format) {
    return (
      <section className="tl-preview" aria-label={S.importer.previewHeading(preview.fileName)}>
        <div className="tl-error" role="alert">
          <p>
            <strong>{S.importer.unknownTitle(preview.fileName)}</strong>
          </p>
          <p>{S.importer.unknownBody}</p>
          <ul data-testid="known-formats">
            {preview.knownFormats.map((label) => (
              <li key={label}>{label}</li>
            ))}
          </ul>
        </div>
        <button type="button" onClick={onCancel}>
          {S.importer.close}
        </button>
      </section>
    );
  }
  const months = preview.months;
  return (
    <section className="tl-preview" aria-label={S.importer.previewHeading(preview.fileName)}>
      <h3>{S.importer.previewHeading(preview.fileName)}</h3>
      <dl className="tl-facts">
        <dt>{S.importer.format}</dt>
        <dd data-testid="preview-format">{preview.format.label}</dd>
        <dt>{S.importer.size}</dt>
        <dd>{S.bytes(preview.size)}</dd>
        <dt>{S.importer.encoding}</dt>
        <dd>{preview.encoding ?? S.dash}</dd>
        <dt>{S.importer.rows}</dt>
        <dd data-testid="preview-rows">{preview.rows.toLocaleString(S.locale)}</dd>
        <dt>{S.importer.records}</dt>
        <dd data-testid="preview-records">{preview.records.toLocaleString(S.locale)}</dd>
        <dt>{S.importer.period}</dt>
        <dd data-testid="preview-period">
          {preview.periodStart && preview.periodEnd
            ? S.range(preview.periodStart, preview.periodEnd)
            : S.dash}
        </dd>
        <dt>{S.importer.months}</dt>
        <dd data-testid="preview-months">
          {months.length > 0
            ? months.map((m) => `${m.month} (${m.records.toLocaleString(S.locale)})`).join(', ')
            : S.dash}
        </dd>
      </dl>

      <h4>{S.importer.byKindHeading}</h4>
      <ul className="tl-kinds" data-testid="preview-kinds">
        {Object.entries(preview.byKind).map(([kind, count]) => (
          <li key={kind}>
            {S.importer.kinds[kind] ?? kind}: <strong>{count.toLocaleString(S.locale)}</strong>
          </li>
        ))}
      </ul>

      {preview.first.length > 0 && (
        <>
          <h4>{S.importer.firstHeading(preview.first.length, preview.records)}</h4>
          <table data-testid="preview-first">
            <thead>
              <tr>
                <th scope="col" className="num">
                  {S.importer.firstColumns.line}
                </th>
                <th scope="col">{S.importer.firstColumns.kind}</th>
                <th scope="col">{S.importer.firstColumns.date}</th>
                <th scope="col">{S.importer.firstColumns.reference}</th>
                <th scope="col" className="num">
                  {S.importer.firstColumns.amount}
                </th>
              </tr>
            </thead>
            <tbody>
              {preview.first.map((e) => (
                <tr key={`${e.key}|${e.row ?? ''}`}>
                  <td className="num">{e.row ?? S.dash}</td>
                  <td>{S.importer.kinds[e.kind] ?? e.kind}</td>
                  <td>{e.date}</td>
                  <td>{reference(e)}</td>
                  <td className="num">{amountOf(e)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}

      <IssueList issues={preview.issues} />

      {preview.records === 0 && <p className="tl-error">{S.importer.noRecords}</p>}
      {storing && (
        <p>
          <progress
            aria-label={S.importer.storingLabel}
            value={storing.sent}
            max={Math.max(storing.batches, 1)}
          />{' '}
          {S.importer.storing(Math.min(storing.sent + 1, storing.batches), storing.batches)}
        </p>
      )}
      <p className="tl-actions">
        <button
          type="button"
          className="tl-primary"
          disabled={storing !== null || preview.records === 0}
          onClick={onImport}
        >
          {S.importer.importButton(preview.records)}
        </button>{' '}
        <button type="button" disabled={storing !== null} onClick={onCancel}>
          {S.importer.cancel}
        </button>
      </p>
    </section>
  );
}

function reference(e: LedgerEntry): string {
  if (e.kind === 'payout' && e.payoutId) return e.payoutId;
  return e.orderId ?? S.dash;
}

function amountOf(e: LedgerEntry): string {
  const money = e.kind === 'order' ? e.gross : e.amount;
  try {
    return formatMoney(money.amount, money.currency);
  } catch {
    return `${money.amount} ${money.currency}`;
  }
}

function IssueList({ issues }: { issues: ImportPreview['issues'] }) {
  const [shown, setShown] = useState(ISSUES_PER_PAGE);
  return (
    <>
      <h4 data-testid="issues-heading">{S.importer.issuesHeading(issues.length)}</h4>
      {issues.length > 0 && (
        <table data-testid="preview-issues">
          <thead>
            <tr>
              <th scope="col" className="num">
                {S.importer.issueColumns.line}
              </th>
              <th scope="col">{S.importer.issueColumns.column}</th>
              <th scope="col">{S.importer.issueColumns.message}</th>
            </tr>
          </thead>
          <tbody>
            {issues.slice(0, shown).map((issue, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: issues have no id; the list never reorders.
              <tr key={i}>
                <td className="num">{issue.row ?? S.importer.wholeFile}</td>
                <td>{issue.field ?? S.dash}</td>
                <td>{S.importer.issue(issue)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {issues.length > shown && (
        <button type="button" onClick={() => setShown((s) => s + ISSUES_PER_PAGE)}>
          {S.importer.showMoreIssues(Math.min(ISSUES_PER_PAGE, issues.length - shown))}
        </button>
      )}
    </>
  );
}
