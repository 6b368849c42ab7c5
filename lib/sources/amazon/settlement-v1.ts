import { defineFormat } from '../format.ts';
import {
  type Amount,
  classify,
  createSettlementReader,
  SETTLEMENT_COLUMNS,
  type SettlementColumn,
} from './_settlement.ts';

/**
 * Amazon settlement report, Flat File (V1) (`GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE`): tab
 * separated, row 1 the settlement summary (total, currency, deposit date), then one row per amount
 * with the amount in a column named after its kind. 36 columns, or 33 when the settlement had no
 * promotions. Semantics shared with V2: see `_settlement.ts`.
 */
const COLUMNS = {
  ...SETTLEMENT_COLUMNS,
  shipmentFeeType: ['shipment-fee-type'],
  shipmentFeeAmount: ['shipment-fee-amount'],
  orderFeeType: ['order-fee-type'],
  orderFeeAmount: ['order-fee-amount'],
  priceType: ['price-type'],
  priceAmount: ['price-amount'],
  itemFeeType: ['item-related-fee-type'],
  itemFeeAmount: ['item-related-fee-amount'],
  miscFeeAmount: ['misc-fee-amount'],
  otherFeeAmount: ['other-fee-amount'],
  otherFeeReason: ['other-fee-reason-description'],
  promotionType: ['promotion-type'],
  promotionAmount: ['promotion-amount'],
  directPaymentType: ['direct-payment-type'],
  directPaymentAmount: ['direct-payment-amount'],
  otherAmount: ['other-amount'],
  // V2's column: its presence means the V2 layout.
  amountType: ['amount-type'],
} as const;

type Column = keyof typeof COLUMNS;

export const amazonSettlementV1 = defineFormat({
  id: 'amazon-settlement-v1',
  platform: 'amazon',
  label: 'Amazon settlement report (flat file)',
  delimiters: ['\t'],
  // Repeated rows are numbered (`#2`, `:2`) or merged: no key twice (tested with doubled fixtures).
  uniqueKeys: true,
  columns: COLUMNS,
  required: [
    'settlementId',
    'total',
    'transactionType',
    'priceType',
    'priceAmount',
    'itemFeeAmount',
    'otherAmount',
  ],
  absent: ['amountType'],
  createReader(ctx) {
    const { header } = ctx;
    return createSettlementReader(ctx, {
      amountColumns: [
        'shipmentFeeAmount',
        'orderFeeAmount',
        'priceAmount',
        'itemFeeAmount',
        'miscFeeAmount',
        'otherFeeAmount',
        'promotionAmount',
        'directPaymentAmount',
        'otherAmount',
      ],
      dateColumns: [],
      amounts(cells, read) {
        const out: Amount[] = [];
        const type = (column: Column) => header.get(cells, column);
        const add = (column: Exclude<Column, SettlementColumn>, cls: Amount['cls'], label: string) => {
          const amount = read(column);
          if (amount !== null) out.push({ cls, label, amount });
        };
        const transactionType = type('transactionType');
        add('priceAmount', classify('ItemPrice', type('priceType'), 'price'), type('priceType'));
        add('itemFeeAmount', classify('ItemFees', type('itemFeeType'), 'fee'), type('itemFeeType'));
        add('promotionAmount', 'price', `Promotion ${type('promotionType')}`.trim());
        add('shipmentFeeAmount', 'fee', type('shipmentFeeType'));
        add('orderFeeAmount', 'fee', type('orderFeeType'));
        add('miscFeeAmount', 'fee', 'Miscellaneous fee');
        add('otherFeeAmount', 'fee', type('otherFeeReason'));
        add('directPaymentAmount', 'adjustment', type('directPaymentType') || 'Direct payment');
        // `other-amount` carries the non-order rows; the transaction type says what it is.
        add('otherAmount', classify('', transactionType, 'other'), transactionType);
        return out;
      },
    });
  },
});
