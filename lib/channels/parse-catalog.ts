import { z } from 'zod';
import { Catalog, Channel } from '../domain/channel.ts';

export type CatalogParse = { ok: true; channels: Channel[] } | { ok: false; errors: string[] };

function describe(error: z.ZodError, prefix: string): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.length ? `${prefix}${issue.path.map(String).join('.')}` : prefix || 'catalog';
    return `${path}: ${issue.message}`;
  });
}

/**
 * Reads a catalog a seller adds from a URL or a file: a `{ version: 1, channels: [...] }` document
 * or a single channel entry. Never throws; a malformed one is rejected whole, with every problem
 * named by its path (`channels.0.sizing.min: ...`).
 */
export function parseCatalog(text: string, origin = 'the catalog'): CatalogParse {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      errors: [`${origin} is not valid JSON (${error instanceof Error ? error.message : String(error)}).`],
    };
  }
  const single = z.object({ channels: z.unknown() }).safeParse(json).success
    ? undefined
    : Channel.safeParse(json);
  if (single?.success) return { ok: true, channels: [single.data] };
  if (single && !single.success) return { ok: false, errors: describe(single.error, '') };
  const catalog = Catalog.safeParse(json);
  if (!catalog.success) return { ok: false, errors: describe(catalog.error, '') };
  const ids = catalog.data.channels.map((c) => c.id);
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup) return { ok: false, errors: [`channels: the id "${dup}" appears twice.`] };
  return { ok: true, channels: catalog.data.channels };
}
