import type { Preview } from './api.ts';
import { strings } from './strings.ts';

const t = strings.consent;

/** One lender's consent sheet: who receives what, for which purpose, and what stays behind. */
export function ConsentSheet({ preview }: { preview: Preview }) {
  const { sheet, missing } = preview;
  const headingId = `sheet-${preview.channelId}`;
  const labelOf = (field: string) => sheet.rows.find((r) => r.field === field)?.label ?? field;
  return (
    <article
      className="tl-card tl-sheet"
      aria-labelledby={headingId}
      data-testid={`sheet-${preview.channelId}`}
    >
      <h3 id={headingId}>{sheet.recipient.name}</h3>
      <dl className="tl-pairs">
        <dt>{t.recipient}</dt>
        <dd>
          {sheet.recipient.provider}
          <br />
          <span className="tl-note tl-url">{sheet.recipient.url}</span>
        </dd>
        <dt>{t.purpose}</dt>
        <dd>{sheet.purpose}</dd>
      </dl>
      <table className="tl-fields">
        <caption>{t.fieldsHeading}</caption>
        <thead>
          <tr>
            <th scope="col">{t.field}</th>
            <th scope="col">{t.value}</th>
          </tr>
        </thead>
        <tbody>
          {sheet.rows.map((row) => (
            <tr key={row.field} className={row.given ? undefined : 'tl-missing'}>
              <th scope="row">{row.label}</th>
              <td>{row.given ? row.value : <strong>{t.notGiven}</strong>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {missing.length > 0 && (
        <p className="tl-warning" data-testid={`missing-${preview.channelId}`}>
          {t.missing(missing.map(labelOf).join(', '))}
        </p>
      )}
      <details>
        <summary>{t.withheldHeading(sheet.withheld.length)}</summary>
        <ul>
          {sheet.withheld.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      </details>
    </article>
  );
}
