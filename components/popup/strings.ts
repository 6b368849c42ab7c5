import type { ApplicationStatus, StatusEvent } from '../../lib/domain/application.ts';
import type { FinancingModel } from '../../lib/domain/channel.ts';

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/**
 * Every text the popup shows, in one object, so that a translation is one more object of the same
 * shape (`typeof en`). Texts computed by lib/ (reasons, gaps, field labels) arrive already worded.
 */
export const en = {
  locale: 'en',
  /** Shown where a figure is not known. */
  none: '—',
  /** Between facts on one line. */
  separator: ' · ',
  appName: 'Tradeline',
  tabs: {
    label: 'Tradeline sections',
    profile: 'Profile',
    offers: 'Offers',
    applications: 'Applications',
  },
  overview: {
    loading: 'Loading your history…',
    error: (message: string) =>
      `Tradeline could not read your stored history: ${message}. Close and reopen the popup; if it persists, reload the extension.`,
  },
  empty: {
    label: 'No sales history yet',
    title: 'No sales history yet.',
    body: 'Start by importing a report you already export: an Amazon settlement report, a Shopify orders export or a PayPal activity download. Everything stays in this browser.',
    action: 'Import a report',
  },
  summary: {
    label: 'Your sales history',
    orders: 'orders',
    history: 'history',
    imports: (n: number) => (n === 1 ? 'import' : 'imports'),
    byMonth: 'Sales by month',
    month: 'Month',
    source: 'Source',
    ordersColumn: 'Orders',
    grossSales: 'Gross sales',
    manageSources: 'Manage sources',
  },
  profile: {
    label: 'Your credit profile',
    loading: 'Computing your profile…',
    error: (message: string) => `Your profile could not be computed: ${message}`,
    band: 'band',
    scoreOf: 'score of 100',
    supported: 'supported',
    reasonsHeading: 'What holds your score back',
    factorsHeading: 'How the score adds up',
    factor: 'Factor',
    points: 'Points',
    pointsOf: (points: number, max: number) => `${points}/${max}`,
    dataHeading: 'Your data',
    coverage: (percent: number) => `Data coverage: ${percent}% of the months since your first sale`,
    coverageHint: 'Months no imported report covers count as missing, not as zero sales.',
    freshness: (days: number | null, asOf: string) =>
      days === null
        ? `No records yet (profile as of ${asOf}).`
        : days === 0
          ? `Latest record: ${asOf}, today.`
          : `Latest record: ${plural(days, 'day', 'days')} before ${asOf}.`,
    stale: 'Import a recent report to keep your profile current: lenders look at the latest months.',
  },
  models: {
    'bank-partnered': 'Platform + partner bank',
    'platform-direct': 'Platform lends directly',
    p2p: 'P2P: many lenders fund it',
  } satisfies Record<FinancingModel, string>,
  repayment: {
    'percent-of-sales': 'Share of each sale',
    'fixed-installments': 'Fixed installments',
    monthly: 'Monthly installments',
    weekly: 'Weekly installments',
    holdback: (percent: number) => `${percent}% of each sale`,
  },
  offers: {
    label: 'Financing offers',
    loading: 'Checking which financing you prequalify for…',
    error: (message: string) =>
      `Your offers could not be computed: ${message}. Close and reopen the popup; if it persists, reload the extension.`,
    noHistory:
      'Import your sales history first: Tradeline needs it to check which financing you prequalify for.',
    noChannels: 'No financing channels are listed. Add a channel catalog on the options page.',
    noneEligible:
      'You do not prequalify for any channel yet. Each one below says what is missing; more months of history usually close the gap.',
    eligibleHeading: (n: number) => `You prequalify for ${plural(n, 'channel', 'channels')}`,
    ineligibleHeading: 'Not yet',
    estimateNote: 'Estimates from your own sales, computed in this browser. The lender decides.',
    amount: 'Amount',
    fee: 'Flat fee',
    apr: 'Est. APR',
    term: 'Term',
    repayment: 'Repayment',
    model: 'Model',
    months: (n: number) => plural(n, 'month', 'months'),
    aboutMonths: (n: number) => `about ${plural(n, 'month', 'months')}`,
    applyOnSite: (provider: string) => `Apply on ${provider}'s site`,
    linkNote: 'Applied on the provider’s site: Tradeline sends nothing.',
    track: 'Track it here',
    tracked: 'Tracked: record what the provider tells you under Applications.',
    gapsLabel: (name: string) => `What stands between you and ${name}`,
    sandbox: 'Demo lender',
    applyButton: (n: number) => (n === 0 ? 'Apply' : `Apply to ${plural(n, 'channel', 'channels')}`),
    applyHint:
      'Tick the channels you want, then review exactly what would be sent. Nothing leaves before you agree.',
    openOptions: 'Open options',
  },
  consent: {
    heading: 'Review what is sent',
    intro: (n: number) =>
      `Nothing has been sent yet. Read what each of the ${plural(n, 'lender', 'lenders')} would receive, then agree.`,
    purposeLabel: 'Purpose of the financing',
    purposeHint: 'Sent to every lender below.',
    defaultPurpose: 'Working capital: inventory',
    purposeEmpty: 'Say what the money is for: lenders ask.',
    purposeChanged: 'The sheets below still show the previous purpose.',
    updateSheets: 'Update the sheets',
    loading: 'Preparing the consent sheets…',
    error: (message: string) => `The consent sheets could not be prepared: ${message}. Nothing was sent.`,
    retry: 'Try again',
    recipient: 'Sent to',
    purpose: 'Purpose',
    fieldsHeading: 'Fields sent',
    field: 'Field',
    value: 'Value',
    notGiven: 'not yet given',
    withheldHeading: (n: number) => `Not sent to this lender (${n})`,
    missing: (fields: string) => `Missing: ${fields}.`,
    missingHelp:
      'Fill them once on the options page, under Settings → Business details, then check again. Applying is blocked until every field is given.',
    openOptions: 'Open options',
    checkAgain: 'Check again',
    agree: (n: number) => `I agree, send to ${plural(n, 'lender', 'lenders')}`,
    agreeBlocked: 'Give the missing fields first.',
    sending: 'Sending…',
    back: 'Back to offers',
    applyError: (message: string) =>
      `Your application was not accepted: ${message}. Check the sheets and press agree again; it is never sent twice.`,
  },
  applications: {
    label: 'Your applications',
    loading: 'Loading your applications…',
    error: (message: string) =>
      `Your applications could not be read: ${message}. Close and reopen the popup; if it persists, reload the extension.`,
    empty: 'No applications yet. Pick the channels you prequalify for in Offers and apply in one step.',
    seeOffers: 'See offers',
    checkNow: 'Check now',
    checking: 'Checking…',
    checked: (sent: number, polled: number) =>
      `Checked just now: ${plural(sent, 'application', 'applications')} sent, ${plural(polled, 'status', 'statuses')} updated.`,
    checkError: (message: string) => `Could not check now: ${message}. Tradeline checks again every minute.`,
    applied: (n: number) => `Applied: ${plural(n, 'application', 'applications')} stored and on their way.`,
  },
  card: {
    appliedOn: (date: string) => `Applied ${date}`,
    status: 'Status',
    queued: 'Waiting to be sent. Tradeline keeps it even if you close the browser.',
    sending: 'Sending…',
    retrying: (attempts: number, message: string | undefined) =>
      `Not delivered yet, retrying (${plural(attempts, 'attempt', 'attempts')} so far)${message ? `: ${message}` : ''}. Nothing to do: it keeps trying even after the browser closes.`,
    failed: (message: string) =>
      `The lender refused this application: ${message}. It will not be retried; fix what it says and apply again from Offers.`,
    manual: 'You apply on the provider’s site; Tradeline sends nothing for this one.',
    recordHeading: 'Record what the provider told you',
    recordStatus: 'Status',
    recordNote: 'Note',
    record: 'Record',
    bankStages: 'Review stages',
    platformReview: 'Platform review',
    bankReview: (bank: string | undefined) => (bank ? `Bank review (${bank})` : 'Bank review'),
    stage: (stage: string, decision: string) => `${stage}: ${decision}`,
    decision: {
      pending: 'pending',
      passed: 'passed',
      failed: 'not passed',
      approved: 'approved',
      declined: 'declined',
    },
    currentStage: 'current stage',
    funded: (percent: number) => `${percent}% funded`,
    investors: (n: number) => plural(n, 'investor', 'investors'),
    listingEnds: (date: string) => `listing ends ${date}`,
    fundingProgress: 'Funding progress',
    declinedHeading: 'Why it was declined',
    reapplyAfter: (date: string) => `You can apply again after ${date}.`,
    requestsHeading: 'The lender asks for',
    answered: 'Answered',
    attach: (item: string) => `Attach a file for: ${item}`,
    send: (filename: string) => `Send ${filename}`,
    sendingFile: 'Sending the file…',
    tooBig: (kb: number) =>
      `This file is ${kb.toLocaleString('en')} KB; files up to 700 KB can be sent. Export a smaller PDF or scan at a lower resolution.`,
    readError: 'The file could not be read. Pick it again.',
    offersHeading: 'Offers',
    counter: 'Counter-offer: different from what you asked',
    offer: 'Offer',
    expires: 'Expires',
    expired: 'Expired',
    accept: 'Accept this offer',
    acceptConfirm: (amount: string) => `Accept ${amount}? This commits you to the lender’s terms.`,
    acceptYes: 'Yes, accept',
    cancel: 'Cancel',
    withdraw: 'Withdraw',
    withdrawConfirm: (name: string) =>
      `Withdraw your application to ${name}? The lender is told and your consent is revoked. This cannot be undone.`,
    withdrawYes: 'Yes, withdraw',
    keep: 'Keep it',
    actionError: (message: string) => `That did not go through: ${message}. Try again in a moment.`,
    timeline: (n: number) => `Timeline (${plural(n, 'event', 'events')})`,
    source: {
      tradeline: 'Tradeline',
      channel: 'the lender',
      seller: 'you',
    } satisfies Record<StatusEvent['source'], string>,
    by: (source: string) => `by ${source}`,
  },
  status: {
    draft: 'Draft',
    queued: 'Waiting to send',
    submitted: 'Submitted',
    in_review: 'In review',
    bank_review: 'Bank review',
    info_requested: 'Information requested',
    offer: 'Offer received',
    counter_offer: 'Counter-offer received',
    accepted: 'Accepted',
    listed: 'Listed for lenders',
    funding: 'Funding',
    funded: 'Funded',
    repaying: 'Repaying',
    paid_off: 'Paid off',
    declined: 'Declined',
    withdrawn: 'Withdrawn',
    expired: 'Expired',
  } satisfies Record<ApplicationStatus, string>,
};

export type Strings = typeof en;

/** The popup's texts (English only for now). */
export const strings: Strings = en;
