import type { ApplicationStatus, StatusEvent } from '../../lib/domain/application.ts';
import type { FinancingModel, PacketField } from '../../lib/domain/channel.ts';
import type { Language } from '../../lib/i18n/language.ts';
import { translator } from '../../lib/i18n/translate.ts';
import type { MessageKey, Translator } from '../../lib/i18n/translator.ts';
import { replaceInPlace } from '../common/replace-in-place.ts';

/** Per scorecard factor: the reason with the seller's figure and threshold, and the reason when it is missing. */
const REASONS: Record<string, readonly [MessageKey, MessageKey]> = {
  history: ['popup.reasons.history', 'popup.reasons.historyMissing'],
  volume: ['popup.reasons.volume', 'popup.reasons.volumeMissing'],
  stability: ['popup.reasons.stability', 'popup.reasons.stabilityMissing'],
  growth: ['popup.reasons.growth', 'popup.reasons.growthMissing'],
  refunds: ['popup.reasons.refunds', 'popup.reasons.refundsMissing'],
  chargebacks: ['popup.reasons.chargebacks', 'popup.reasons.chargebacksMissing'],
  payouts: ['popup.reasons.payouts', 'popup.reasons.payoutsMissing'],
  diversification: ['popup.reasons.diversification', 'popup.reasons.diversificationMissing'],
  coverage: ['popup.reasons.coverage', 'popup.reasons.coverageMissing'],
  freshness: ['popup.reasons.freshness', 'popup.reasons.freshnessMissing'],
};

/** Consent sheet rows by packet field (lib/applications/packet.ts labels them in English). */
const FIELD_KEYS: Record<PacketField, MessageKey> = {
  'requested.amount': 'popup.consent.fields.requestedAmount',
  'requested.purpose': 'popup.consent.fields.requestedPurpose',
  'business.legalName': 'popup.consent.fields.legalName',
  'business.registrationNumber': 'popup.consent.fields.registrationNumber',
  'business.country': 'popup.consent.fields.country',
  'business.yearsTrading': 'popup.consent.fields.yearsTrading',
  'business.contactName': 'popup.consent.fields.contactName',
  'business.contactEmail': 'popup.consent.fields.contactEmail',
  'business.contactPhone': 'popup.consent.fields.contactPhone',
  'profile.summary': 'popup.consent.fields.profileSummary',
  'profile.monthly': 'popup.consent.fields.profileMonthly',
  provenance: 'popup.consent.fields.provenance',
};

/** Eligibility rule metrics (lib/domain/channel.ts `RuleMetric`), as a gap names them. */
const METRICS: Record<string, MessageKey> = {
  monthsOfHistory: 'popup.metrics.monthsOfHistory',
  activeMonths: 'popup.metrics.activeMonths',
  ttmSales: 'popup.metrics.ttmSales',
  avgMonthlySales: 'popup.metrics.avgMonthlySales',
  lowestMonthSales: 'popup.metrics.lowestMonthSales',
  growthRate: 'popup.metrics.growthRate',
  volatility: 'popup.metrics.volatility',
  refundRate: 'popup.metrics.refundRate',
  chargebackRate: 'popup.metrics.chargebackRate',
  feeRate: 'popup.metrics.feeRate',
  payoutLongestGapDays: 'popup.metrics.payoutLongestGapDays',
  marketplaceConcentration: 'popup.metrics.marketplaceConcentration',
  dataCoverage: 'popup.metrics.dataCoverage',
  dataFreshnessDays: 'popup.metrics.dataFreshnessDays',
  score: 'popup.metrics.score',
};

/**
 * Every text the popup shows, built from the message tables (locales/*.yml) of one language.
 * Texts computed by lib/ (reasons, gaps, field labels) arrive already worded.
 */
function build(tr: Translator) {
  const { t } = tr;
  return {
    /** The language, and the tag Intl formats numbers, dates and money with. */
    language: tr.language,
    locale: tr.intl,
    number: tr.number,
    /** Shown where a figure is not known. */
    none: t('popup.none'),
    /** Between facts on one line. */
    separator: t('popup.separator'),
    appName: t('appName'),
    tabs: {
      label: t('popup.tabs.label'),
      profile: t('popup.tabs.profile'),
      offers: t('popup.tabs.offers'),
      applications: t('popup.tabs.applications'),
    },
    overview: {
      loading: t('popup.overview.loading'),
      error: (message: string) => t('popup.overview.error', [message]),
    },
    empty: {
      label: t('popup.empty.label'),
      title: t('popup.empty.title'),
      body: t('popup.empty.body'),
      action: t('popup.empty.action'),
    },
    summary: {
      label: t('popup.summary.label'),
      orders: t('popup.summary.orders'),
      history: t('popup.summary.history'),
      imports: (n: number) => t('popup.summary.imports', [], n),
      byMonth: t('popup.summary.byMonth'),
      month: t('popup.summary.month'),
      source: t('popup.summary.source'),
      ordersColumn: t('popup.summary.ordersColumn'),
      grossSales: t('popup.summary.grossSales'),
      manageSources: t('popup.summary.manageSources'),
    },
    chart: {
      heading: t('popup.chart.heading'),
      title: (currency: string) => t('popup.chart.title', [currency]),
      desc: (from: string, to: string, sales: string, refunds: string, payouts: string) =>
        t('popup.chart.desc', [from, to, sales, refunds, payouts]),
      sales: t('popup.chart.sales'),
      refunds: t('popup.chart.refunds'),
      payouts: t('popup.chart.payouts'),
      notCovered: t('popup.chart.notCovered'),
      notCoveredNote: t('popup.chart.notCoveredNote'),
      showTable: t('popup.chart.showTable'),
      empty: t('popup.chart.empty'),
    },
    profile: {
      label: t('popup.profile.label'),
      loading: t('popup.profile.loading'),
      error: (message: string) => t('popup.profile.error', [message]),
      band: t('popup.profile.band'),
      scoreOf: t('popup.profile.scoreOf'),
      supported: t('popup.profile.supported'),
      ttmSales: t('popup.profile.ttmSales'),
      reasonsHeading: t('popup.profile.reasonsHeading'),
      improveHeading: t('popup.profile.improveHeading'),
      factorsHeading: t('popup.profile.factorsHeading'),
      factor: t('popup.profile.factor'),
      points: t('popup.profile.points'),
      pointsOf: (points: number, max: number) => t('popup.profile.pointsOf', [points, max]),
      dataHeading: t('popup.profile.dataHeading'),
      coverage: (share: number) =>
        t('popup.profile.coverage', [tr.number(share, { style: 'percent', maximumFractionDigits: 0 })]),
      coverageHint: t('popup.profile.coverageHint'),
      freshness: (days: number | null, asOf: string) =>
        days === null
          ? t('popup.profile.freshnessNone', [asOf])
          : days === 0
            ? t('popup.profile.freshnessToday', [asOf])
            : t('popup.profile.freshness', [days, asOf], days),
      stale: t('popup.profile.stale'),
    },
    /** Factor names by scorecard id (lib/profile/scorecard.ts words them in English). */
    factors: {
      history: t('popup.factors.history'),
      volume: t('popup.factors.volume'),
      stability: t('popup.factors.stability'),
      growth: t('popup.factors.growth'),
      refunds: t('popup.factors.refunds'),
      chargebacks: t('popup.factors.chargebacks'),
      payouts: t('popup.factors.payouts'),
      diversification: t('popup.factors.diversification'),
      coverage: t('popup.factors.coverage'),
      freshness: t('popup.factors.freshness'),
    } as Record<string, string>,
    /**
     * A reason the score is held back. English shows lib/profile's own wording; another language
     * words it from the factor and the figures lib/ formatted (`params`), or falls back to English.
     */
    reason: (factor: string | undefined, reason: { code: string; message: string; params?: string[] }) => {
      const keys = factor ? REASONS[factor] : undefined;
      if (tr.language === 'en' || !keys) return reason.message;
      if (reason.code.endsWith('_unknown')) return t(keys[1]);
      return reason.params?.length === 2 ? t(keys[0], reason.params) : reason.message;
    },
    /**
     * What stands between the seller and a channel. English shows lib/channels' own wording;
     * another language words it from the gap's code and figures, or falls back to English.
     */
    gap: (gap: { code: string; message: string; params?: string[] | undefined }) => {
      const p = gap.params;
      if (tr.language === 'en' || !p) return gap.message;
      const fixed: Record<string, () => string> = {
        country: () => t('popup.gaps.country', p),
        no_accepted_sales: () => t('popup.gaps.noAcceptedSales', p),
        amount_below_minimum: () => t('popup.gaps.amountBelowMinimum', p),
        no_forecast: () => t('popup.gaps.noForecast'),
        term_too_long: () => t('popup.gaps.termTooLong', p),
        installment_too_high: () => t('popup.gaps.installmentTooHigh', p),
      };
      const worded = fixed[gap.code];
      if (worded) return worded();
      const [, metric, kind] = /^(\w+?)_(unknown|low|high)$/.exec(gap.code) ?? [];
      const label = metric ? METRICS[metric] : undefined;
      if (!label) return gap.message;
      if (kind === 'unknown') return t('popup.gaps.unknown', [t(label)]);
      if (metric === 'monthsOfHistory' && kind === 'low' && p.length === 1)
        return t('popup.gaps.moreMonths', p, Number(p[0]));
      if (p.length !== 2) return gap.message;
      return t(kind === 'low' ? 'popup.gaps.low' : 'popup.gaps.high', [t(label), ...p]);
    },
    /** How the supported amount was sized: lib/profile's wording in English, worded from its figures otherwise. */
    capacityBasis: (capacity: {
      basis: string;
      code?: string | undefined;
      params?: string[] | undefined;
    }) => {
      const p = capacity.params;
      if (tr.language === 'en' || !p) return capacity.basis;
      const keys: Record<string, MessageKey> = {
        too_short: 'popup.capacity.tooShort',
        band_none: 'popup.capacity.bandNone',
        lowest_month: 'popup.capacity.lowestMonth',
        lowest_month_capped: 'popup.capacity.lowestMonthCapped',
      };
      const key = capacity.code ? keys[capacity.code] : undefined;
      return key ? t(key, p) : capacity.basis;
    },
    /** What to do about each factor holding the score back, by scorecard id. */
    improve: {
      history: t('popup.improve.history'),
      volume: t('popup.improve.volume'),
      stability: t('popup.improve.stability'),
      growth: t('popup.improve.growth'),
      refunds: t('popup.improve.refunds'),
      chargebacks: t('popup.improve.chargebacks'),
      payouts: t('popup.improve.payouts'),
      diversification: t('popup.improve.diversification'),
      coverage: t('popup.improve.coverage'),
      freshness: t('popup.improve.freshness'),
    } as Record<string, string>,
    models: {
      'bank-partnered': t('popup.models.bankPartnered'),
      'platform-direct': t('popup.models.platformDirect'),
      p2p: t('popup.models.p2p'),
    } satisfies Record<FinancingModel, string>,
    repayment: {
      'percent-of-sales': t('popup.repayment.percentOfSales'),
      'fixed-installments': t('popup.repayment.fixedInstallments'),
      monthly: t('popup.repayment.monthly'),
      weekly: t('popup.repayment.weekly'),
      holdback: (percent: number) =>
        t('popup.repayment.holdback', [
          tr.number(percent / 100, { style: 'percent', maximumFractionDigits: 2 }),
        ]),
    },
    offers: {
      label: t('popup.offers.label'),
      loading: t('popup.offers.loading'),
      error: (message: string) => t('popup.offers.error', [message]),
      noHistory: t('popup.offers.noHistory'),
      noChannels: t('popup.offers.noChannels'),
      noneEligible: t('popup.offers.noneEligible'),
      eligibleHeading: (n: number) => t('popup.offers.eligibleHeading', [n], n),
      ineligibleHeading: t('popup.offers.ineligibleHeading'),
      estimateNote: t('popup.offers.estimateNote'),
      amount: t('popup.offers.amount'),
      fee: t('popup.offers.fee'),
      apr: t('popup.offers.apr'),
      term: t('popup.offers.term'),
      repayment: t('popup.offers.repayment'),
      model: t('popup.offers.model'),
      months: (n: number) => t('popup.offers.months', [n], n),
      aboutMonths: (n: number) => t('popup.offers.aboutMonths', [n], n),
      applyOnSite: (provider: string) => t('popup.offers.applyOnSite', [provider]),
      linkNote: t('popup.offers.linkNote'),
      track: t('popup.offers.track'),
      tracked: t('popup.offers.tracked'),
      gapsLabel: (name: string) => t('popup.offers.gapsLabel', [name]),
      sandbox: t('popup.offers.sandbox'),
      applyButton: (n: number) => (n === 0 ? t('popup.offers.apply') : t('popup.offers.applyTo', [n], n)),
      applyHint: t('popup.offers.applyHint'),
      openOptions: t('popup.offers.openOptions'),
    },
    consent: {
      heading: t('popup.consent.heading'),
      intro: (n: number) => t('popup.consent.intro', [n], n),
      purposeLabel: t('popup.consent.purposeLabel'),
      purposeHint: t('popup.consent.purposeHint'),
      defaultPurpose: t('popup.consent.defaultPurpose'),
      purposeEmpty: t('popup.consent.purposeEmpty'),
      purposeChanged: t('popup.consent.purposeChanged'),
      updateSheets: t('popup.consent.updateSheets'),
      loading: t('popup.consent.loading'),
      error: (message: string) => t('popup.consent.error', [message]),
      retry: t('popup.consent.retry'),
      recipient: t('popup.consent.recipient'),
      purpose: t('popup.consent.purpose'),
      fieldsHeading: t('popup.consent.fieldsHeading'),
      field: t('popup.consent.field'),
      value: t('popup.consent.value'),
      notGiven: t('popup.consent.notGiven'),
      withheldHeading: (n: number) => t('popup.consent.withheldHeading', [n]),
      withheldOrders: t('popup.consent.withheldOrders'),
      /** The browser's permission prompt was refused for these hosts (shown as the apply error). */
      permissionRefused: (hosts: readonly string[]) =>
        t('popup.consent.permissionRefused', [hosts.join(t('popup.consent.values.separator'))]),
      /** The sheet's purpose line from the channel and the seller's purpose (lib words it in English only). */
      purposeText: (params: readonly string[] | undefined, english: string) =>
        params === undefined || params.length < 2
          ? english
          : params.length === 2
            ? t('popup.consent.purposeText', params)
            : t('popup.consent.purposeTextWith', params),
      fieldLabel: (field: PacketField) => t(FIELD_KEYS[field]),
      /** A row's value: figures Tradeline words (summary, months, sources) in this language, else as given. */
      fieldValue: (row: { field: PacketField; value: string; params?: string[] | undefined }) => {
        const p = row.params;
        if (p === undefined) return row.value;
        if (row.field === 'profile.summary' && p.length === 4) return t('popup.consent.values.summary', p);
        if (row.field === 'profile.monthly')
          return p.length === 3
            ? t('popup.consent.values.monthly', p, Number(p[0]))
            : t('popup.consent.values.noMonths');
        if (row.field === 'provenance') {
          const sources: string[] = [];
          for (let i = 0; i + 2 < p.length; i += 3)
            sources.push(t('popup.consent.values.source', p.slice(i, i + 3)));
          return sources.join(t('popup.consent.values.separator')) || t('popup.consent.values.none');
        }
        return row.value;
      },
      missing: (fields: string) => t('popup.consent.missing', [fields]),
      missingHelp: t('popup.consent.missingHelp'),
      openOptions: t('popup.consent.openOptions'),
      checkAgain: t('popup.consent.checkAgain'),
      agree: (n: number) => t('popup.consent.agree', [n], n),
      agreeBlocked: t('popup.consent.agreeBlocked'),
      sending: t('popup.consent.sending'),
      back: t('popup.consent.back'),
      applyError: (message: string) => t('popup.consent.applyError', [message]),
    },
    applications: {
      label: t('popup.applications.label'),
      loading: t('popup.applications.loading'),
      error: (message: string) => t('popup.applications.error', [message]),
      empty: t('popup.applications.empty'),
      seeOffers: t('popup.applications.seeOffers'),
      checkNow: t('popup.applications.checkNow'),
      checking: t('popup.applications.checking'),
      checked: (sent: number, polled: number) =>
        t('popup.applications.checked', [
          t('popup.applications.checkedSent', [sent], sent),
          t('popup.applications.checkedPolled', [polled], polled),
        ]),
      checkError: (message: string) => t('popup.applications.checkError', [message]),
      applied: (n: number) => t('popup.applications.applied', [n], n),
    },
    card: {
      appliedOn: (date: string) => t('popup.card.appliedOn', [date]),
      status: t('popup.card.status'),
      queued: t('popup.card.queued'),
      sending: t('popup.card.sending'),
      retrying: (attempts: number, message: string | undefined) =>
        t('popup.card.retrying', [attempts, message ? `: ${message}` : ''], attempts),
      failed: (message: string) => t('popup.card.failed', [message]),
      manual: t('popup.card.manual'),
      recordHeading: t('popup.card.recordHeading'),
      recordStatus: t('popup.card.recordStatus'),
      recordNote: t('popup.card.recordNote'),
      record: t('popup.card.record'),
      bankStages: t('popup.card.bankStages'),
      platformReview: t('popup.card.platformReview'),
      bankReview: (bank: string | undefined) =>
        bank ? t('popup.card.bankReviewBy', [bank]) : t('popup.card.bankReview'),
      stage: (stage: string, decision: string) => t('popup.card.stage', [stage, decision]),
      decision: {
        pending: t('popup.card.decision.pending'),
        passed: t('popup.card.decision.passed'),
        failed: t('popup.card.decision.failed'),
        approved: t('popup.card.decision.approved'),
        declined: t('popup.card.decision.declined'),
      },
      currentStage: t('popup.card.currentStage'),
      funded: (percent: number) =>
        t('popup.card.funded', [tr.number(percent / 100, { style: 'percent', maximumFractionDigits: 1 })]),
      investors: (n: number) => t('popup.card.investors', [n], n),
      listingEnds: (date: string) => t('popup.card.listingEnds', [date]),
      fundingProgress: t('popup.card.fundingProgress'),
      declinedHeading: t('popup.card.declinedHeading'),
      reapplyAfter: (date: string) => t('popup.card.reapplyAfter', [date]),
      requestsHeading: t('popup.card.requestsHeading'),
      answered: t('popup.card.answered'),
      attach: (item: string) => t('popup.card.attach', [item]),
      send: (filename: string) => t('popup.card.send', [filename]),
      sendingFile: t('popup.card.sendingFile'),
      tooBig: (kb: number) => t('popup.card.tooBig', [kb]),
      readError: t('popup.card.readError'),
      offersHeading: t('popup.card.offersHeading'),
      counter: t('popup.card.counter'),
      offer: t('popup.card.offer'),
      expires: t('popup.card.expires'),
      expired: t('popup.card.expired'),
      accept: t('popup.card.accept'),
      acceptConfirm: (amount: string) => t('popup.card.acceptConfirm', [amount]),
      acceptYes: t('popup.card.acceptYes'),
      cancel: t('popup.card.cancel'),
      withdraw: t('popup.card.withdraw'),
      withdrawConfirm: (name: string) => t('popup.card.withdrawConfirm', [name]),
      withdrawYes: t('popup.card.withdrawYes'),
      keep: t('popup.card.keep'),
      actionError: (message: string) => t('popup.card.actionError', [message]),
      timeline: (n: number) => t('popup.card.timeline', [n], n),
      source: {
        tradeline: t('popup.card.source.tradeline'),
        channel: t('popup.card.source.channel'),
        seller: t('popup.card.source.seller'),
      } satisfies Record<StatusEvent['source'], string>,
      by: (source: string) => t('popup.card.by', [source]),
    },
    status: {
      draft: t('popup.status.draft'),
      queued: t('popup.status.queued'),
      submitted: t('popup.status.submitted'),
      in_review: t('popup.status.in_review'),
      bank_review: t('popup.status.bank_review'),
      info_requested: t('popup.status.info_requested'),
      offer: t('popup.status.offer'),
      counter_offer: t('popup.status.counter_offer'),
      accepted: t('popup.status.accepted'),
      listed: t('popup.status.listed'),
      funding: t('popup.status.funding'),
      funded: t('popup.status.funded'),
      repaying: t('popup.status.repaying'),
      paid_off: t('popup.status.paid_off'),
      declined: t('popup.status.declined'),
      withdrawn: t('popup.status.withdrawn'),
      expired: t('popup.status.expired'),
    } satisfies Record<ApplicationStatus, string>,
  };
}

export type Strings = ReturnType<typeof build>;

/** The popup's texts in the current language (English until `setPopupLanguage` says otherwise). */
export const strings: Strings = build(translator('en'));

/**
 * Switches every text to `language`. The object (and each group in it) is updated in place, so
 * modules that keep `strings.card` see the new language; call it before rendering.
 */
export function setPopupLanguage(language: Language): void {
  replaceInPlace(strings, build(translator(language)));
}
