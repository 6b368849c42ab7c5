import type { Preview } from './api.ts';
import { strings } from './strings.ts';

const t = strings.consent;

/** One lender's consent sheet: who receives what, for which purpose, and what stays behind. */
export function ConsentSheet({ preview }: { preview: Preview }) {
  const { sheet, missing } = preview;
  const headingId = `sheet-${preview.channelId}`;
  // lib/ words the sheet in English (the receipt keeps that); the seller reads it in their language.
  const withheld = sheet.withheldFields
    ? [...sheet.withheldFields.map(t.fieldLabel), t.withheldOrders]
    : sheet.withheld;
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
        <dd>{t.purposeText(sheet.purposeParams, sheet.purpose)}</dd>
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
              <th scope="row">{t.fieldLabel(row.field)}</th>
              <td>{row.given ? t.fieldValue(row) : <strong>{t.notGiven}</strong>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {missing.length > 0 && (
        <p className="tl-warning" data-testid={`missing-${preview.channelId}`}>
          {t.missing(missing.map(t.fieldLabel).join(strings.separator))}
        </p>
      )}
      <details>
        <summary>{t.withheldHeading(withheld.length)}</summary>
        <ul>
          {withheld.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      </details>
    </article>
  );
}
