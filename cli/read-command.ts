import { existsSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { LedgerEntry } from '../lib/domain/records.ts';
import { type ImportIssue, plainIssue } from '../lib/import/issues.ts';
import { MonthlyLedger } from '../lib/ledger/monthly.ts';
import { supportedCurrencies } from '../lib/money/fx.ts';
import { FORMATS } from '../lib/sources/registry.ts';
import { readReportFile } from './read-file.ts';
import { UsageError } from './usage-error.ts';

export interface ReadOutput {
  currency: string;
  files: { file: string; format: string; records: number; issues: ImportIssue[] }[];
  months: ReturnType<MonthlyLedger['report']>['months'];
  /** Notes about the totals as a whole (exchange rates used past the table, currencies without rates). */
  issues: ImportIssue[];
}

/** `tradeline read [--currency USD] FILE...` */
export async function readCommand(args: string[]): Promise<ReadOutput> {
  const { values, positionals } = parseArgs({
    args,
    options: { currency: { type: 'string', default: 'USD' } },
    allowPositionals: true,
  });
  return readFiles(values.currency ?? 'USD', positionals);
}

export interface ReadHooks {
  /** Each record that is not a duplicate of one read before. */
  onAccepted?: (entry: LedgerEntry) => void;
  /** The period (first and last date of its records) each file covers. */
  onPeriod?: (start: string, end: string) => void;
  /** Each file read: format, period, rows and SHA-256 (its provenance). */
  onFile?: (file: {
    format: string;
    kind: 'file';
    periodStart?: string;
    periodEnd?: string;
    rows: number;
    sha256: string;
  }) => void;
}

/** Reads the files in order with every registered format, deduplicating across them. */
export async function readFiles(
  currencyArg: string,
  positionals: string[],
  hooks: ReadHooks = {},
): Promise<ReadOutput> {
  const currency = currencyArg.toUpperCase();
  if (!supportedCurrencies().includes(currency)) {
    throw new UsageError(
      `--currency ${currencyArg}: no bundled exchange rates for it. Choose one of ${supportedCurrencies().join(', ')}.`,
    );
  }
  if (positionals.length === 0)
    throw new UsageError('Give at least one report file: tradeline read [--currency USD] FILE...');
  for (const file of positionals) {
    if (!existsSync(file) || !statSync(file).isFile()) throw new UsageError(`${file}: no such file.`);
  }

  const ledger = new MonthlyLedger();
  const files: ReadOutput['files'] = [];
  for (const [n, file] of positionals.entries()) {
    if (n === positionals.length - 1) ledger.lastFile();
    let first: string | undefined;
    let last: string | undefined;
    let previous = '';
    const summary = await readReportFile(file, FORMATS, (entry) => {
      // Records of one day come together and share its string: compared once per day, not per record.
      if (entry.date !== previous) {
        previous = entry.date;
        if (first === undefined || previous < first) first = previous;
        if (last === undefined || previous > last) last = previous;
      }
      if (ledger.add(entry)) hooks.onAccepted?.(entry);
    });
    if (first !== undefined && last !== undefined) hooks.onPeriod?.(first, last);
    if (summary.format) {
      hooks.onFile?.({
        format: summary.format.id,
        kind: 'file',
        ...(first ? { periodStart: first } : {}),
        ...(last ? { periodEnd: last } : {}),
        rows: summary.rows,
        sha256: summary.sha256,
      });
    }
    if (!summary.format) {
      const known = FORMATS.map((f) => `${f.id} (${f.label})`).join('\n  ');
      throw new UsageError(`${file}: not a report format Tradeline knows. Known formats:\n  ${known}`);
    }
    // Line, column and the English message: the JSON stays as it was before issues carried codes.
    files.push({
      file,
      format: summary.format.id,
      records: summary.records,
      issues: summary.issues.map(plainIssue),
    });
  }
  const { months, issues } = ledger.report(currency);
  return { currency, files, months, issues };
}
