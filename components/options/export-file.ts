import type { RequestOf, ResponseOf } from '../../lib/messaging/protocol.ts';

export type ExportPage = ResponseOf<'exportAll'>;
export type FetchExportPage = (request: RequestOf<'exportAll'>) => Promise<ExportPage>;

/** `tradeline-export-YYYY-MM-DD.json`, dated in the seller's own time zone. */
export function exportFileName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `tradeline-export-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
}

const STORE_ORDER = [
  'imports',
  'aggregates',
  'dedupe',
  'settings',
  'profiles',
  'applications',
  'channels',
] as const;

/**
 * Builds the export file page by page: `{ format, version, exportedAt, databaseVersion, stores }`
 * where `stores` holds every IndexedDB store's content (record chunks, then the quarantine, last). The JSON is
 * assembled from parts, never as one string, so a large history does not need one huge string.
 */
export async function buildExport(
  fetchPage: FetchExportPage,
  now: Date,
  onProgress: (records: number) => void = () => {},
): Promise<Blob> {
  let page = await fetchPage({});
  const stores = page.stores;
  if (!stores) throw new Error('the first export page carries no stores');
  const head = JSON.stringify({
    format: 'tradeline-export',
    version: 1,
    exportedAt: now.toISOString(),
    databaseVersion: page.databaseVersion,
  });
  const parts: string[] = [`${head.slice(0, -1)},"stores":{`];
  for (const name of STORE_ORDER) parts.push(`${JSON.stringify(name)}:${JSON.stringify(stores[name])},`);
  parts.push('"chunks":[');
  let first = true;
  let records = 0;
  // Chunks found damaged while exporting are set aside as they are met: the quarantine store
  // comes after the chunks so that it holds them too.
  const quarantine: unknown[] = [...stores.quarantine];
  for (;;) {
    quarantine.push(...(page.quarantined ?? []));
    for (const chunk of page.chunks) {
      parts.push(`${first ? '' : ','}${JSON.stringify(chunk)}`);
      first = false;
      const list = (chunk as { records?: unknown[] }).records;
      records += Array.isArray(list) ? list.length : 0;
    }
    onProgress(records);
    if (!page.next) break;
    page = await fetchPage({ after: page.next });
  }
  parts.push(`],"quarantine":${JSON.stringify(quarantine)}}}`);
  return new Blob(parts, { type: 'application/json' });
}
