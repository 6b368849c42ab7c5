import {
  act,
  addChannels,
  apply,
  catalog,
  listApplications,
  offers,
  preview,
  type ServiceDeps,
  tick,
  trackLinkOut,
} from '../applications/service.ts';
import type { Change } from '../applications/tracking.ts';
import { type ChannelClient, checkBaseUrl, createChannelClient } from '../channels/client.ts';
import { parseCatalog } from '../channels/parse-catalog.ts';
import type { StoredApplication } from '../domain/application.ts';
import type { OfferEstimate } from '../domain/channel.ts';
import { ImportRecord, type Platform } from '../domain/records.ts';
import { resolveLanguage } from '../i18n/language.ts';
import { importLabel } from '../storage/chunk-check.ts';
import { deleteAll, exportAll } from '../storage/data-repo.ts';
import type { TradelineDatabase } from '../storage/db.ts';
import { removeImport } from '../storage/imports-repo.ts';
import { dismissInterrupted, type ImportLocks, recoverInterrupted } from '../storage/interrupted.ts';
import {
  completeImports,
  interruptedImports,
  listAggregates,
  listImports,
  readSettings,
  writeSettings,
} from '../storage/overview-repo.ts';
import { currentProfile, recomputeProfile } from '../storage/profile-repo.ts';
import { listQuarantine, readValid } from '../storage/quarantine.ts';
import { applyRetention, noteUse } from '../storage/retention.ts';
import { storeImport } from '../storage/store-import.ts';
import type { Handlers } from './router.ts';

/** What the background entry point provides: browser APIs stay there. */
export interface HandlerDeps {
  db: () => Promise<TradelineDatabase>;
  version: string;
  now?: () => Date;
  clientFor?: (app: StoredApplication) => ChannelClient;
  random?: () => number;
  newId?: () => string;
  onChange?: (change: Change) => void;
  /** Fetches a catalog URL (the background's fetch). */
  fetchText?: (url: string) => Promise<string>;
  /** Plain HTTP to loopback channels and catalogs (the sandbox): development and test builds only. */
  allowLoopbackHttp?: boolean;
  /**
   * Whether the seller granted a channel's origin (optional host permission, asked for when
   * applying). Nothing is sent to an origin for which this says false. Absent: every origin.
   */
  hostPermitted?: (origin: string) => Promise<boolean>;
  pollBaseMs?: number;
  /** `i18n.getUILanguage()`: what the `auto` language setting follows. */
  uiLanguage?: () => string;
  /** Opens the toolbar popup; resolves `options` when it opened the options page instead. */
  openPopup?: () => Promise<'popup' | 'options'>;
  /** `navigator.locks`: tells an import whose writer died from one being stored (absent: by age). */
  locks?: ImportLocks;
}

/** The background's handlers, over the extension's IndexedDB. */
export function createHandlers(options: HandlerDeps): Handlers {
  const { db, version } = options;
  const now = options.now ?? (() => new Date());
  const today = () => now().toISOString().slice(0, 10);
  const service = async (): Promise<ServiceDeps> => ({
    db: await db(),
    clientFor:
      options.clientFor ??
      ((app) =>
        createChannelClient({
          baseUrl: app.endpoint,
          allowLoopbackHttp: options.allowLoopbackHttp ?? false,
          ...(options.hostPermitted ? { isPermitted: options.hostPermitted } : {}),
        })),
    now,
    random: options.random ?? Math.random,
    newId: options.newId ?? (() => crypto.randomUUID()),
    onChange: options.onChange ?? (() => {}),
    ...(options.pollBaseMs ? { pollBaseMs: options.pollBaseMs } : {}),
  });
  return {
    async ping() {
      return { version };
    },
    async getOverview() {
      const database = await db();
      const at = now();
      // One round of reads: the popup and the options page wait for this answer before they
      // render (issue 10), so nothing is read twice and nothing waits for a write.
      const read = () =>
        Promise.all([
          readValid(database, 'imports', ImportRecord, () => at),
          listAggregates(database),
          readSettings(database),
        ]);
      let [all, months, settings] = await read();
      // An import whose page was closed mid-file is undone before anything is shown (issue 11).
      // A storing import's totals are never in the monthly totals, but its rollback may rebuild
      // them (damaged chunks): everything is read again after it.
      if (all.some((i) => i.state === 'storing')) {
        await recoverInterrupted(database, options.locks, at);
        [all, months, settings] = await read();
      }
      // Opening the popup or the options page is what "using Tradeline" means for the
      // idle-deletion rule. The write is not waited for: a later transaction on the settings
      // is ordered after it, and a failed one is simply made again on the next open.
      const used = noteUse(settings, at);
      if (used) {
        settings = used;
        writeSettings(database, used).catch(() => {});
      }
      const imports = completeImports(all);
      const interrupted = interruptedImports(all);
      const platforms = [...new Set(months.map((m) => m.platform))].sort() as Platform[];
      return {
        imports: imports.length,
        records: months.reduce((n, m) => n + m.records, 0),
        orders: months.reduce((n, m) => n + m.orders, 0),
        firstMonth: months[0]?.month ?? null,
        lastMonth: months.at(-1)?.month ?? null,
        platforms,
        months,
        settings,
        interrupted: interrupted.map((i) => ({
          importId: i.id,
          name: importLabel(i),
          at: i.interruptedAt ?? i.importedAt,
        })),
      };
    },
    async dismissInterrupted({ importId }) {
      await dismissInterrupted(await db(), importId);
      return {};
    },
    async listImports() {
      return listImports(await db());
    },
    async importEntries(request) {
      // New data: the stored profile is recomputed now, so the popup never has to.
      return storeImport(await db(), request, now());
    },
    async saveSettings(settings) {
      const database = await db();
      // Saving is using: the idle clock of the retention rule starts (again) now.
      const { lastUsedAt: _, ...rest } = settings;
      await writeSettings(
        database,
        rest.retention?.deleteAfterIdleDays ? { ...rest, lastUsedAt: now().toISOString() } : rest,
      );
      await recomputeProfile(database, today());
      return settings;
    },
    async getProfile() {
      return currentProfile(await db(), today());
    },
    async getOffers() {
      const database = await db();
      return { offers: await offers({ db: database, now }), channels: await catalog(database) };
    },
    async listChannels() {
      return catalog(await db());
    },
    async getPanelSummary() {
      const database = await db();
      const [estimates, overview, settings] = await Promise.all([
        offers({ db: database, now }),
        listAggregates(database),
        readSettings(database),
      ]);
      const eligible = estimates.filter((o) => o.eligible && o.amount !== null);
      // The largest amount in the reporting currency; amounts in other currencies only when none is.
      const inReporting = eligible.filter((o) => o.currency === settings.reportingCurrency);
      const best = (inReporting.length > 0 ? inReporting : eligible).reduce<OfferEstimate | null>(
        (top, o) => (top === null || (o.amount ?? 0) > (top.amount ?? 0) ? o : top),
        null,
      );
      return {
        language: resolveLanguage(settings.language, options.uiLanguage?.() ?? 'en'),
        hasHistory: overview.some((m) => m.records > 0),
        checked: estimates.length,
        eligible: eligible.length,
        best: best ? { amount: best.amount ?? 0, currency: best.currency } : null,
      };
    },
    async openPopup() {
      if (!options.openPopup) throw new Error('Opening the popup is not available here.');
      return { opened: await options.openPopup() };
    },
    async addCatalog(request) {
      let text: string;
      let origin = 'the file';
      if ('url' in request) {
        origin = request.url;
        checkBaseUrl(request.url, { allowLoopbackHttp: options.allowLoopbackHttp ?? false });
        if (!options.fetchText) throw new Error('Fetching catalogs is not available here.');
        text = await options.fetchText(request.url);
      } else {
        text = request.text;
      }
      const parsed = parseCatalog(text, origin);
      if (!parsed.ok) return parsed;
      return { ok: true as const, added: await addChannels(await db(), parsed.channels) };
    },
    async previewApplication(request) {
      return preview({ db: await db(), now }, request);
    },
    async apply({ submissionId, ...request }) {
      return apply(await service(), submissionId, request);
    },
    async listApplications() {
      return listApplications(await db());
    },
    async applicationAction({ id, action }) {
      return act(await service(), id, action);
    },
    async trackLinkOut({ submissionId, channelId }) {
      return trackLinkOut(await service(), submissionId, channelId);
    },
    async tick({ force }) {
      const result = await tick(await service(), force ?? false);
      // The alarm's tick also applies the seller's retention settings.
      const database = await db();
      const retention = await applyRetention(database, now());
      if (retention.removedMonths.length > 0) await recomputeProfile(database, today());
      return result;
    },
    async removeImport({ importId }) {
      const database = await db();
      const result = await removeImport(database, importId);
      await recomputeProfile(database, today());
      return result;
    },
    async exportAll({ after }) {
      return exportAll(await db(), after ? { after } : {});
    },
    async listQuarantine() {
      return listQuarantine(await db());
    },
    async deleteAll() {
      return { cleared: await deleteAll(await db()) };
    },
  };
}
