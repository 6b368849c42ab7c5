import { z } from 'zod';

export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'expected a lowercase hex SHA-256');
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
export const IsoMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM');
export const IsoDateTime = z.iso.datetime({ offset: true });

/** Where a set of records came from: a report file the seller dropped, or a dashboard page read on request. */
const common = {
  /** The format adapter that read it, e.g. `amazon-settlement-v2`. */
  format: z.string().min(1),
  sha256: Sha256,
  rows: z.number().int().nonnegative(),
  periodStart: IsoDate.optional(),
  periodEnd: IsoDate.optional(),
  readAt: IsoDateTime,
};

export const FileProvenance = z.object({
  kind: z.literal('file'),
  name: z.string().min(1),
  size: z.number().int().nonnegative(),
  ...common,
});

export const PageProvenance = z.object({
  kind: z.literal('page'),
  /** Origin and path only: query strings and fragments can carry session secrets. */
  url: z.url().refine((u) => !/[?#]/.test(u), { message: 'page URL must not keep its query or fragment' }),
  title: z.string().optional(),
  ...common,
});

export const Provenance = z.discriminatedUnion('kind', [FileProvenance, PageProvenance]);
export type Provenance = z.infer<typeof Provenance>;
export type FileProvenance = z.infer<typeof FileProvenance>;
export type PageProvenance = z.infer<typeof PageProvenance>;
