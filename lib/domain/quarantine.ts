import { z } from 'zod';

/** The stores whose values are checked when read back, and quarantined when they fail. */
export const CheckedStore = z.enum([
  'imports',
  'aggregates',
  'settings',
  'applications',
  'channels',
  'chunks',
  'dedupe',
]);
export type CheckedStore = z.infer<typeof CheckedStore>;

/** A stored value that failed validation, moved aside with the reason (shown on the options page). */
export const QuarantinedRecord = z.object({
  id: z.number().int().positive(),
  store: CheckedStore,
  /** The value's key in its store, as text. */
  key: z.string(),
  /** What was wrong, for the seller and for a bug report. */
  problem: z.string(),
  quarantinedAt: z.iso.datetime(),
  /** The value as it was stored (kept so that an export still carries it). */
  value: z.unknown(),
});
export type QuarantinedRecord = z.infer<typeof QuarantinedRecord>;
