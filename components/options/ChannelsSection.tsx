import { useId, useState } from 'react';
import type { Channel } from '../../lib/domain/channel.ts';
import type { RequestOf, ResponseOf } from '../../lib/messaging/protocol.ts';
import type { Load } from '../common/useLoad.ts';
import { S } from './strings.ts';

export interface ChannelsSectionProps {
  channels: Load<Channel[]>;
  addCatalog: (request: RequestOf<'addCatalog'>) => Promise<ResponseOf<'addCatalog'>>;
  /** Called after channels were added, to list them. */
  onChanged: () => void;
}

type Status =
  | { kind: 'busy' }
  | { kind: 'added'; ids: string[] }
  | { kind: 'rejected'; errors: string[] }
  | { kind: 'failed'; message: string }
  | null;

export function ChannelsSection({ channels, addCatalog, onChanged }: ChannelsSectionProps) {
  const [url, setUrl] = useState('');
  const [status, setStatus] = useState<Status>(null);
  const urlId = useId();
  const fileId = useId();

  const add = async (request: RequestOf<'addCatalog'>) => {
    setStatus({ kind: 'busy' });
    try {
      const result = await addCatalog(request);
      if (result.ok) {
        setStatus({ kind: 'added', ids: result.added });
        if ('url' in request) setUrl('');
        onChanged();
      } else {
        setStatus({ kind: 'rejected', errors: result.errors });
      }
    } catch (error) {
      setStatus({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <section aria-labelledby="channels-heading">
      <h2 id="channels-heading">{S.channels.heading}</h2>
      <p>{S.channels.intro}</p>
      {channels.state === 'loading' && <p>{S.loading}</p>}
      {channels.state === 'error' && (
        <p className="tl-error" role="alert">
          {S.channels.listFailed(channels.message)}
        </p>
      )}
      {channels.state === 'ready' && (
        <div className="tl-scroll">
          <table className="tl-channels">
            <thead>
              <tr>
                <th scope="col">{S.channels.columns.name}</th>
                <th scope="col">{S.channels.columns.model}</th>
                <th scope="col">{S.channels.columns.provider}</th>
                <th scope="col">{S.channels.columns.submission}</th>
                <th scope="col">{S.channels.columns.source}</th>
                <th scope="col">{S.channels.columns.checked}</th>
              </tr>
            </thead>
            <tbody>
              {channels.value.map((c) => (
                <tr key={c.id}>
                  <td>
                    {c.name}
                    {c.sandbox && <span className="tl-tag">{S.channels.sandbox}</span>}
                  </td>
                  <td>{S.channels.models[c.model] ?? c.model}</td>
                  <td>{c.provider}</td>
                  <td>{S.channels.submission[c.submission.kind] ?? c.submission.kind}</td>
                  <td className="tl-url">
                    <a href={c.source.url} target="_blank" rel="noreferrer noopener">
                      {c.source.url}
                    </a>
                  </td>
                  <td className="tl-nowrap">{c.source.checkedAt}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h3>{S.channels.addHeading}</h3>
      <p>{S.channels.addIntro}</p>
      <form
        className="tl-row"
        onSubmit={(event) => {
          event.preventDefault();
          if (url.trim()) void add({ url: url.trim() });
        }}
      >
        <label htmlFor={urlId}>{S.channels.urlLabel}</label>
        <input
          id={urlId}
          type="url"
          value={url}
          placeholder={S.channels.urlPlaceholder}
          onChange={(event) => setUrl(event.target.value)}
        />
        <button type="submit" disabled={status?.kind === 'busy' || url.trim() === ''}>
          {S.channels.addUrl}
        </button>
      </form>
      <p className="tl-row">
        <label htmlFor={fileId}>{S.channels.fileLabel}</label>
        <input
          id={fileId}
          type="file"
          accept=".json,application/json"
          disabled={status?.kind === 'busy'}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (!file) return;
            file.text().then(
              (text) => add({ text }),
              (error: unknown) => setStatus({ kind: 'failed', message: String(error) }),
            );
          }}
        />
      </p>
      {status?.kind === 'busy' && <p role="status">{S.channels.adding}</p>}
      {status?.kind === 'added' && (
        <p className="tl-ok" role="status">
          {S.channels.added(status.ids)}
        </p>
      )}
      {status?.kind === 'rejected' && (
        <div className="tl-error" role="alert">
          <p>{S.channels.rejected}</p>
          <ul data-testid="catalog-errors">
            {status.errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      )}
      {status?.kind === 'failed' && (
        <p className="tl-error" role="alert">
          {S.channels.failed(status.message)}
        </p>
      )}
    </section>
  );
}
