/**
 * Every string the options page shows, in one place (English only for now; a zh_CN table
 * follows the same shape). Messages that read a file's content (issues, catalog errors) come
 * from lib/ and are shown as they are.
 */

const n = (count: number) => count.toLocaleString('en');
const plural = (count: number, one: string, many: string) => `${n(count)} ${count === 1 ? one : many}`;

export const S = {
  title: 'Tradeline',
  loading: 'Loading…',
  dash: '—',
  range: (from: string, to: string) => (from === to ? from : `${from} – ${to}`),
  bytes(size: number): string {
    if (size < 1024) return plural(size, 'byte', 'bytes');
    if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
    return `${(size / 1024 / 1024).toFixed(1)} MB`;
  },

  sources: {
    heading: 'Sources',
    listFailed: (message: string) => `Could not list your imports: ${message}`,
    emptyTitle: 'Nothing imported yet.',
    emptyBody:
      'Export a report from your seller dashboard (Amazon: Reports → Payments → Settlements; Shopify: Orders → Export; PayPal: Activity → Download) and import it here. Files are read in this browser and never uploaded.',
    columns: {
      name: 'File or page',
      format: 'Format',
      rows: 'Rows',
      added: 'Records added',
      period: 'Period',
      coverage: 'Months',
      actions: 'Actions',
    },
    coverageLabel: (withRecords: number, covered: number) =>
      `${plural(withRecords, 'month', 'months')} with records of ${plural(covered, 'month', 'months')} covered`,
    coverageCell: (month: string, state: 'records' | 'covered' | 'none') =>
      `${month}: ${state === 'records' ? 'records' : state === 'covered' ? 'covered, no records' : 'not covered'}`,
    coverageLegend: 'Filled: records that month. Outlined: in the file’s period, no records.',
    remove: 'Remove',
    removeLabel: (name: string) => `Remove ${name}`,
    removeConfirm: (name: string, added: number) =>
      `Remove “${name}”? Its ${plural(added, 'record', 'records')} will be deleted from your history and your profile recomputed. The file itself is not touched.`,
    removeYes: 'Remove this source',
    removeNo: 'Keep it',
    removing: 'Removing…',
    removed: (name: string, removed: number) =>
      `Removed “${name}” (${plural(removed, 'record', 'records')}).`,
    removedReimport: (names: string) =>
      `Records these sources shared with it were skipped when they were imported; import them again to get those records back: ${names}.`,
    removeFailed: (message: string) => `Could not remove it: ${message}`,
  },

  importer: {
    heading: 'Import a report',
    drop: 'Drop a report file here',
    or: 'or',
    choose: 'Choose a file',
    hint: 'CSV or TSV exports from Amazon, Shopify, eBay, Etsy, PayPal, Stripe or Walmart. Nothing is stored until you press Import.',
    oneAtATime: (name: string) => `One file at a time: reading “${name}”.`,
    reading: (name: string) => `Reading “${name}”…`,
    progressLabel: 'Reading progress',
    progress: (read: number, total: number) => `${S.bytes(read)} of ${S.bytes(total)}`,
    previewHeading: (name: string) => `Preview of “${name}”`,
    format: 'Format',
    encoding: 'Encoding',
    rows: 'Rows read',
    records: 'Records',
    months: 'Months covered',
    period: 'Period',
    size: 'Size',
    byKindHeading: 'Records by kind',
    kinds: {
      order: 'Orders',
      refund: 'Refunds',
      fee: 'Fees',
      payout: 'Payouts',
      chargeback: 'Chargebacks',
      reserve: 'Reserves',
      adjustment: 'Adjustments',
    } as Record<string, string>,
    firstHeading: (shown: number, total: number) =>
      shown === total
        ? `All ${plural(total, 'record', 'records')}`
        : `First ${n(shown)} of ${n(total)} records`,
    firstColumns: {
      line: 'Line',
      kind: 'Kind',
      date: 'Date',
      reference: 'Order or payout',
      amount: 'Amount',
    },
    issuesHeading: (count: number) =>
      count === 0 ? 'No issues found.' : `${plural(count, 'issue', 'issues')}`,
    issueColumns: { line: 'Line', column: 'Column', message: 'Message' },
    wholeFile: 'whole file',
    showMoreIssues: (more: number) => `Show ${plural(more, 'more issue', 'more issues')}`,
    unknownTitle: (name: string) => `“${name}” is not a report Tradeline can read.`,
    unknownBody:
      'No known header row was found near the top of the file. Export the report again from your dashboard without editing it, or choose one of these formats:',
    noRecords: 'No records could be read from this file, so there is nothing to import.',
    importButton: (records: number) => `Import ${plural(records, 'record', 'records')}`,
    cancel: 'Cancel',
    close: 'Close',
    storing: (sent: number, total: number) => `Storing… batch ${n(sent)} of ${n(total)}`,
    storingLabel: 'Storing progress',
    done: (name: string, added: number, duplicates: number) =>
      `Imported “${name}”: ${plural(added, 'record', 'records')} added${duplicates > 0 ? `, ${plural(duplicates, 'was', 'were')} already stored` : ''}.`,
    failedRead: (detail: string) => `The file could not be read: ${detail}`,
    workerStopped: 'the reading worker stopped',
    workerMessageLost: 'a message from the reading worker was lost',
    tooLarge: 'This file is too large to read in this browser. Export a shorter period and import each part.',
    failedStore: (detail: string, sent: number) =>
      sent > 0
        ? `Storing stopped after ${plural(sent, 'batch', 'batches')}: ${detail}. Import the file again: records already stored are recognised and skipped.`
        : `Nothing was stored: ${detail}`,
  },

  channels: {
    heading: 'Channels',
    intro:
      'Financing channels Tradeline checks your profile against. Their criteria are evaluated in this browser; nothing is sent until you apply.',
    listFailed: (message: string) => `Could not list the channels: ${message}`,
    columns: {
      name: 'Channel',
      model: 'Model',
      provider: 'Provider',
      submission: 'Applying',
      source: 'Criteria published at',
      checked: 'Checked',
    },
    models: {
      'bank-partnered': 'Bank-partnered',
      'platform-direct': 'Platform lends directly',
      p2p: 'Peer-to-peer',
    } as Record<string, string>,
    submission: { api: 'In Tradeline (Channel API)', link: 'On the provider’s site' } as Record<
      string,
      string
    >,
    sandbox: 'sandbox',
    addHeading: 'Add a channel',
    addIntro: 'Add a channel from a catalog its provider publishes: a URL (HTTPS) or a JSON file.',
    urlLabel: 'Catalog URL',
    urlPlaceholder: 'https://',
    addUrl: 'Add from URL',
    fileLabel: 'Catalog file',
    adding: 'Adding…',
    added: (ids: string[]) => `Added ${plural(ids.length, 'channel', 'channels')}: ${ids.join(', ')}.`,
    rejected: 'The catalog was not added:',
    failed: (message: string) => `The catalog was not added: ${message}`,
  },

  privacy: {
    heading: 'Privacy and data',
    intro:
      'Everything Tradeline knows is stored in this browser. Here is every consent you gave, and your data to take away or delete.',
    consentsHeading: 'Consent receipts',
    consentsEmpty: 'You have not applied anywhere yet, so no data has left this browser.',
    consentsFailed: (message: string) => `Could not list your applications: ${message}`,
    columns: {
      recipient: 'Recipient',
      purpose: 'Purpose',
      fields: 'Fields sent',
      when: 'When',
      state: 'Consent',
    },
    recipient: (name: string, provider: string) => `${name} (${provider})`,
    active: 'Given',
    revokedOn: (when: string) => `Revoked ${when}`,
    revoke: 'Revoke',
    revokeLabel: (name: string) => `Revoke consent for ${name}`,
    revokeConfirm: (name: string) =>
      `Revoke your consent for ${name}? Your application to it is withdrawn and the channel is told to stop using your data.`,
    revokeYes: 'Revoke and withdraw',
    revokeNo: 'Keep',
    revoking: 'Revoking…',
    revokeFailed: (message: string) => `Could not revoke: ${message}`,
    notRevocable: 'Funded: ask the provider',
    fields: {
      'requested.amount': 'amount requested',
      'requested.purpose': 'purpose',
      'business.legalName': 'legal name',
      'business.registrationNumber': 'registration number',
      'business.country': 'country',
      'business.yearsTrading': 'years trading',
      'business.contactName': 'contact name',
      'business.contactEmail': 'email',
      'business.contactPhone': 'phone',
      'profile.summary': 'profile summary',
      'profile.monthly': 'monthly totals',
      provenance: 'sources (file fingerprints)',
    } as Record<string, string>,
    exportHeading: 'Export everything',
    exportIntro: 'One JSON file with every record, total, setting, application and added channel.',
    exportButton: 'Export everything',
    exporting: (records: number) => `Exporting… ${plural(records, 'record', 'records')}`,
    exported: (name: string) => `Saved ${name}.`,
    exportFailed: (message: string) => `The export failed: ${message}`,
    deleteHeading: 'Delete everything',
    deleteIntro:
      'Deletes every import, record, total, setting, application and added channel from this browser. Applications already sent stay with their channels. This cannot be undone.',
    deleteButton: 'Delete everything…',
    deleteTypeLabel: 'Type delete to confirm',
    deleteWord: 'delete',
    deleteConfirm: 'Delete everything now',
    deleteCancel: 'Cancel',
    deleting: 'Deleting…',
    deleted: 'Everything was deleted. Tradeline is as new.',
    deleteFailed: (message: string) => `Nothing was deleted: ${message}`,
  },

  settings: {
    heading: 'Settings',
    loadFailed: (message: string) => `Could not read your settings: ${message}`,
    currency: 'Reporting currency',
    language: 'Language',
    languages: { en: 'English', zh_CN: '中文（简体）' } as Record<string, string>,
    languageNote: 'Stored for the coming Chinese version; the pages are in English for now.',
    saving: 'Saving…',
    saved: 'Saved.',
    notSaved: (message: string) => `Not saved: ${message}`,
    businessHeading: 'Business details',
    businessIntro:
      'Entered once, sent only to the channels you apply to and only the fields each one asks for (you see them before anything is sent).',
    business: {
      legalName: 'Legal name',
      registrationNumber: 'Registration number',
      country: 'Country (ISO 2-letter code)',
      yearsTrading: 'Years trading',
      contactName: 'Contact name',
      contactEmail: 'Email',
      contactPhone: 'Phone',
    },
    errors: {
      required: 'Needed by most channels.',
      tooLong: (max: number) => `At most ${n(max)} characters.`,
      country: 'Use the two-letter ISO code of the country, e.g. GB, US, CN.',
      yearsTrading: 'Enter a number of years from 0 to 200, e.g. 3 or 2.5.',
      contactEmail: 'Enter an email address such as name@example.com.',
    },
    saveBusiness: 'Save business details',
    fixFirst: 'Correct the fields marked above first.',
  },
};
