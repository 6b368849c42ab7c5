import { migration001 } from './001-initial.ts';
import { migration002 } from './002-monthly-aggregates.ts';
import { migration003 } from './003-settings.ts';
import { migration004 } from './004-payout-dates-and-profiles.ts';
import { migration005 } from './005-applications.ts';
import { migration006 } from './006-channels.ts';
import { migration007 } from './007-language-auto.ts';
import { migration008 } from './008-quarantine.ts';
import { migration009 } from './009-dedupe-keys-joined.ts';
import { migration010 } from './010-dedupe-revision.ts';
import { migration011 } from './011-chunk-keys-out-of-line.ts';
import { migration012 } from './012-imports-by-state.ts';
import type { Migration } from './migration.ts';

/** Every migration in order. A test checks the versions are 1..n, each in its own file. */
export const MIGRATIONS: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
  migration010,
  migration011,
  migration012,
];

export const LATEST_VERSION = MIGRATIONS.at(-1)?.version ?? 0;
