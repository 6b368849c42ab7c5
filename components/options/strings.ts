import { issueMessage } from '../../lib/i18n/issue-text.ts';
import type { Language } from '../../lib/i18n/language.ts';
import { translator } from '../../lib/i18n/translate.ts';
import type { Translator } from '../../lib/i18n/translator.ts';
import type { ImportIssue } from '../../lib/import/issues.ts';
import { replaceInPlace } from '../common/replace-in-place.ts';

/**
 * Every string the options page shows, built from the message tables (locales/*.yml) of one
 * language. A file's issues are worded from their codes (`issue.*`); catalog errors come from
 * lib/ and are shown as they are.
 */
function build(tr: Translator) {
  const { t } = tr;
  const n = (count: number) => tr.number(count);
  const S = {
    language: tr.language,
    locale: tr.intl,
    number: n,
    title: t('options.title'),
    loading: t('options.loading'),
    dash: t('options.dash'),
    range: (from: string, to: string) => (from === to ? from : t('options.range', [from, to])),
    bytes(size: number): string {
      if (size < 1024) return t('options.bytes', [size], size);
      const digits = { minimumFractionDigits: 1, maximumFractionDigits: 1 };
      if (size < 1024 * 1024) return t('options.kilobytes', [tr.number(size / 1024, digits)]);
      return t('options.megabytes', [tr.number(size / 1024 / 1024, digits)]);
    },

    sources: {
      heading: t('options.sources.heading'),
      interrupted: (name: string) => t('options.sources.interrupted', [name]),
      dismiss: t('options.sources.dismiss'),
      listFailed: (message: string) => t('options.sources.listFailed', [message]),
      emptyTitle: t('options.sources.emptyTitle'),
      emptyBody: t('options.sources.emptyBody'),
      columns: {
        name: t('options.sources.columns.name'),
        format: t('options.sources.columns.format'),
        rows: t('options.sources.columns.rows'),
        added: t('options.sources.columns.added'),
        period: t('options.sources.columns.period'),
        coverage: t('options.sources.columns.coverage'),
        actions: t('options.sources.columns.actions'),
      },
      coverageLabel: (withRecords: number, covered: number) =>
        t('options.sources.coverageLabel', [
          t('options.sources.months', [withRecords], withRecords),
          t('options.sources.months', [covered], covered),
        ]),
      coverageCell: (month: string, state: 'records' | 'covered' | 'none') =>
        state === 'records'
          ? t('options.sources.coverageRecords', [month])
          : state === 'covered'
            ? t('options.sources.coverageCovered', [month])
            : t('options.sources.coverageNone', [month]),
      coverageLegend: t('options.sources.coverageLegend'),
      remove: t('options.sources.remove'),
      removeLabel: (name: string) => t('options.sources.removeLabel', [name]),
      removeConfirm: (name: string, added: number) =>
        t('options.sources.removeConfirm', [added, name], added),
      removeYes: t('options.sources.removeYes'),
      removeNo: t('options.sources.removeNo'),
      removing: t('options.sources.removing'),
      removed: (name: string, removed: number) => t('options.sources.removed', [removed, name], removed),
      removedReimport: (names: string) => t('options.sources.removedReimport', [names]),
      removeFailed: (message: string) => t('options.sources.removeFailed', [message]),
    },

    importer: {
      heading: t('options.importer.heading'),
      drop: t('options.importer.drop'),
      or: t('options.importer.or'),
      choose: t('options.importer.choose'),
      hint: t('options.importer.hint'),
      oneAtATime: (name: string) => t('options.importer.oneAtATime', [name]),
      reading: (name: string) => t('options.importer.reading', [name]),
      progressLabel: t('options.importer.progressLabel'),
      progress: (read: number, total: number) =>
        t('options.importer.progress', [S.bytes(read), S.bytes(total)]),
      previewHeading: (name: string) => t('options.importer.previewHeading', [name]),
      format: t('options.importer.format'),
      encoding: t('options.importer.encoding'),
      rows: t('options.importer.rows'),
      records: t('options.importer.records'),
      months: t('options.importer.months'),
      period: t('options.importer.period'),
      size: t('options.importer.size'),
      byKindHeading: t('options.importer.byKindHeading'),
      kinds: {
        order: t('options.importer.kinds.order'),
        refund: t('options.importer.kinds.refund'),
        fee: t('options.importer.kinds.fee'),
        payout: t('options.importer.kinds.payout'),
        chargeback: t('options.importer.kinds.chargeback'),
        reserve: t('options.importer.kinds.reserve'),
        adjustment: t('options.importer.kinds.adjustment'),
      } as Record<string, string>,
      firstHeading: (shown: number, total: number) =>
        shown === total
          ? t('options.importer.allRecords', [total], total)
          : t('options.importer.firstRecords', [shown, total]),
      firstColumns: {
        line: t('options.importer.firstColumns.line'),
        kind: t('options.importer.firstColumns.kind'),
        date: t('options.importer.firstColumns.date'),
        reference: t('options.importer.firstColumns.reference'),
        amount: t('options.importer.firstColumns.amount'),
      },
      issuesHeading: (count: number) =>
        count === 0 ? t('options.importer.noIssues') : t('options.importer.issues', [count], count),
      /** What is wrong with a row or the file, in this language (English when it has no code). */
      issue: (issue: ImportIssue) => issueMessage(tr, issue),
      issueColumns: {
        line: t('options.importer.issueColumns.line'),
        column: t('options.importer.issueColumns.column'),
        message: t('options.importer.issueColumns.message'),
      },
      wholeFile: t('options.importer.wholeFile'),
      showMoreIssues: (more: number) => t('options.importer.showMoreIssues', [more], more),
      unknownTitle: (name: string) => t('options.importer.unknownTitle', [name]),
      unknownBody: t('options.importer.unknownBody'),
      noRecords: t('options.importer.noRecords'),
      importButton: (records: number) => t('options.importer.importButton', [records], records),
      cancel: t('options.importer.cancel'),
      close: t('options.importer.close'),
      storing: (sent: number, total: number) => t('options.importer.storing', [sent, total]),
      storingLabel: t('options.importer.storingLabel'),
      done: (name: string, added: number, duplicates: number) =>
        t(
          'options.importer.done',
          [added, name, duplicates > 0 ? t('options.importer.doneDuplicates', [duplicates], duplicates) : ''],
          added,
        ),
      failedRead: (detail: string) => t('options.importer.failedRead', [detail]),
      workerStopped: t('options.importer.workerStopped'),
      workerMessageLost: t('options.importer.workerMessageLost'),
      tooLarge: t('options.importer.tooLarge'),
      fileChanged: t('options.importer.fileChanged'),
      failedStore: (detail: string, sent: number) =>
        sent > 0
          ? t('options.importer.failedStoreAfter', [sent, detail], sent)
          : t('options.importer.failedStore', [detail]),
    },

    channels: {
      heading: t('options.channels.heading'),
      intro: t('options.channels.intro'),
      listFailed: (message: string) => t('options.channels.listFailed', [message]),
      columns: {
        name: t('options.channels.columns.name'),
        model: t('options.channels.columns.model'),
        provider: t('options.channels.columns.provider'),
        submission: t('options.channels.columns.submission'),
        source: t('options.channels.columns.source'),
        checked: t('options.channels.columns.checked'),
      },
      models: {
        'bank-partnered': t('options.channels.models.bankPartnered'),
        'platform-direct': t('options.channels.models.platformDirect'),
        p2p: t('options.channels.models.p2p'),
      } as Record<string, string>,
      submission: {
        api: t('options.channels.submission.api'),
        link: t('options.channels.submission.link'),
      } as Record<string, string>,
      sandbox: t('options.channels.sandbox'),
      addHeading: t('options.channels.addHeading'),
      addIntro: t('options.channels.addIntro'),
      urlLabel: t('options.channels.urlLabel'),
      urlPlaceholder: t('options.channels.urlPlaceholder'),
      addUrl: t('options.channels.addUrl'),
      fileLabel: t('options.channels.fileLabel'),
      adding: t('options.channels.adding'),
      added: (ids: string[]) => t('options.channels.added', [ids.length, ids.join(', ')], ids.length),
      rejected: t('options.channels.rejected'),
      failed: (message: string) => t('options.channels.failed', [message]),
    },

    dataCare: {
      heading: t('options.dataCare.heading'),
      keepLabel: t('options.dataCare.keepLabel'),
      keepForever: t('options.dataCare.keepForever'),
      months: (count: number) => t('options.dataCare.months', [n(count)]),
      idleLabel: t('options.dataCare.idleLabel'),
      idleNever: t('options.dataCare.idleNever'),
      days: (count: number) => t('options.dataCare.days', [n(count)]),
      note: t('options.dataCare.note'),
      save: t('options.dataCare.save'),
      saving: t('options.dataCare.saving'),
      saved: t('options.dataCare.saved'),
      notSaved: (message: string) => t('options.dataCare.notSaved', [message]),
      policy: t('options.dataCare.policy'),
      policyZh: t('options.dataCare.policyZh'),
      damagedHeading: (count: number) => t('options.dataCare.damagedHeading', [n(count)], count),
      damagedNote: t('options.dataCare.damagedNote'),
      store: t('options.dataCare.store'),
      key: t('options.dataCare.key'),
      problem: t('options.dataCare.problem'),
      when: t('options.dataCare.when'),
    },
    privacy: {
      heading: t('options.privacy.heading'),
      intro: t('options.privacy.intro'),
      consentsHeading: t('options.privacy.consentsHeading'),
      consentsEmpty: t('options.privacy.consentsEmpty'),
      consentsFailed: (message: string) => t('options.privacy.consentsFailed', [message]),
      columns: {
        recipient: t('options.privacy.columns.recipient'),
        purpose: t('options.privacy.columns.purpose'),
        fields: t('options.privacy.columns.fields'),
        when: t('options.privacy.columns.when'),
        state: t('options.privacy.columns.state'),
      },
      recipient: (name: string, provider: string) => t('options.privacy.recipient', [name, provider]),
      active: t('options.privacy.active'),
      revokedOn: (when: string) => t('options.privacy.revokedOn', [when]),
      revoke: t('options.privacy.revoke'),
      revokeLabel: (name: string) => t('options.privacy.revokeLabel', [name]),
      revokeConfirm: (name: string) => t('options.privacy.revokeConfirm', [name]),
      revokeYes: t('options.privacy.revokeYes'),
      revokeNo: t('options.privacy.revokeNo'),
      revoking: t('options.privacy.revoking'),
      revokeFailed: (message: string) => t('options.privacy.revokeFailed', [message]),
      notRevocable: t('options.privacy.notRevocable'),
      fields: {
        'requested.amount': t('options.privacy.fields.requestedAmount'),
        'requested.purpose': t('options.privacy.fields.requestedPurpose'),
        'business.legalName': t('options.privacy.fields.businessLegalName'),
        'business.registrationNumber': t('options.privacy.fields.businessRegistrationNumber'),
        'business.country': t('options.privacy.fields.businessCountry'),
        'business.yearsTrading': t('options.privacy.fields.businessYearsTrading'),
        'business.contactName': t('options.privacy.fields.businessContactName'),
        'business.contactEmail': t('options.privacy.fields.businessContactEmail'),
        'business.contactPhone': t('options.privacy.fields.businessContactPhone'),
        'profile.summary': t('options.privacy.fields.profileSummary'),
        'profile.monthly': t('options.privacy.fields.profileMonthly'),
        provenance: t('options.privacy.fields.provenance'),
      } as Record<string, string>,
      exportHeading: t('options.privacy.exportHeading'),
      exportIntro: t('options.privacy.exportIntro'),
      exportButton: t('options.privacy.exportButton'),
      exporting: (records: number) => t('options.privacy.exporting', [records], records),
      exported: (name: string) => t('options.privacy.exported', [name]),
      exportFailed: (message: string) => t('options.privacy.exportFailed', [message]),
      deleteHeading: t('options.privacy.deleteHeading'),
      deleteIntro: t('options.privacy.deleteIntro'),
      deleteButton: t('options.privacy.deleteButton'),
      deleteTypeLabel: t('options.privacy.deleteTypeLabel'),
      deleteWord: t('options.privacy.deleteWord'),
      deleteConfirm: t('options.privacy.deleteConfirm'),
      deleteCancel: t('options.privacy.deleteCancel'),
      deleting: t('options.privacy.deleting'),
      deleted: t('options.privacy.deleted'),
      deleteFailed: (message: string) => t('options.privacy.deleteFailed', [message]),
    },

    settings: {
      heading: t('options.settings.heading'),
      loadFailed: (message: string) => t('options.settings.loadFailed', [message]),
      currency: t('options.settings.currency'),
      language: t('options.settings.language'),
      languages: {
        auto: t('options.settings.languages.auto'),
        en: t('options.settings.languages.en'),
        zh_CN: t('options.settings.languages.zh_CN'),
      } as Record<string, string>,
      languageNote: t('options.settings.languageNote'),
      saving: t('options.settings.saving'),
      saved: t('options.settings.saved'),
      notSaved: (message: string) => t('options.settings.notSaved', [message]),
      businessHeading: t('options.settings.businessHeading'),
      businessIntro: t('options.settings.businessIntro'),
      business: {
        legalName: t('options.settings.business.legalName'),
        registrationNumber: t('options.settings.business.registrationNumber'),
        country: t('options.settings.business.country'),
        yearsTrading: t('options.settings.business.yearsTrading'),
        contactName: t('options.settings.business.contactName'),
        contactEmail: t('options.settings.business.contactEmail'),
        contactPhone: t('options.settings.business.contactPhone'),
      },
      errors: {
        required: t('options.settings.errors.required'),
        tooLong: (max: number) => t('options.settings.errors.tooLong', [max]),
        country: t('options.settings.errors.country'),
        yearsTrading: t('options.settings.errors.yearsTrading'),
        contactEmail: t('options.settings.errors.contactEmail'),
      },
      saveBusiness: t('options.settings.saveBusiness'),
      fixFirst: t('options.settings.fixFirst'),
    },
  };
  return S;
}

export type OptionsStrings = ReturnType<typeof build>;

/** The options page's texts in the current language (English until `setOptionsLanguage` says otherwise). */
export const S: OptionsStrings = build(translator('en'));

/** Switches every text to `language`, in place (see components/common/replace-in-place.ts). */
export function setOptionsLanguage(language: Language): void {
  replaceInPlace(S, build(translator(language)));
}
