import { defineFormat } from '../format.ts';
import { type AmountClass, classify, createSettlementReader, SETTLEMENT_COLUMNS } from './_settlement.ts';

/**
 * Amazon settlement report, Flat File V2 (`GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2`): the V1
 * file with its price, fee and promotion columns folded into amount-type / amount-description /
 * amount, so one order line becomes several rows (Principal, Shipping, Tax, Commission, FBA fee…).
 * Row 1 is the settlement summary. EU files write `08.06.2018` dates and `1.234,56` amounts.
 * Semantics shared with V1: see `_settlement.ts`.
 */
export const amazonSettlementV2 = defineFormat({
  id: 'amazon-settlement-v2',
  platform: 'amazon',
  label: 'Amazon settlement report (flat file V2)',
  delimiters: ['\t'],
  // Repeated rows are numbered (`#2`, `:2`) or merged: no key twice (tested with doubled fixtures).
  uniqueKeys: true,
  columns: {
    ...SETTLEMENT_COLUMNS,
    amountType: ['amount-type'],
    amountDescription: ['amount-description'],
    amount: ['amount'],
    postedDateTime: ['posted-date-time'],
    // V1's column: its presence means the V1 layout.
    priceType: ['price-type'],
  },
  required: ['settlementId', 'total', 'transactionType', 'amountType', 'amountDescription', 'amount'],
  absent: ['priceType'],
  createReader(ctx) {
    const { header } = ctx;
    const kinds = new AmountKinds();
    const typeOf = header.reader('amountType');
    const descriptionOf = header.reader('amountDescription');
    return createSettlementReader(ctx, {
      amountColumns: ['amount'],
      dateColumns: ['postedDateTime'],
      amounts(cells, read) {
        const amount = read('amount');
        if (amount === null) return [];
        const kind = kinds.of(typeOf(cells), descriptionOf(cells));
        return [{ cls: kind.cls, label: kind.label, amount }];
      },
      fallbackDate: (cells) => header.get(cells, 'postedDateTime'),
    });
  },
});

interface AmountKind {
  cls: AmountClass;
  label: string;
}

/**
 * The kind of each amount-type/amount-description pair, worked out once: a file repeats a few
 * dozen pairs, and consecutive rows cycle through a handful (price, commission, FBA fee…), found
 * first among the last few by plain comparison (cheaper than hashing both cells), then in a Map.
 */
class AmountKinds {
  private readonly recent: Array<{ type: string; description: string; kind: AmountKind }> = [];
  private readonly known = new Map<string, Map<string, AmountKind>>();
  private count = 0;

  of(type: string, description: string): AmountKind {
    for (const r of this.recent) if (r.description === description && r.type === type) return r.kind;
    let byDescription = this.known.get(type);
    let kind = byDescription?.get(description);
    if (!kind) {
      kind = amountKind(type, description);
      if (this.count < MAX_KNOWN_KINDS) {
        if (!byDescription) {
          byDescription = new Map();
          this.known.set(type, byDescription);
        }
        byDescription.set(description, kind);
        this.count += 1;
      }
    }
    this.recent.unshift({ type, description, kind });
    if (this.recent.length > RECENT_KINDS) this.recent.pop();
    return kind;
  }
}

const RECENT_KINDS = 4;
const MAX_KNOWN_KINDS = 10_000;

function amountKind(type: string, description: string): AmountKind {
  // `Cost of Advertising / TransactionTotalAmount` reads best as its type,
  // `FBA Inventory Reimbursement / WAREHOUSE_DAMAGE` as both, `ItemFees / Commission` as its description.
  const bareType = /^(other-transaction|itemprice|itemfees|promotion|itemwithheldtax)$/i.test(type);
  const bareDescription = description === '' || /^transactiontotalamount$/i.test(description);
  const label = bareDescription ? type : bareType || type === '' ? description : `${type}: ${description}`;
  return { cls: classify(type, description, 'other'), label };
}
