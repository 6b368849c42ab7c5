import { useId, useState } from 'react';
import type { InfoRequest } from '../../lib/domain/application.ts';
import type { ApplicationAction } from './api.ts';
import { MAX_FILE_BYTES, readAsBase64 } from './readFile.ts';
import { strings } from './strings.ts';

const t = strings.card;

/** `bank_statement` -> `bank statement`. */
const itemName = (item: string) => item.replace(/[_-]+/g, ' ');

export interface InfoRequestsProps {
  requests: InfoRequest[];
  busy: boolean;
  /** Resolves true when done; the card shows any error. */
  onAct: (action: ApplicationAction) => Promise<boolean>;
}

/** What the lender asks for, each open request answered by attaching one file. */
export function InfoRequests({ requests, busy, onAct }: InfoRequestsProps) {
  if (requests.length === 0) return null;
  return (
    <section className="tl-block">
      <h4>{t.requestsHeading}</h4>
      <ul className="tl-plain">
        {requests.map((r) => (
          <li key={r.id}>
            <strong>{itemName(r.item)}</strong>
            {r.message && <p>{r.message}</p>}
            {r.status === 'answered' ? (
              <span className="tl-badge">{t.answered}</span>
            ) : (
              <AnswerForm request={r} busy={busy} onAct={onAct} />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function AnswerForm({
  request,
  busy,
  onAct,
}: {
  request: InfoRequest;
  busy: boolean;
  onAct: InfoRequestsProps['onAct'];
}) {
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  const pick = (picked: File | null) => {
    setProblem(null);
    if (picked && picked.size > MAX_FILE_BYTES) {
      setFile(null);
      setProblem(t.tooBig(Math.ceil(picked.size / 1024)));
      return;
    }
    setFile(picked);
  };

  const send = async () => {
    if (!file || sending) return;
    setSending(true);
    try {
      let contentBase64: string;
      try {
        contentBase64 = await readAsBase64(file);
      } catch {
        setProblem(t.readError);
        return;
      }
      const done = await onAct({
        action: 'answer',
        document: {
          requestId: request.id,
          filename: file.name.slice(0, 200) || 'document',
          contentType: /^[\w.+-]+\/[\w.+-]+$/.test(file.type) ? file.type : 'application/octet-stream',
          contentBase64,
        },
      });
      // On failure the card says what went wrong; the file stays picked to send again.
      if (done) setFile(null);
    } finally {
      setSending(false);
    }
  };

  return (
    <div className="tl-stack">
      <label htmlFor={inputId}>{t.attach(itemName(request.item))}</label>
      <input
        id={inputId}
        type="file"
        disabled={busy || sending}
        onChange={(e) => pick(e.target.files?.[0] ?? null)}
      />
      {problem && (
        <p className="tl-error" role="alert">
          {problem}
        </p>
      )}
      {file && (
        <button type="button" className="tl-primary" disabled={busy || sending} onClick={() => void send()}>
          {sending ? t.sendingFile : t.send(file.name)}
        </button>
      )}
    </div>
  );
}
