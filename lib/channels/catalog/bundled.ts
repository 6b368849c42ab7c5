import { Catalog } from '../../domain/channel.ts';
import { PUBLISHED_PROGRAMS } from './published-programs.ts';
import { SANDBOX_CHANNELS } from './sandbox.ts';

/** The catalog shipped with the extension: one sandbox lender per model, then published programs. */
export const BUNDLED_CATALOG: Catalog = Catalog.parse({
  version: 1,
  channels: [...SANDBOX_CHANNELS, ...PUBLISHED_PROGRAMS],
});
