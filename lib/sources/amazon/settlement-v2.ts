import { defineFormat } from '../format.ts';
import { classify, createSettlementReader, SETTLEMENT_COLUMNS } from './_settlement.ts';

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
    return createSettlementReader(ctx, {
      amountColumns: ['amount'],
      dateColumns: ['postedDateTime'],
      amounts(cells, read) {
        const amount = read('amount');
        if (amount === null) return [];
        const type = header.get(cells, 'amountType');
        const description = header.get(cells, 'amountDescription');
        // `Cost of Advertising / TransactionTotalAmount` reads best as its type,
        // `FBA Inventory Reimbursement / WAREHOUSE_DAMAGE` as both, `ItemFees / Commission` as its description.
        const bareType = /^(other-transaction|itemprice|itemfees|promotion|itemwithheldtax)$/i.test(type);
        const bareDescription = description === '' || /^transactiontotalamount$/i.test(description);
        const label = bareDescription
          ? type
          : bareType || type === ''
            ? description
            : `${type}: ${description}`;
        return [{ cls: classify(type, description, 'other'), label, amount }];
      },
      fallbackDate: (cells) => header.get(cells, 'postedDateTime'),
    });
  },
});
