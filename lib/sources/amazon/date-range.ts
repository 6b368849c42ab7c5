import type { LedgerEntry } from '../../domain/records.ts';
import { ISSUE, THEN } from '../../import/issue-texts.ts';
import { dedupeKey } from '../entries.ts';
import { defineFormat, type ReaderContext } from '../format.ts';
import {
  isNonAmazon,
  KeyCounter,
  LocaleGuess,
  marketplaceCurrency,
  PendingRows,
  readAmount,
} from './_locale.ts';

/**
 * Amazon Date Range report, a.k.a. Monthly / Custom Unified Transaction (Payments > Reports
 * Repository): comma separated, every cell quoted, 7 (US) or 9 (BR, 2025+) preamble lines before
 * the header, one row per event with its net in `total`. Layouts: US 2024 (split tax columns and
 * `marketplace withheld tax`), the older US 2017 one (`sales tax collected`,
 * `Marketplace Facilitator Tax`), pt-BR (real files), and fr/it spellings from parsers' fixtures.
 *
 * The file does not name its currency outside the preamble ("All amounts in USD"), which the
 * reader never sees: the currency is the one of the marketplace of the first row that names one.
 *
 * Keys match the settlement reports' (see `_settlement.ts`): orders by order id, refunds by order
 * id + sku + amount, payouts by settlement id + amount, other rows by settlement id + amount.
 */
const COLUMNS = {
  date: ['date/time', 'data/hora', 'date/heure', 'Data/Ora:', 'Data/Ora'],
  settlementId: ['settlement id', 'id de liquidação', 'numéro de versement', 'Numero pagamento'],
  type: ['type', 'tipo'],
  orderId: ['order id', 'id do pedido', 'numéro de la commande', 'Numero ordine'],
  sku: ['sku'],
  description: ['description', 'descrição', 'Descrizione'],
  marketplace: ['marketplace', 'mercado'],
  // Money the buyer paid (taxes included; `marketplace withheld tax` takes back what Amazon remits).
  productSales: ['product sales', 'vendas do produto', 'ventes de produits', 'Vendite'],
  productSalesTax: ['product sales tax', 'Taxes sur la vente des produits'],
  shippingCredits: [
    'shipping credits',
    'postage credits',
    'créditos de remessa',
    "crédits d'expédition",
    'Accrediti per le spedizioni',
  ],
  shippingCreditsTax: [
    'shipping credits tax',
    'postage credits tax',
    'taxe sur les crédits d’expédition',
    "taxe sur les crédits d'expédition",
  ],
  giftWrapCredits: [
    'gift wrap credits',
    'créditos de embalagem de presente',
    "crédits sur l'emballage cadeau",
    'Accrediti per confezioni regalo',
  ],
  giftWrapCreditsTax: ['giftwrap credits tax', 'gift wrap credits tax', 'Taxes sur les crédits cadeaux'],
  regulatoryFee: ['Regulatory Fee'],
  regulatoryFeeTax: ['Tax On Regulatory Fee'],
  promotionalRebates: [
    'promotional rebates',
    'descontos promocionais',
    'Rabais promotionnels',
    'Sconti promozionali',
  ],
  promotionalRebatesTax: ['promotional rebates tax', 'Taxes sur les remises promotionnelles'],
  salesTaxCollected: ['sales tax collected', 'imposto de vendas coletados'],
  marketplaceFacilitatorTax: ['Marketplace Facilitator Tax'],
  marketplaceWithheldTax: ['marketplace withheld tax', 'Taxes retenues sur le site de vente'],
  // Amazon's fees (negative when charged).
  sellingFees: ['selling fees', 'tarifas de venda', 'frais de vente', 'Commissioni di vendita'],
  fbaFees: ['fba fees', 'taxas fba', 'Frais Expédié par Amazon', 'Costi del servizio Logistica di Amazon'],
  otherTransactionFees: [
    'other transaction fees',
    'taxas de outras transações',
    'autres frais de transaction',
    'Altri costi relativi alle transazioni',
  ],
  other: ['other', 'outro', 'autre', 'Altro'],
  total: ['total', 'totale'],
  // 2025+: released or deferred. Both are sales; the column is read only to recognise the layout.
  status: ['Transaction status', 'Status da transação', 'Statut de la transaction'],
} as const;

type Column = keyof typeof COLUMNS;

const GROSS: readonly Column[] = [
  'productSales',
  'productSalesTax',
  'shippingCredits',
  'shippingCreditsTax',
  'giftWrapCredits',
  'giftWrapCreditsTax',
  'regulatoryFee',
  'regulatoryFeeTax',
  'promotionalRebates',
  'promotionalRebatesTax',
  'salesTaxCollected',
  'marketplaceFacilitatorTax',
  'marketplaceWithheldTax',
];
const FEES: readonly Column[] = ['sellingFees', 'fbaFees', 'otherTransactionFees'];
const MONEY: readonly Column[] = [...GROSS, ...FEES, 'other', 'total'];

/** `type` values (lower case) by meaning; translated in localised reports. */
const ORDER = new Set(['order', 'pedido', 'commande', 'ordine']);
const REFUND = new Set(['refund', 'reembolso', 'remboursement', 'rimborso']);
const TRANSFER = new Set(['transfer', 'transferir', 'transfert', 'trasferimento']);
const CHARGEBACK = new Set(['chargeback refund', 'a-to-z guarantee claim']);
/** Fee rows: `Service Fee`, `FBA Inventory Fee`, `Taxa de Estoque FBA`, `Taxa de serviço`, `Frais de service`… */
const FEE_TYPE = /fee|taxa|tarifa|frais|commission|costo/i;

interface OrderTotals {
  line: number;
  orderId: string;
  date: string;
  marketplace: string;
  gross: number;
  fees: number;
}

/** One data row, read. Money in minor units as signed in the file. */
interface Row {
  line: number;
  date: string;
  /** The type as written (`Pedido`), and lower-cased for matching. */
  typeText: string;
  type: string;
  orderId: string;
  settlementId: string;
  sku: string;
  description: string;
  marketplace: string;
  gross: number;
  fees: number;
  other: number;
  total: number;
}

type Make = (keys: KeyCounter, currency: string) => LedgerEntry;

/** `Ajuste: Reembolso de Estoque FBA - Perdido:Depósito`, or the type alone. */
function describe(row: Row): string {
  return row.description ? `${row.typeText}: ${row.description}` : row.typeText;
}

export const amazonDateRange = defineFormat({
  id: 'amazon-date-range',
  platform: 'amazon',
  label: 'Amazon Date Range report (unified transactions)',
  delimiters: [',', ';'],
  // Repeated rows are numbered (`#2`, `:2`) or merged: no key twice (tested with doubled fixtures).
  uniqueKeys: true,
  columns: COLUMNS,
  required: ['date', 'settlementId', 'type', 'orderId', 'productSales', 'total'],
  createReader(ctx) {
    return new DateRangeReader(ctx);
  },
});

class DateRangeReader {
  private readonly guess: LocaleGuess;
  private readonly pending: PendingRows;
  private readonly orders = new Map<string, OrderTotals>();
  private readonly made: Array<{ line: number; make: Make }> = [];
  private currency: string | undefined;
  private mismatches = 0;
  private firstMismatch = 0;

  constructor(private readonly ctx: ReaderContext<Column>) {
    // Portuguese, French and Italian reports write `1.234,56`; English ones `1,234.56`.
    const english = /^date\/time$/i.test(ctx.header.label('date'));
    this.guess = new LocaleGuess(english ? '.' : ',', english ? 'mdy' : 'dmy');
    this.pending = new PendingRows(
      () => this.guess.settled && this.currency !== undefined,
      (cells, line) => this.read(cells, line),
    );
  }

  row(cells: readonly string[], line: number): void {
    const { header } = this.ctx;
    for (const c of MONEY) this.guess.observeAmount(header.get(cells, c));
    this.guess.observeDate(header.get(cells, 'date'));
    this.currency ??= marketplaceCurrency(header.get(cells, 'marketplace'));
    this.pending.push(cells, line);
  }

  end(): void {
    if (this.currency === undefined) {
      this.currency = 'USD';
      this.ctx.issue(null, 'marketplace', ISSUE.noMarketplace());
    }
    this.pending.flush();
    for (const o of this.orders.values()) this.order(o);
    const keys = new KeyCounter();
    const currency = this.currency;
    this.made.sort((a, b) => a.line - b.line);
    for (const m of this.made) this.ctx.emit(m.make(keys, currency));
    if (this.mismatches > 0) {
      this.ctx.issue(this.firstMismatch, 'total', ISSUE.totalsMismatch(this.mismatches, this.firstMismatch));
    }
  }

  private read(cells: readonly string[], line: number) {
    const row = this.parse(cells, line);
    if (!row) return;
    if (row.gross - row.fees + row.other !== row.total) {
      this.mismatches += 1;
      this.firstMismatch ||= line;
    }
    const { type, orderId } = row;
    if (ORDER.has(type) && orderId) {
      this.addToOrder(row);
      this.otherMoney(row);
    } else if (REFUND.has(type) && orderId) {
      this.refund(row, 'refund');
      this.otherMoney(row);
    } else if (CHARGEBACK.has(type) && orderId) {
      this.refund(row, 'chargeback');
      this.otherMoney(row);
    } else if (TRANSFER.has(type)) {
      this.transfer(row);
    } else if (row.total !== 0) {
      this.loose(row);
    }
  }

  /** The row's cells, or undefined (with an issue) when its date or an amount is unreadable. */
  private parse(cells: readonly string[], line: number): Row | undefined {
    const { ctx } = this;
    const { header } = ctx;
    const rawDate = header.get(cells, 'date');
    const date = this.guess.date(rawDate);
    if (!date) {
      ctx.issue(line, 'date', ISSUE.notADate(rawDate, THEN.rowSkipped()));
      return undefined;
    }
    const money = new Map<Column, number>();
    for (const c of MONEY) {
      const value = readAmount(ctx, this.guess, cells, c, this.currency ?? 'USD', line);
      if (value === undefined) return undefined;
      money.set(c, value);
    }
    const sum = (columns: readonly Column[]) => columns.reduce((s, c) => s + (money.get(c) ?? 0), 0);
    const typeText = header.get(cells, 'type');
    return {
      line,
      date,
      typeText,
      type: typeText.toLowerCase(),
      orderId: header.get(cells, 'orderId'),
      settlementId: header.get(cells, 'settlementId'),
      sku: header.get(cells, 'sku'),
      description: header.get(cells, 'description'),
      marketplace: header.get(cells, 'marketplace'),
      gross: sum(GROSS),
      fees: -sum(FEES),
      other: money.get('other') ?? 0,
      total: money.get('total') ?? 0,
    };
  }

  private base(row: Row) {
    const base = { platform: 'amazon' as const, date: row.date, importId: this.ctx.importId, row: row.line };
    return row.orderId ? { ...base, orderId: row.orderId } : base;
  }

  private push(line: number, make: Make): void {
    this.made.push({ line, make });
  }

  /** An order can span several rows (one per item): summed, dated by its first row. */
  private addToOrder(row: Row): void {
    const order = this.orders.get(row.orderId) ?? {
      line: row.line,
      orderId: row.orderId,
      date: row.date,
      marketplace: row.marketplace,
      gross: 0,
      fees: 0,
    };
    order.gross += row.gross;
    order.fees += row.fees;
    if (row.date < order.date) order.date = row.date;
    this.orders.set(row.orderId, order);
  }

  /** A refund (or chargeback) of one item: money returned, and the fees Amazon gave back net of what it kept. */
  private refund(row: Row, kind: 'refund' | 'chargeback'): void {
    const base = this.base(row);
    const returned = -row.gross;
    const ids = [row.orderId, row.sku, returned] as const;
    if (returned > 0) {
      this.push(row.line, (keys, currency) => ({
        ...base,
        kind,
        key: keys.next(dedupeKey('amazon', kind, ...ids)),
        amount: { amount: returned, currency },
      }));
    } else if (returned < 0) {
      this.push(row.line, (keys, currency) => ({
        ...base,
        kind: 'adjustment',
        key: keys.next(dedupeKey('amazon', 'adjustment', kind, ...ids)),
        amount: { amount: -returned, currency },
        description: 'Kept on a refund (restocking fee or correction)',
      }));
    }
    const { fees } = row;
    if (fees !== 0) {
      this.push(row.line, (keys, currency) => ({
        ...base,
        kind: 'fee',
        key: keys.next(dedupeKey('amazon', 'fee', kind, ...ids)),
        amount: { amount: fees, currency },
        feeType: kind === 'refund' ? 'Fees on a refund, net of fees given back' : 'Fees on a chargeback',
      }));
    }
  }

  /** A transfer to the seller's bank is written as money leaving the Amazon balance (negative). */
  private transfer(row: Row): void {
    const { settlementId, total } = row;
    if (total > 0) {
      this.loose(row); // money coming back (a failed transfer)
      return;
    }
    if (total === 0) return;
    this.push(row.line, (keys, currency) => ({
      ...this.base(row),
      kind: 'payout',
      key: keys.next(dedupeKey('amazon', 'payout', settlementId, -total)),
      amount: { amount: -total, currency },
      ...(settlementId ? { payoutId: settlementId } : {}),
      status: 'paid',
    }));
  }

  /** Rows of their own: fee types (`Service Fee`, `Taxa de Estoque FBA`…) are fees, the rest adjustments. */
  private loose(row: Row): void {
    const { settlementId, total } = row;
    const text = describe(row);
    if (FEE_TYPE.test(row.type)) {
      this.push(row.line, (keys, currency) => ({
        ...this.base(row),
        kind: 'fee',
        key: keys.next(dedupeKey('amazon', 'fee', settlementId, -total)),
        amount: { amount: -total, currency },
        feeType: text,
      }));
    } else {
      this.push(row.line, (keys, currency) => ({
        ...this.base(row),
        kind: 'adjustment',
        key: keys.next(dedupeKey('amazon', 'adjustment', settlementId, total)),
        amount: { amount: total, currency },
        description: text,
      }));
    }
  }

  /** On order and refund rows, `other` holds money that is neither price nor fee. */
  private otherMoney(row: Row): void {
    const { settlementId, other } = row;
    if (other === 0) return;
    this.push(row.line, (keys, currency) => ({
      ...this.base(row),
      kind: 'adjustment',
      key: keys.next(dedupeKey('amazon', 'adjustment', settlementId, other)),
      amount: { amount: other, currency },
      description: describe(row),
    }));
  }

  private order(o: OrderTotals): void {
    const base = {
      platform: 'amazon' as const,
      date: o.date,
      importId: this.ctx.importId,
      row: o.line,
      orderId: o.orderId,
    };
    // Deferred (`Diferido`) and released orders are both sales. Multi-channel fulfilment orders
    // were sold elsewhere: only their FBA fees are Amazon's.
    if (!isNonAmazon(o.marketplace) && o.gross < 0) {
      this.push(o.line, (keys, currency) => ({
        ...base,
        kind: 'adjustment',
        key: keys.next(dedupeKey('amazon', 'adjustment', 'order', o.orderId)),
        amount: { amount: o.gross, currency },
        description: 'Order price correction',
      }));
    } else if (!isNonAmazon(o.marketplace)) {
      this.push(o.line, (_keys, currency) => ({
        ...base,
        kind: 'order',
        key: dedupeKey('amazon', 'order', o.orderId),
        gross: { amount: o.gross, currency },
        status: 'paid',
        ...(o.marketplace ? { marketplace: o.marketplace } : {}),
      }));
    }
    if (o.fees !== 0) {
      this.push(o.line, (_keys, currency) => ({
        ...base,
        kind: 'fee',
        key: dedupeKey('amazon', 'fee', 'order', o.orderId),
        amount: { amount: o.fees, currency },
        feeType: 'Selling and fulfilment fees',
      }));
    }
  }
}
