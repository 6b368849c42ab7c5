/** Lowercase hex SHA-256 of text (UTF-8) or bytes, with Web Crypto (content scripts and tests). */
export async function sha256Hex(input: string | Uint8Array): Promise<string> {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A URL as provenance keeps it: origin and path only (queries and fragments can carry secrets). */
export function provenanceUrl(url: string): string {
  const u = new URL(url);
  return `${u.origin}${u.pathname}`;
}

/** The text a page read is fingerprinted by: the body's visible text, whitespace collapsed. */
export function pageText(doc: Document): string {
  return (doc.body?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
