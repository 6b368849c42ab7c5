/**
 * Every problem a parser or a page reader reports, as a code with its figures, so the pages can
 * word it in the seller's language (`issue.*` in locales/*.yml). The English templates below are
 * the `message` the command line and the golden files print; locales/en.yml holds the same text
 * (test/unit/issue-texts.test.ts checks both, and that zh_CN.yml takes the same placeholders).
 *
 * `$1`…`$9` are the params in order; when an issue has a consequence ("the row was skipped"), the
 * consequence, worded on its own, is the last placeholder.
 */
export const ISSUE_TEMPLATES = {
  notADate: '"$1" is not a date; $2.',
  notACurrency: '"$1" is not a currency code; $2.',
  notAnAmount: '"$1" is not an amount; $2.',
  notAnAmountWithCurrency: '"$1" is not an amount with a currency; $2.',
  notShopifyPayoutStatus: '"$1" is not a Shopify payout status; $2.',
  notShopifyFinancialStatus: '"$1" is not a Shopify financial status; $2.',
  unknownPaymentStatus: '"$1" is not a payment status Tradeline knows; $2.',
  unknownOrderStatus: '"$1" is not an order status Tradeline knows; $2.',
  orderHasNoName: 'The order has no Name; $1.',
  orderHasNoOrderNumber: 'The order has no order number; $1.',
  rowHasNoOrderNumber: 'The row has no order number; $1.',
  rowHasNoAmazonOrderId: 'The row has no amazon-order-id; $1.',
  rowHasNoVatEventId: 'The row has no TRANSACTION_EVENT_ID (order id); $1.',
  orderHasNoOrderId: 'The order has no Order ID; $1.',
  itemHasNoOrderId: 'The item has no Order ID; $1.',
  itemHasNoTotal: 'The item has no total; $1.',
  rowHasNoPostedDate: 'The row has no posted date; $1.',
  rowHasNoPayoutId: 'The row has no payout ID; $1.',
  rowHasNoTransactionType: 'The row has no Transaction Type; $1.',
  orderShowsNoAmount: 'Order $1 shows no amount; $2.',
  orderNamesNoCurrency: 'Order $1: its amounts name no currency (like "$" or "EUR"); $2.',
  orderHasNoTotalPrice: 'Order $1 has no Total Price; $2.',
  orderTotalPriceNotAmount: 'Order $1 has a Total Price of "$2", not an amount; $3.',
  orderCurrencyChanged: 'Order $1 is in $2 on an earlier row and $3 here; $4.',
  orderMixedCurrencies: 'Order $1 has items in $2 and $3; $4.',
  adjustedTotalTooLarge:
    'The adjusted total is larger than the order total; no refund was counted for order $1.',
  noAmountInTitle: 'No amount was found in "$1"; $2.',
  noCurrencyNoSummary: 'The row names no currency and the settlement summary (row 1) is missing; $1.',
  settlementMismatch:
    'The amounts of settlement $1 add up to $2 $3, but its total is $4 $3: rows may be missing or changed.',
  noMarketplace: 'No row names an Amazon marketplace, so the currency is unknown; amounts were read as USD.',
  totalsMismatch:
    '$1 row(s) have amounts that do not add up to their total (the first is row $2); a column Tradeline does not know may hold money, and those rows may be read short.',
  missingColumn: 'The file has no "$1" column, so $2.',
  paypalNoAmountColumn: 'This PayPal download has neither a Gross nor an Amount column; no row was read.',
  roundedOrderNumber:
    '"$1" is an order number rounded by a spreadsheet; orders were told apart by Customer Order # or Transaction Key instead. Download the report again and import it without opening it in a spreadsheet.',
  etsyDateRepaired:
    'The "$1" "$2" looks like an Etsy MM/DD/YY date that a spreadsheet misread as YY/MM/DD; it was read as MM/DD/YY ("$2" as $3). Check these dates.',
  etsyDatesRepaired:
    '$1 "$2" cells look like Etsy MM/DD/YY dates that a spreadsheet misread as YY/MM/DD (the first: "$3" on line $4); they were read as MM/DD/YY ("$3" as $5). Check these dates.',
  notAReportKnown:
    '"$1" is not a report Tradeline can read: no known header row was found. Known formats: $2.',
  notAReport: '"$1" is not a report Tradeline can read.',
  fileRepeatsOne:
    '"$1" repeats $2 record it already has (the same ids on more than one row, as when two downloads are pasted together); each was counted once.',
  fileRepeatsMany:
    '"$1" repeats $2 records it already has (the same ids on more than one row, as when two downloads are pasted together); each was counted once.',
  pageRepeatsOne:
    'This page repeats $1 record it already shows (the same ids on more than one row); each was counted once.',
  pageRepeatsMany:
    'This page repeats $1 records it already shows (the same ids on more than one row); each was counted once.',
  noDataRows: '"$1" has a header but no data rows.',
  formatFailed: '"$1" looks like a $2 but could not be read ($3); no rows were imported.',
  rowFailed: 'This row could not be read ($1); it was skipped.',
  quoteTooLong:
    'Line $1 opens a quoted value that does not close within $2 characters; that line was skipped.',
  quoteNeverClosed:
    'A quoted value opened on line $1 is never closed; the rest of the file was read as that value.',
  valueTooLong: 'A value on line $1 is $2 characters long; only the first $3 were kept.',
  invalidUtf8:
    'Some characters of this file are not valid UTF-8 and show as "�". Names may look wrong; amounts and dates are unaffected unless they contain such characters.',
  // What the dashboard panel says about reading a page (lib/pages/core/session.ts).
  pageNotRecognised: 'Tradeline does not recognise this $1 page, so nothing was read. It reads: $2.',
  pageListsReports: 'The $1 page lists reports; it has no rows to read.',
  pageNoTable: 'This $1 page shows no table with columns Tradeline knows, so nothing was read.',
  pageLimit: 'Stopped after $1 pages; later pages were not read.',
  pageLoadFailed: 'Page $1 could not be loaded ($2); pages after $3 were not read.',
  reportsGone: 'Some picked reports are no longer listed on this page; they were not read.',
  downloadFailed: '$1 could not be downloaded ($2).',
  pickReports: 'This page lists $1 reports: pick the ones to import.',
  noReports: 'This page lists no reports Tradeline can download.',
  readingStopped: 'Stopped: what was read before stopping is kept.',
  alreadyReading: 'Tradeline is already reading this page.',
  readFailed: 'Reading failed: $1',
} as const;

/** What Tradeline did about a problem, worded on its own (`issue.then.*` in locales/*.yml). */
export const CONSEQUENCE_TEMPLATES = {
  rowSkipped: 'the row was skipped',
  itSkipped: 'it was skipped',
  lineSkipped: 'the line was skipped',
  thisRowSkipped: 'this row was skipped',
  orderSkipped: 'order $1 was skipped',
  theOrderSkipped: 'the order was skipped',
  thePayoutSkipped: 'the payout was skipped',
  payoutSkipped: 'payout $1 was skipped',
  payoutOfDateSkipped: 'the payout of $1 was skipped',
  depositSkipped: 'the deposit was skipped',
  amountSkipped: 'its amount $1 was skipped',
  itemAndOrderSkipped: 'the item, and with it order $1, was skipped',
  refundNotRecorded: 'the refund of order $1 was not recorded',
  paymentNotCounted: 'the payment was not counted',
  orderNotCounted: 'order $1 was not counted',
  refundDatedAtPayment: 'the refund was dated at the payment date',
  chargebackDatedAtPayment: 'the chargeback was dated at the payment date',
  settlementTotalNotRead: 'the settlement total was not read',
  payoutNotRead: 'the payout was not read',
  discountsNotSubtracted: 'discounts were not subtracted from sales',
  shippingNotAdded: 'shipping was not added to sales',
  refundsNotRead: 'refunds could not be read',
  cardFeesNotRead: 'card processing fees could not be read',
} as const;

export type IssueCode = keyof typeof ISSUE_TEMPLATES;
export type ConsequenceCode = keyof typeof CONSEQUENCE_TEMPLATES;

export interface Consequence {
  code: ConsequenceCode;
  params: string[];
}

/** An issue's words: a code, its figures (as the file wrote them) and what was done about it. */
export interface IssueWords {
  code: IssueCode;
  params: string[];
  consequence?: Consequence;
}

/** The words plus the English sentence (`message`), which the command line prints. */
export interface IssueText extends IssueWords {
  message: string;
}

/** `$1`…`$9` replaced by `params` (a function replacer, so `$` in a value stays as written). */
export function fillTemplate(template: string, params: readonly string[]): string {
  return template.replace(/\$([1-9])/g, (_, i: string) => params[Number(i) - 1] ?? '');
}

function consequence(code: ConsequenceCode, ...params: string[]): Consequence {
  return { code, params };
}

function text(code: IssueCode, params: string[], then?: Consequence): IssueText {
  const all = then ? [...params, fillTemplate(CONSEQUENCE_TEMPLATES[then.code], then.params)] : params;
  const message = fillTemplate(ISSUE_TEMPLATES[code], all);
  return then ? { code, params, consequence: then, message } : { code, params, message };
}

/** What was done about a row's problem. */
export const THEN = {
  rowSkipped: () => consequence('rowSkipped'),
  itSkipped: () => consequence('itSkipped'),
  lineSkipped: () => consequence('lineSkipped'),
  thisRowSkipped: () => consequence('thisRowSkipped'),
  orderSkipped: (id: string) => consequence('orderSkipped', id),
  theOrderSkipped: () => consequence('theOrderSkipped'),
  thePayoutSkipped: () => consequence('thePayoutSkipped'),
  payoutSkipped: (id: string) => consequence('payoutSkipped', id),
  payoutOfDateSkipped: (date: string) => consequence('payoutOfDateSkipped', date),
  depositSkipped: () => consequence('depositSkipped'),
  amountSkipped: (amount: string) => consequence('amountSkipped', amount),
  itemAndOrderSkipped: (orderId: string) => consequence('itemAndOrderSkipped', orderId),
  refundNotRecorded: (orderId: string) => consequence('refundNotRecorded', orderId),
  paymentNotCounted: () => consequence('paymentNotCounted'),
  orderNotCounted: (id: string) => consequence('orderNotCounted', id),
  refundDatedAtPayment: () => consequence('refundDatedAtPayment'),
  chargebackDatedAtPayment: () => consequence('chargebackDatedAtPayment'),
  settlementTotalNotRead: () => consequence('settlementTotalNotRead'),
  payoutNotRead: () => consequence('payoutNotRead'),
  discountsNotSubtracted: () => consequence('discountsNotSubtracted'),
  shippingNotAdded: () => consequence('shippingNotAdded'),
  refundsNotRead: () => consequence('refundsNotRead'),
  cardFeesNotRead: () => consequence('cardFeesNotRead'),
} as const;

const count = (n: number) => n.toLocaleString('en');

/** One function per kind of problem; each returns the code, its params and the English message. */
export const ISSUE = {
  notADate: (raw: string, then: Consequence) => text('notADate', [raw], then),
  notACurrency: (raw: string, then: Consequence) => text('notACurrency', [raw], then),
  notAnAmount: (raw: string, then: Consequence) => text('notAnAmount', [raw], then),
  notAnAmountWithCurrency: (raw: string, then: Consequence) => text('notAnAmountWithCurrency', [raw], then),
  notShopifyPayoutStatus: (raw: string, then: Consequence) => text('notShopifyPayoutStatus', [raw], then),
  notShopifyFinancialStatus: (raw: string, then: Consequence) =>
    text('notShopifyFinancialStatus', [raw], then),
  unknownPaymentStatus: (raw: string, then: Consequence) => text('unknownPaymentStatus', [raw], then),
  unknownOrderStatus: (raw: string, then: Consequence) => text('unknownOrderStatus', [raw], then),
  orderHasNoName: (then: Consequence) => text('orderHasNoName', [], then),
  orderHasNoOrderNumber: (then: Consequence) => text('orderHasNoOrderNumber', [], then),
  rowHasNoOrderNumber: (then: Consequence) => text('rowHasNoOrderNumber', [], then),
  rowHasNoAmazonOrderId: (then: Consequence) => text('rowHasNoAmazonOrderId', [], then),
  rowHasNoVatEventId: (then: Consequence) => text('rowHasNoVatEventId', [], then),
  orderHasNoOrderId: (then: Consequence) => text('orderHasNoOrderId', [], then),
  itemHasNoOrderId: (then: Consequence) => text('itemHasNoOrderId', [], then),
  itemHasNoTotal: (then: Consequence) => text('itemHasNoTotal', [], then),
  rowHasNoPostedDate: (then: Consequence) => text('rowHasNoPostedDate', [], then),
  rowHasNoPayoutId: (then: Consequence) => text('rowHasNoPayoutId', [], then),
  rowHasNoTransactionType: (then: Consequence) => text('rowHasNoTransactionType', [], then),
  orderShowsNoAmount: (orderId: string, then: Consequence) => text('orderShowsNoAmount', [orderId], then),
  orderNamesNoCurrency: (orderId: string, then: Consequence) => text('orderNamesNoCurrency', [orderId], then),
  orderHasNoTotalPrice: (orderId: string, then: Consequence) => text('orderHasNoTotalPrice', [orderId], then),
  orderTotalPriceNotAmount: (orderId: string, raw: string, then: Consequence) =>
    text('orderTotalPriceNotAmount', [orderId, raw], then),
  orderCurrencyChanged: (orderId: string, earlier: string, here: string, then: Consequence) =>
    text('orderCurrencyChanged', [orderId, earlier, here], then),
  orderMixedCurrencies: (orderId: string, one: string, other: string, then: Consequence) =>
    text('orderMixedCurrencies', [orderId, one, other], then),
  adjustedTotalTooLarge: (orderId: string) => text('adjustedTotalTooLarge', [orderId]),
  noAmountInTitle: (title: string, then: Consequence) => text('noAmountInTitle', [title], then),
  noCurrencyNoSummary: (then: Consequence) => text('noCurrencyNoSummary', [], then),
  /** Sums as major-unit text (`1234.50`), with their currency code. */
  settlementMismatch: (settlementId: string, sum: string, currency: string, total: string) =>
    text('settlementMismatch', [settlementId, sum, currency, total]),
  noMarketplace: () => text('noMarketplace', []),
  totalsMismatch: (rows: number, firstRow: number) =>
    text('totalsMismatch', [String(rows), String(firstRow)]),
  missingColumn: (column: string, then: Consequence) => text('missingColumn', [column], then),
  paypalNoAmountColumn: () => text('paypalNoAmountColumn', []),
  roundedOrderNumber: (orderNumber: string) => text('roundedOrderNumber', [orderNumber]),
  etsyDatesRepaired: (column: string, cells: number, first: { cell: string; line: number; date: string }) =>
    cells === 1
      ? text('etsyDateRepaired', [column, first.cell, first.date])
      : text('etsyDatesRepaired', [String(cells), column, first.cell, String(first.line), first.date]),
  notAReport: (fileName: string, knownFormats?: string) =>
    knownFormats === undefined
      ? text('notAReport', [fileName])
      : text('notAReportKnown', [fileName, knownFormats]),
  fileRepeats: (fileName: string, records: number) =>
    text(records === 1 ? 'fileRepeatsOne' : 'fileRepeatsMany', [fileName, count(records)]),
  pageRepeats: (records: number) =>
    text(records === 1 ? 'pageRepeatsOne' : 'pageRepeatsMany', [String(records)]),
  noDataRows: (fileName: string) => text('noDataRows', [fileName]),
  formatFailed: (fileName: string, format: string, error: string) =>
    text('formatFailed', [fileName, format, error]),
  rowFailed: (error: string) => text('rowFailed', [error]),
  quoteTooLong: (line: number, limit: number) => text('quoteTooLong', [String(line), count(limit)]),
  quoteNeverClosed: (line: number) => text('quoteNeverClosed', [String(line)]),
  valueTooLong: (line: number, length: number, limit: number) =>
    text('valueTooLong', [String(line), count(length), count(limit)]),
  invalidUtf8: () => text('invalidUtf8', []),
  pageNotRecognised: (site: string, reads: string) => text('pageNotRecognised', [site, reads]),
  pageListsReports: (page: string) => text('pageListsReports', [page]),
  pageNoTable: (page: string) => text('pageNoTable', [page]),
  pageLimit: (pages: number) => text('pageLimit', [String(pages)]),
  pageLoadFailed: (page: number, error: string) =>
    text('pageLoadFailed', [String(page), error, String(page - 1)]),
  reportsGone: () => text('reportsGone', []),
  downloadFailed: (report: string, error: string) => text('downloadFailed', [report, error]),
  pickReports: (reports: number) => text('pickReports', [String(reports)]),
  noReports: () => text('noReports', []),
  readingStopped: () => text('readingStopped', []),
  alreadyReading: () => text('alreadyReading', []),
  readFailed: (error: string) => text('readFailed', [error]),
} as const;

/** An issue with its row and column, as lib/import reports it. */
export function issueAt(
  row: number | null,
  field: string | null,
  said: IssueText,
): { row: number | null; field: string | null } & IssueText {
  return { row, field, ...said };
}
