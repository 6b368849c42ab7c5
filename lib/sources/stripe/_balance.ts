import type { Money } from '../../domain/money.ts';
import type { Payout } from '../../domain/records.ts';
import { parseDate } from '../../import/dates.ts';
import { ISSUE, THEN } from '../../import/issue-texts.ts';
import { currencyCode, dedupeKey, type LedgerEntry } from '../entries.ts';
import type { ReaderContext, RowReader } from '../format.ts';
import { stripeAmount } from './_amount.ts';

/**
 * What one Stripe balance transaction becomes, shared by the itemized balance reports and the
 * legacy Balance export. Each format maps its own category vocabulary to these actions.
 */
export type BalanceAction =
  | 'order'
  | 'refund'
  | 'chargeback'
  | 'fee'
  | 'payout'
  | 'payoutReturned'
  | 'reserve'
  | 'adjustment';

/** One balance transaction, read and checked by its format. Amounts in minor units. */
export interface BalanceRow {
  line: number;
  importId: string;
  /** `txn_…`: unique per balance transaction. */
  transactionId: string;
  /** The object that moved the money: `ch_…`/`py_…` (charge), `re_…` (refund), `po_…` (payout)… */
  sourceId: string;
  /** The charge a refund or dispute belongs to, when the report has the column. */
  chargeId: string;
  date: string;
  currency: string;
  /** Stripe's sign: money into the balance positive. */
  gross: number;
  /** Stripe's sign: positive when Stripe took a fee (net = gross − fee). */
  fee: number;
  /** What the buyer paid, in their currency, when it differs from the settlement currency. */
  customerFacing: Money | undefined;
  /** What an adjustment is called: its category as written, and its description. */
  label: string;
  payoutStatus: Payout['status'];
}

/**
 * Turns one balance transaction into ledger records:
 * - charge → order keyed `stripe:order:<charge id>` and fee keyed `stripe:fee:<charge id>`, the
 *   keys the payments export gives the same charge; gross is what the buyer paid (customer-facing
 *   amount) so both files agree, the fee is in the settlement currency;
 * - refund → refund keyed by the refund id; dispute → chargeback keyed by the charge id when known
 *   (one dispute per charge, as in the payments export), else by the dispute id;
 * - fee → fee (Stripe's separate fees: Billing, Radar, instant payouts, taxes on fees);
 * - payout → positive payout keyed by the payout id, whatever sign the report gives it; a payout
 *   that came back (failed, canceled, reversed) → positive adjustment; reserved funds → reserve
 *   (positive held);
 * - anything else → signed adjustment (dispute won back, failed refund, returned payout…).
 */
export function balanceEntries(action: BalanceAction, row: BalanceRow): LedgerEntry[] {
  const { gross, fee, currency } = row;
  if (gross === 0 && fee === 0) return [];
  const base = { platform: 'stripe' as const, date: row.date, importId: row.importId, row: row.line };
  const ownId = row.sourceId || row.transactionId;
  const feeEntry = (key: string, amount: number, orderId?: string): LedgerEntry[] =>
    amount === 0
      ? []
      : [
          {
            ...base,
            ...(orderId ? { orderId } : {}),
            kind: 'fee',
            key: dedupeKey('stripe', 'fee', key),
            amount: { amount, currency },
            feeType: 'Stripe fee',
          },
        ];
  const otherFee = feeEntry(row.transactionId, fee, row.chargeId || undefined);
  const withCharge = row.chargeId ? { ...base, orderId: row.chargeId } : base;

  switch (action) {
    case 'order':
      return [
        {
          ...base,
          orderId: ownId,
          kind: 'order',
          key: dedupeKey('stripe', 'order', ownId),
          gross: row.customerFacing ?? { amount: gross, currency },
          status: 'paid',
        },
        ...feeEntry(ownId, fee, ownId),
      ];
    case 'refund':
      return [
        {
          ...withCharge,
          kind: 'refund',
          key: dedupeKey('stripe', 'refund', ownId),
          amount: { amount: -gross, currency },
        },
        ...otherFee,
      ];
    case 'chargeback':
      return [
        {
          ...withCharge,
          kind: 'chargeback',
          key: dedupeKey('stripe', 'chargeback', row.chargeId || ownId),
          amount: { amount: -gross, currency },
        },
        ...otherFee,
      ];
    case 'fee':
      // A fee row's gross is the (negative) fee itself: the fee is minus its net.
      return feeEntry(row.transactionId, fee - gross);
    case 'payout':
      return [
        {
          ...base,
          kind: 'payout',
          // A payout in transit now is paid next week: the later report must not be taken for a
          // duplicate, so only a paid payout gets the plain key (the aggregate sums paid ones only).
          key:
            row.payoutStatus === 'paid'
              ? dedupeKey('stripe', 'payout', ownId)
              : dedupeKey('stripe', 'payout', ownId, row.payoutStatus),
          amount: { amount: Math.abs(gross), currency },
          payoutId: ownId,
          status: row.payoutStatus,
        },
        ...otherFee,
      ];
    case 'payoutReturned':
      return [
        {
          ...base,
          kind: 'adjustment',
          key: dedupeKey('stripe', 'adjustment', row.transactionId),
          amount: { amount: Math.abs(gross), currency },
          description: row.label,
        },
        ...otherFee,
      ];
    case 'reserve':
      return [
        {
          ...base,
          kind: 'reserve',
          key: dedupeKey('stripe', 'reserve', row.transactionId),
          amount: { amount: -gross, currency },
        },
        ...otherFee,
      ];
    default:
      return [
        ...(gross === 0
          ? []
          : [
              {
                ...base,
                kind: 'adjustment' as const,
                key: dedupeKey('stripe', 'adjustment', row.transactionId),
                amount: { amount: gross, currency },
                description: row.label,
              },
            ]),
        ...otherFee,
      ];
  }
}

/** `payout_status` of the payouts report to the ledger's payout status. */
export function payoutStatusOf(text: string): Payout['status'] {
  const status = text.trim().toLowerCase();
  if (status === 'failed' || status === 'canceled' || status === 'cancelled') return 'failed';
  if (status === 'pending' || status === 'in_transit') return 'pending';
  return 'paid';
}

/** The canonical columns both balance formats declare (each with its own spellings). */
export type BalanceColumn =
  | 'id'
  | 'created'
  | 'currency'
  | 'gross'
  | 'fee'
  | 'net'
  | 'category'
  | 'source'
  | 'chargeId'
  | 'customerFacingAmount'
  | 'customerFacingCurrency'
  | 'payoutStatus'
  | 'description';

/**
 * Reads balance transactions row by row: checks the cells, then maps the row's category (lower
 * case) through `actions`; categories not listed are adjustments.
 */
export function balanceReader(
  ctx: ReaderContext<BalanceColumn>,
  actions: Readonly<Record<string, BalanceAction>>,
): RowReader {
  const { header } = ctx;
  const occurrences = new Map<string, number>();
  /** The balance transaction id, or for a row without one, its own fields (counted, as two can match). */
  const transactionIdOf = (cells: readonly string[]) => {
    const id = header.get(cells, 'id');
    if (id) return id;
    const fields = (['created', 'category', 'source', 'currency', 'gross', 'fee'] as const).map((c) =>
      header.get(cells, c),
    );
    const composed = fields.join('|');
    const seen = (occurrences.get(composed) ?? 0) + 1;
    occurrences.set(composed, seen);
    return seen === 1 ? composed : `${composed}|${seen}`;
  };
  return {
    row(cells, line) {
      const rawDate = header.get(cells, 'created');
      const date = parseDate(rawDate, 'ymd');
      if (!date) return ctx.issue(line, 'created', ISSUE.notADate(rawDate, THEN.rowSkipped()));
      const rawCurrency = header.get(cells, 'currency');
      const currency = currencyCode(rawCurrency);
      if (!currency) return ctx.issue(line, 'currency', ISSUE.notACurrency(rawCurrency, THEN.rowSkipped()));
      const gross = stripeAmount(ctx, cells, 'gross', currency, line);
      const fee = stripeAmount(ctx, cells, 'fee', currency, line);
      if (gross === undefined || fee === undefined) return;
      const category = header.get(cells, 'category');
      const action = actions[category.toLowerCase()] ?? 'adjustment';
      const customerFacing = action === 'order' ? customerFacingOf(ctx, cells, line) : undefined;
      if (customerFacing === null) return;
      const entries = balanceEntries(action, {
        line,
        importId: ctx.importId,
        transactionId: transactionIdOf(cells),
        sourceId: header.get(cells, 'source'),
        chargeId: header.get(cells, 'chargeId'),
        date,
        currency,
        gross,
        fee,
        customerFacing,
        label:
          [category, header.get(cells, 'description')].filter(Boolean).join(': ') ||
          'Stripe balance transaction',
        payoutStatus: payoutStatusOf(header.get(cells, 'payoutStatus')),
      });
      for (const entry of entries) ctx.emit(entry);
    },
    end() {},
  };
}

/** The buyer's amount and currency, undefined when not given, null (with an issue) when unreadable. */
function customerFacingOf(
  ctx: ReaderContext<BalanceColumn>,
  cells: readonly string[],
  line: number,
): Money | undefined | null {
  const currency = currencyCode(ctx.header.get(cells, 'customerFacingCurrency'));
  if (!currency || !ctx.header.get(cells, 'customerFacingAmount')) return undefined;
  const amount = stripeAmount(ctx, cells, 'customerFacingAmount', currency, line);
  return amount === undefined ? null : { amount, currency };
}
