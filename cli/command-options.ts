import type { ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Each command's options, apart from its code: `tradeline` parses them before loading the
 * command, to start hashing the report files meanwhile (cli/file-hashes.ts).
 */
export const READ_OPTIONS = { currency: { type: 'string', default: 'USD' } } as const satisfies Options;

export const PROFILE_OPTIONS = {
  currency: { type: 'string', default: 'USD' },
  'as-of': { type: 'string' },
} as const satisfies Options;

export const PACKET_OPTIONS = {
  channel: { type: 'string' },
  business: { type: 'string' },
  amount: { type: 'string' },
  purpose: { type: 'string', default: 'Working capital: inventory' },
  currency: { type: 'string', default: 'USD' },
  'as-of': { type: 'string' },
} as const satisfies Options;
