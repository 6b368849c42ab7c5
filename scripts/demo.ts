/**
 * `npm run demo` (the build, then this script): Tradeline end to end without a seller account.
 *
 *   npm run demo                     headed Chromium with Tradeline, the demo dashboard open, for a person
 *   npm run demo -- --headless       plays the whole journey by itself: screenshots + demo-output/summary.{md,json}
 *   npm run demo -- --port 8787 --speed 1440 --out demo-output
 *
 * The journey is a list of steps a seller takes (read the dashboard, see the profile and the
 * offers, apply with consent, follow each application to its end). The headless run plays them
 * with screenshots; test/e2e/journey.e2e.test.ts plays the same steps and asserts what the
 * seller sees after each.
 *
 * Lender time: the interactive demo runs the sandbox lenders on the real clock at `--speed`
 * (1440: a nominal day of review per minute) and the person presses "Check now". The headless
 * run and the test step a SteppedClock to the very moment each lender's next transition is due
 * (the sandbox names it), so every status is reached exactly, with no waiting on wall time.
 * Tradeline's own timeline entries carry the wall clock while the lenders' run ahead of or behind
 * it; the timeline is kept in the order Tradeline learned each event, never sorted across the two
 * clocks, so its steps stay in order whatever the skew (the times shown may not be monotonic).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import type { StoredApplication } from '../lib/domain/application.ts';
import type { Channel, FinancingModel } from '../lib/domain/channel.ts';
import { formatMoney } from '../lib/money/format.ts';
import { askTabsFrom, LOOPBACK_HOSTS, openPanel, preapproveHosts } from '../test/e2e/browser.ts';
import { DAY } from '../test/sandbox/machine.ts';
import { type Sandbox, SteppedClock, startSandbox } from '../test/sandbox/server.ts';
import { findBrowser, noBrowserMessage } from './find-browser.ts';

export const EXTENSION_DIR = resolve('.output/chrome-mv3');

/** The demo seller's business (fictitious): what a lender's consent sheet asks for. */
export const DEMO_BUSINESS = {
  'Legal name': 'Harbour & Hearth Homewares Ltd',
  'Registration number': '09876543',
  'Country (ISO 2-letter code)': 'GB',
  'Years trading': '3',
  'Contact name': 'Ada Okafor',
  Email: 'ada@harbour-hearth.example',
} as const;

// ---- The browser ----

export interface JourneyBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
}

/** Chromium with the built extension in a fresh profile (the same flags as the browser tests). */
export async function launchTradeline(options: {
  executablePath: string;
  headless: boolean;
}): Promise<JourneyBrowser & { close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'tradeline-demo-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: options.executablePath,
    headless: options.headless,
    viewport: options.headless ? { width: 1100, height: 800 } : null,
    // A person's window without the "controlled by automated test software" bar.
    ...(options.headless ? {} : { ignoreDefaultArgs: ['--enable-automation'] }),
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--no-default-browser-check',
    ],
  });
  const worker =
    context.serviceWorkers().find((w) => w.url().endsWith('/background.js')) ??
    (await context.waitForEvent('serviceworker', {
      predicate: (w) => w.url().endsWith('/background.js'),
      timeout: 15_000,
    }));
  const extensionId = new URL(worker.url()).host;
  // Apply asks the browser for each lender's host; a person answers the prompt, a headless run
  // cannot, so the sandbox's hosts are approved ahead (as under chrome://extensions → Site access).
  if (options.headless) await preapproveHosts(context, extensionId, LOOPBACK_HOSTS);
  return {
    context,
    worker,
    extensionId,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

// ---- The journey ----

export interface RecordedNotification {
  id: string;
  title: string;
  message: string;
}

export interface Journey {
  browser: JourneyBrowser;
  sandbox: Sandbox;
  /** Lender time for the sandbox (the one given to startSandbox). */
  clock: SteppedClock;
  dashboard: Page;
  popup: Page;
  options: Page;
  /** Every notification the background raised, in order. */
  notifications: RecordedNotification[];
  /** Screenshots go here when set. */
  screenshots?: string;
}

/** The sandbox channel of each model, as the catalog names it. */
export function sandboxChannel(sandbox: Sandbox, model: FinancingModel): Channel {
  const channel = sandbox.catalog.channels.find((c) => c.model === model && c.sandbox);
  if (!channel) throw new Error(`The sandbox has no ${model} lender.`);
  return channel;
}

const popupUrl = (j: Journey) => `chrome-extension://${j.browser.extensionId}/popup.html`;
const optionsUrl = (j: Journey) => `chrome-extension://${j.browser.extensionId}/options.html`;

/**
 * Records each notification the background creates (chrome.notifications.create, which the
 * browser polyfill calls by name), so that a headless run can show and assert them.
 */
async function recordNotifications(worker: Worker): Promise<void> {
  await worker.evaluate(() => {
    const scope = globalThis as unknown as {
      tradelineNotifications?: { id: string; title: string; message: string }[];
      chrome: { notifications: { create: (...args: unknown[]) => unknown } };
    };
    if (scope.tradelineNotifications) return;
    const seen: { id: string; title: string; message: string }[] = [];
    scope.tradelineNotifications = seen;
    const api = scope.chrome.notifications;
    const create = api.create.bind(api);
    api.create = (...args: unknown[]) => {
      const [id, options] = typeof args[0] === 'string' ? args : [undefined, args[0]];
      const o = (options ?? {}) as { title?: string; message?: string };
      seen.push({ id: String(id ?? ''), title: o.title ?? '', message: o.message ?? '' });
      return create(...args);
    };
  });
}

/** Notifications raised since the last call (they are also kept in `j.notifications`). */
export async function newNotifications(j: Journey): Promise<RecordedNotification[]> {
  const all = await j.browser.worker.evaluate(
    () =>
      (globalThis as unknown as { tradelineNotifications?: RecordedNotification[] }).tradelineNotifications ??
      [],
  );
  const fresh = all.slice(j.notifications.length);
  j.notifications.push(...fresh);
  return fresh;
}

export async function startJourney(
  browser: JourneyBrowser,
  sandbox: Sandbox,
  clock: SteppedClock,
  screenshots?: string,
): Promise<Journey> {
  await recordNotifications(browser.worker);
  // A restarted background worker starts without the recorder: put it back (what the old one
  // recorded and was not yet read is lost, and a test counting notifications then fails).
  browser.context.on('serviceworker', (worker) => {
    if (!worker.url().endsWith('/background.js')) return;
    browser.worker = worker;
    void recordNotifications(worker);
  });
  const dashboard = await browser.context.newPage();
  const options = await browser.context.newPage();
  const popup = await browser.context.newPage();
  if (screenshots) mkdirSync(screenshots, { recursive: true });
  return {
    browser,
    sandbox,
    clock,
    dashboard,
    popup,
    options,
    notifications: [],
    ...(screenshots ? { screenshots } : {}),
  };
}

async function shot(j: Journey, page: Page, name: string): Promise<string | null> {
  if (!j.screenshots) return null;
  const path = join(j.screenshots, `${name}.png`);
  await page.bringToFront();
  await page.screenshot({ path, fullPage: true });
  return path;
}

// Step 1: the demo dashboard, read by the extension's panel.

export interface ListRead {
  list: 'orders' | 'payouts';
  pages: number;
  rows: number;
  added: number;
  skipped: number;
  notices: string[];
  screenshot: string | null;
}

interface PanelOutcome {
  page: string | null;
  lines: { source: string; rows: number; records: number; added: number; skipped: unknown[] }[];
  /** English `message`, with the code and params the panel translates. */
  notices: { message: string }[];
}

/**
 * Opens a list of the demo dashboard, opens its Tradeline panel (pressing the launcher) and reads
 * the list, every page: the panel lives in a closed shadow root that no page script (nor
 * Playwright) can reach, so the request goes as a message from an extension page to the tab's
 * reader (which listens once the panel is open); the panel shows the progress and the result on
 * the page as when the seller presses its button.
 */
export async function readDashboardList(j: Journey, list: 'orders' | 'payouts'): Promise<ListRead> {
  await j.dashboard.goto(`${j.sandbox.origin}/dashboard/${list}`);
  await openPanel(j.dashboard);
  if (!j.popup.url().startsWith(popupUrl(j))) await j.popup.goto(popupUrl(j));
  const outcome = (await askTabsFrom(j.popup, {
    channel: 'tradeline/page',
    type: 'readPage',
    follow: true,
    pauseMs: 250,
  })) as PanelOutcome | null;
  if (!outcome) throw new Error(`The Tradeline panel of the ${list} page did not answer.`);
  return {
    list,
    pages: outcome.lines.length,
    rows: outcome.lines.reduce((n, l) => n + l.rows, 0),
    added: outcome.lines.reduce((n, l) => n + l.added, 0),
    skipped: outcome.lines.reduce((n, l) => n + l.skipped.length, 0),
    notices: outcome.notices.map((n) => n.message),
    screenshot: await shot(j, j.dashboard, `01-dashboard-${list}`),
  };
}

export interface Totals {
  orders: number;
  grossSales: number;
  refunds: number;
  fees: number;
  payouts: number;
}

/** What Tradeline stored for one platform (minor units of USD), read the way the popup reads it. */
export async function storedTotals(j: Journey, platform: string): Promise<Totals> {
  if (!j.popup.url().startsWith(popupUrl(j))) await j.popup.goto(popupUrl(j));
  type Sums = Record<string, number>;
  const reply = (await j.popup.evaluate(() =>
    chrome.runtime.sendMessage({ channel: 'tradeline/v1', type: 'getOverview', data: {} }),
  )) as {
    ok: boolean;
    data: {
      months: {
        platform: string;
        orders: number;
        grossSales: Sums;
        refunds: Sums;
        fees: Sums;
        payouts: Sums;
      }[];
    };
  };
  if (!reply.ok) throw new Error('getOverview failed');
  const months = reply.data.months.filter((m) => m.platform === platform);
  const sum = (field: 'grossSales' | 'refunds' | 'fees' | 'payouts') =>
    months.reduce((n, m) => n + (m[field].USD ?? 0), 0);
  return {
    orders: months.reduce((n, m) => n + m.orders, 0),
    grossSales: sum('grossSales'),
    refunds: sum('refunds'),
    fees: sum('fees'),
    payouts: sum('payouts'),
  };
}

/** What the demo dashboard says it generated (its totals.json). */
export async function dashboardTotals(j: Journey): Promise<{ shopify: Totals }> {
  return (await (await fetch(`${j.sandbox.origin}/dashboard/totals.json`)).json()) as { shopify: Totals };
}

// Step 2: once, on the options page: the business details lenders ask for, and the sandbox catalog.

export async function saveBusinessDetails(j: Journey): Promise<{ saved: string; screenshot: string | null }> {
  await j.options.goto(optionsUrl(j));
  const form = j.options.getByRole('form', { name: 'Business details' });
  for (const [label, value] of Object.entries(DEMO_BUSINESS)) {
    await form.getByRole('textbox', { name: label, exact: true }).fill(value);
  }
  await form.getByRole('button', { name: 'Save business details' }).click();
  const saved = form.getByText('Saved.', { exact: true });
  await saved.waitFor();
  return {
    saved: (await saved.textContent()) ?? '',
    screenshot: await shot(j, j.options, '02-business-details'),
  };
}

/**
 * Adds the sandbox's lender catalog (GET /lenders) on Options → Channels. The extension ships
 * the sandbox lenders at 127.0.0.1:8787; the catalog moves them to wherever this sandbox listens.
 */
export async function addSandboxCatalog(j: Journey): Promise<{ added: string; screenshot: string | null }> {
  if (!j.options.url().startsWith(optionsUrl(j))) await j.options.goto(optionsUrl(j));
  const section = j.options.getByRole('region', { name: 'Channels' });
  await section.getByRole('textbox', { name: 'Catalog URL' }).fill(`${j.sandbox.origin}/lenders`);
  await section.getByRole('button', { name: 'Add from URL' }).click();
  const added = section.getByText(/^Added \d+ channels?:/);
  await added.waitFor();
  return { added: (await added.textContent()) ?? '', screenshot: await shot(j, j.options, '03-channels') };
}

// Step 3: the popup.

async function openPopup(j: Journey, tab: 'Profile' | 'Offers' | 'Applications'): Promise<Page> {
  await j.popup.goto(popupUrl(j));
  if (tab !== 'Profile') await j.popup.getByRole('tab', { name: tab }).click();
  return j.popup;
}

export interface ProfileSeen {
  orders: string;
  months: string;
  band: string;
  score: string;
  screenshot: string | null;
}

export async function viewProfile(j: Journey): Promise<ProfileSeen> {
  const popup = await openPopup(j, 'Profile');
  const band = popup.getByTestId('profile-band');
  await band.waitFor();
  return {
    orders: (await popup.getByTestId('orders-count').textContent()) ?? '',
    months: (await popup.getByTestId('months-range').textContent()) ?? '',
    band: (await band.textContent()) ?? '',
    score: (await popup.getByTestId('profile-score').textContent()) ?? '',
    screenshot: await shot(j, popup, '04-profile'),
  };
}

export interface OfferSeen {
  channelId: string;
  name: string;
  model: FinancingModel;
  /** Whether it can be ticked (prequalified, applied to through Tradeline). */
  selectable: boolean;
  amount: string;
}

const MODELS: readonly FinancingModel[] = ['bank-partnered', 'platform-direct', 'p2p'];

/** The Offers tab, one card per sandbox lender. */
export async function viewOffers(j: Journey): Promise<{ offers: OfferSeen[]; screenshot: string | null }> {
  const popup = await openPopup(j, 'Offers');
  await popup.getByRole('heading', { name: /^You prequalify for/ }).waitFor();
  const offers: OfferSeen[] = [];
  for (const model of MODELS) {
    const channel = sandboxChannel(j.sandbox, model);
    const card = popup.getByRole('article', { name: channel.name });
    offers.push({
      channelId: channel.id,
      name: channel.name,
      model,
      selectable: (await card.getByRole('checkbox', { name: channel.name }).count()) === 1,
      amount:
        (await card
          .getByTestId('offer-amount')
          .textContent()
          .catch(() => null)) ?? '',
    });
  }
  return { offers, screenshot: await shot(j, popup, '05-offers') };
}

export interface Applied {
  notice: string;
  consentShot: string | null;
  screenshot: string | null;
}

/** Ticks the three sandbox lenders, reads the consent sheets, agrees once. */
export async function applyToAll(j: Journey): Promise<Applied> {
  const popup = j.popup;
  const names = MODELS.map((m) => sandboxChannel(j.sandbox, m).name);
  for (const name of names) await popup.getByRole('checkbox', { name }).check();
  await popup.getByRole('button', { name: `Apply to ${names.length} channels` }).click();
  await popup.getByRole('heading', { name: 'Review what is sent' }).waitFor();
  const agree = popup.getByRole('button', { name: `I agree, send to ${names.length} lenders` });
  await agree.waitFor();
  const consentShot = await shot(j, popup, '06-consent');
  // Lender time catches up with the wall clock: the applications arrive "now".
  j.clock.advanceTo(Date.now());
  await agree.click();
  const notice = popup.getByRole('status').filter({ hasText: /^Applied:/ });
  await notice.waitFor();
  return {
    notice: (await notice.textContent()) ?? '',
    consentShot,
    screenshot: await shot(j, popup, '07-applied'),
  };
}

/** What Tradeline stored, read the way the popup reads it. */
export async function storedApplications(j: Journey): Promise<StoredApplication[]> {
  const reply = (await j.popup.evaluate(() =>
    chrome.runtime.sendMessage({ channel: 'tradeline/v1', type: 'listApplications', data: {} }),
  )) as { ok: boolean; data: StoredApplication[] };
  if (!reply.ok) throw new Error('listApplications failed');
  return reply.data;
}

// Step 4: tracking. Lender time moves to a named moment, then the seller presses "Check now".

/** Moves lender time until the sandbox's application at `channelId` has `status` (error if it never would). */
export function lenderTimeUntil(j: Journey, channelId: string, status: StoredApplication['status']): void {
  for (let step = 0; step < 20; step += 1) {
    const seen = j.sandbox.lenderView(channelId);
    if (!seen) throw new Error(`The sandbox holds no application for ${channelId}.`);
    if (seen.view.status === status) return;
    if (!seen.next) {
      throw new Error(`${channelId} is ${seen.view.status} and does not become ${status} by itself.`);
    }
    j.clock.advanceTo(seen.next.at);
  }
  throw new Error(`${channelId} did not become ${status} within 20 transitions.`);
}

export interface CardSeen {
  channelId: string;
  status: string;
  /** The review stages (bank-partnered) or the funding line (P2P), as shown. */
  stages: string[];
  funding: string | null;
  fundedPercent: number | null;
  offers: string[];
}

export type Cards = Record<FinancingModel, CardSeen>;

async function readCards(j: Journey): Promise<Cards> {
  const popup = j.popup;
  const cards = {} as Cards;
  for (const model of MODELS) {
    const channel = sandboxChannel(j.sandbox, model);
    const card = popup.getByRole('article', { name: channel.name });
    await card.waitFor();
    const progress = card.getByRole('progressbar', { name: 'Funding progress' });
    const hasProgress = (await progress.count()) > 0;
    cards[model] = {
      channelId: channel.id,
      status: (await card.getByTestId('application-status').textContent()) ?? '',
      stages: (
        await card.getByRole('list', { name: 'Review stages' }).getByRole('listitem').allTextContents()
      ).map((s) => s.replace(/current stage$/, ' (current stage)')),
      funding: hasProgress
        ? await card.getByTestId('p2p-progress').getByRole('paragraph').textContent()
        : null,
      fundedPercent: hasProgress ? Number(await progress.getAttribute('value')) : null,
      offers: (await card.getByTestId(/^lender-offer-/).allTextContents()).map(
        // "Counter-offer: different from what you askedAmount$7,900.00Flat fee…" → "Counter-offer: $7,900.00"
        (text) => text.replace(/^(Counter-offer|Offer)\b.*?Amount(\S+?)Flat fee.*$/s, '$1: $2'),
      ),
    };
  }
  return cards;
}

/** Presses "Check now" on Applications (every open application is asked at once), then reads the cards afresh. */
export async function checkNow(
  j: Journey,
  name: string,
): Promise<{ cards: Cards; screenshot: string | null }> {
  const popup = await openPopup(j, 'Applications');
  await popup.getByRole('button', { name: 'Check now' }).click();
  await popup.getByText(/^Checked just now:/).waitFor();
  await openPopup(j, 'Applications');
  const cards = await readCards(j);
  return { cards, screenshot: await shot(j, popup, name) };
}

/** Accepts the lender's (counter-)offer on one card, confirming as the popup asks. */
export async function acceptOffer(j: Journey, model: FinancingModel): Promise<CardSeen> {
  const channel = sandboxChannel(j.sandbox, model);
  const card = j.popup.getByRole('article', { name: channel.name });
  await card.getByRole('button', { name: 'Accept this offer' }).click();
  await card.getByRole('button', { name: 'Yes, accept' }).click();
  await card.getByTestId('application-status').filter({ hasText: 'Accepted' }).waitFor();
  return (await readCards(j))[model];
}

// ---- The whole journey, played with screenshots (the headless demo) ----

export interface StepRecord {
  step: string;
  seconds: number;
  /** What the seller sees after the step: each application's status, as the popup words it. */
  statuses: Partial<Record<FinancingModel, string>>;
  notes: string[];
  screenshots: string[];
  notifications: string[];
}

export interface Summary {
  ok: boolean;
  error?: string;
  startedAt: string;
  browser: string;
  sandbox: { origin: string; speed: number };
  totalSeconds: number;
  steps: StepRecord[];
  notifications: RecordedNotification[];
}

const usd = (minor: number) => formatMoney(minor, 'USD', 'en-US');

export async function playJourney(j: Journey, summary: Summary, log: (line: string) => void): Promise<void> {
  const bank = sandboxChannel(j.sandbox, 'bank-partnered').id;
  const direct = sandboxChannel(j.sandbox, 'platform-direct').id;
  const p2p = sandboxChannel(j.sandbox, 'p2p').id;
  const step = async (
    name: string,
    run: () => Promise<{ notes: string[]; screenshots: (string | null)[]; cards?: Cards }>,
  ) => {
    const started = performance.now();
    const { notes, screenshots, cards } = await run();
    const fresh = await newNotifications(j);
    const record: StepRecord = {
      step: name,
      seconds: Math.round((performance.now() - started) / 10) / 100,
      statuses: cards
        ? {
            'bank-partnered': cards['bank-partnered'].status,
            'platform-direct': cards['platform-direct'].status,
            p2p: cards.p2p.status,
          }
        : {},
      notes,
      screenshots: screenshots.filter((s): s is string => s !== null),
      notifications: fresh.map((n) => n.title),
    };
    summary.steps.push(record);
    log(`✓ ${name} (${record.seconds} s)${notes.length ? `: ${notes.join('; ')}` : ''}`);
    for (const n of fresh) log(`  🔔 ${n.title}`);
  };

  await step('Read the demo dashboard: orders and payouts, every page', async () => {
    const orders = await readDashboardList(j, 'orders');
    const payouts = await readDashboardList(j, 'payouts');
    const stored = await storedTotals(j, 'shopify');
    const stated = (await dashboardTotals(j)).shopify;
    const same = JSON.stringify(stored) === JSON.stringify(stated);
    if (!same)
      throw new Error(`Stored ${JSON.stringify(stored)}, the dashboard generated ${JSON.stringify(stated)}.`);
    return {
      notes: [
        `orders: ${orders.rows} rows on ${orders.pages} pages, ${orders.added} records stored`,
        `payouts: ${payouts.rows} rows on ${payouts.pages} pages, ${payouts.added} records stored`,
        `stored totals = what the dashboard generated: ${stored.orders} paid orders, ${usd(stored.grossSales)} gross sales, ${usd(stored.refunds)} refunds, ${usd(stored.payouts)} paid out`,
      ],
      screenshots: [orders.screenshot, payouts.screenshot],
    };
  });
  await step('Business details and the sandbox lender catalog (options page)', async () => {
    const business = await saveBusinessDetails(j);
    const catalog = await addSandboxCatalog(j);
    return { notes: [catalog.added], screenshots: [business.screenshot, catalog.screenshot] };
  });
  await step('Profile in the popup', async () => {
    const p = await viewProfile(j);
    return {
      notes: [`${p.orders} orders, ${p.months}, score ${p.score}, band ${p.band}`],
      screenshots: [p.screenshot],
    };
  });
  await step('Offers from the three models', async () => {
    const { offers, screenshot } = await viewOffers(j);
    return {
      notes: offers.map((o) => `${o.model}: ${o.selectable ? o.amount : 'not prequalified'}`),
      screenshots: [screenshot],
    };
  });
  await step('Apply to all three, with one consent', async () => {
    const applied = await applyToAll(j);
    return { notes: [applied.notice], screenshots: [applied.consentShot, applied.screenshot] };
  });
  await step('Platform review starts (bank-partnered)', async () => {
    lenderTimeUntil(j, bank, 'in_review');
    const { cards, screenshot } = await checkNow(j, '08-platform-review');
    return { notes: cards['bank-partnered'].stages, screenshots: [screenshot], cards };
  });
  await step('Platform review passed, bank review; platform-direct counter-offer', async () => {
    lenderTimeUntil(j, bank, 'bank_review');
    lenderTimeUntil(j, direct, 'counter_offer');
    const { cards, screenshot } = await checkNow(j, '09-bank-review-counter-offer');
    return {
      notes: [...cards['bank-partnered'].stages, ...cards['platform-direct'].offers],
      screenshots: [screenshot],
      cards,
    };
  });
  await step('The seller accepts the counter-offer', async () => {
    const card = await acceptOffer(j, 'platform-direct');
    return { notes: [card.status], screenshots: [await shot(j, j.popup, '10-counter-offer-accepted')] };
  });
  await step('Platform-direct funded; P2P listed', async () => {
    lenderTimeUntil(j, direct, 'funded');
    lenderTimeUntil(j, p2p, 'listed');
    const { cards, screenshot } = await checkNow(j, '11-direct-funded-p2p-listed');
    return { notes: [], screenshots: [screenshot], cards };
  });
  await step('P2P funding: investors fill the listing', async () => {
    lenderTimeUntil(j, p2p, 'funding');
    // A nominal day of investors (the bank is still reviewing: its decision is due later).
    j.clock.advanceBy(DAY);
    const { cards, screenshot } = await checkNow(j, '12-p2p-funding');
    return { notes: [cards.p2p.funding ?? ''], screenshots: [screenshot], cards };
  });
  await step('The partner bank approves; the seller accepts', async () => {
    lenderTimeUntil(j, bank, 'offer');
    const { cards, screenshot } = await checkNow(j, '13-bank-approved');
    const accepted = await acceptOffer(j, 'bank-partnered');
    return {
      notes: [...cards['bank-partnered'].stages, `then ${accepted.status}`],
      screenshots: [screenshot],
      cards,
    };
  });
  await step('Bank-partnered funded; P2P fully funded', async () => {
    lenderTimeUntil(j, bank, 'funded');
    lenderTimeUntil(j, p2p, 'funded');
    const { cards, screenshot } = await checkNow(j, '14-all-funded');
    return { notes: [cards.p2p.funding ?? ''], screenshots: [screenshot], cards };
  });
}

function summaryMarkdown(summary: Summary, root: string): string {
  const rows = summary.steps.map((s, i) => {
    const statuses = Object.entries(s.statuses)
      .map(([model, status]) => `${model}: ${status}`)
      .join('<br>');
    const pics = s.screenshots.map((p) => `[${relative(root, p)}](${relative(root, p)})`).join(' ');
    const notes = [...s.notes, ...s.notifications.map((n) => `🔔 ${n}`)].join('<br>');
    return `| ${i + 1} | ${s.step} | ${s.seconds} | ${statuses || '—'} | ${notes || '—'} | ${pics} |`;
  });
  return [
    '# Tradeline demo: the whole journey',
    '',
    `${summary.ok ? 'Completed' : `**Stopped**: ${summary.error}`} in ${summary.totalSeconds} s of steps, ${summary.startedAt}, ${summary.browser}, sandbox ${summary.sandbox.origin} at speed ${summary.sandbox.speed} (lender time stepped to each transition).`,
    '',
    '| # | step | seconds | statuses after the step | what the seller sees | screenshots |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
    `Notifications raised by the background (${summary.notifications.length}):`,
    '',
    ...summary.notifications.map((n) => `- ${n.title}: ${n.message}`),
    '',
  ].join('\n');
}

// ---- The command ----

const USAGE = `Usage: npm run demo [-- --headless] [--port N] [--speed N] [--out DIR]

  (no flag)    opens Chromium with Tradeline and the demo dashboard, for you to click through
  --headless   plays the whole journey by itself; screenshots and summary.md/.json in --out
  --port       where the sandbox listens on 127.0.0.1 (default 8787; 0 = any free port)
  --speed      sandbox lender time runs N times faster (default 1440: a day of review per minute)
  --out        where the headless run writes (default demo-output)`;

async function main(): Promise<number> {
  let values: { headless?: boolean; port?: string; speed?: string; out?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        headless: { type: 'boolean' },
        port: { type: 'string' },
        speed: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const headless = values.headless ?? false;
  const port = Number(values.port ?? (headless ? 0 : 8787));
  const speed = Number(values.speed ?? 1440);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    console.error(`--port must be 0 to 65535, got ${values.port}\n\n${USAGE}`);
    return 2;
  }
  if (!Number.isFinite(speed) || speed <= 0) {
    console.error(`--speed must be a positive number, got ${values.speed}\n\n${USAGE}`);
    return 2;
  }

  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    console.error(
      `No built extension at ${EXTENSION_DIR}: run \`npm run build\` first (\`npm run demo\` does).`,
    );
    return 1;
  }
  const { found, tried } = findBrowser();
  if (!found) {
    console.error(noBrowserMessage(tried));
    return 1;
  }
  if (found.branded) {
    console.warn(
      `Only Google Chrome was found (${found.path}). Chrome 137 and later ignore --load-extension; if Tradeline does not appear, install Chromium (scripts/install-chromium.sh) or load ${EXTENSION_DIR} by hand in chrome://extensions (Developer mode → Load unpacked).`,
    );
  }
  if (!headless && process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.error(
      'There is no display to open a browser window on. Run `npm run demo -- --headless` to play the journey and get screenshots in demo-output/.',
    );
    return 1;
  }
  return headless
    ? runHeadless(found.path, found.via, speed, values.out ?? 'demo-output', port)
    : runInteractive(found.path, found.via, speed, port);
}

async function runHeadless(
  executablePath: string,
  via: string,
  speed: number,
  out: string,
  port: number,
): Promise<number> {
  const root = resolve(out);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  const clock = new SteppedClock(Date.now(), speed);
  const sandbox = await startSandbox({ port, speed, clock: clock.now });
  const browser = await launchTradeline({ executablePath, headless: true });
  const summary: Summary = {
    ok: false,
    startedAt: new Date().toISOString(),
    browser: `${via} (${executablePath}), headless`,
    sandbox: { origin: sandbox.origin, speed },
    totalSeconds: 0,
    steps: [],
    notifications: [],
  };
  console.log(`Tradeline demo, headless: sandbox at ${sandbox.origin}, browser ${executablePath}`);
  try {
    const j = await startJourney(browser, sandbox, clock, join(root, 'screenshots'));
    summary.notifications = j.notifications;
    await playJourney(j, summary, (line) => console.log(line));
    summary.ok = true;
  } catch (error) {
    summary.error = error instanceof Error ? error.message : String(error);
    console.error(`The journey stopped: ${summary.error}`);
  } finally {
    summary.totalSeconds = Math.round(summary.steps.reduce((n, s) => n + s.seconds, 0) * 100) / 100;
    writeFileSync(join(root, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
    writeFileSync(join(root, 'summary.md'), summaryMarkdown(summary, root));
    await browser.close();
    await sandbox.close();
  }
  console.log(
    `Summary: ${relative(process.cwd(), join(root, 'summary.md'))}, screenshots in ${relative(process.cwd(), join(root, 'screenshots'))}/`,
  );
  return summary.ok ? 0 : 1;
}

async function runInteractive(
  executablePath: string,
  via: string,
  speed: number,
  port: number,
): Promise<number> {
  let sandbox: Sandbox;
  try {
    sandbox = await startSandbox({ port, speed });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    console.warn(`Port ${port} is taken; the sandbox uses a free port instead.`);
    sandbox = await startSandbox({ port: 0, speed });
  }
  const browser = await launchTradeline({ executablePath, headless: false });
  // The demo does the two one-time chores itself, on the options page where a seller does them:
  // the catalog's URL depends on the sandbox's port, and without business details every
  // consent sheet would stop at "missing fields". Reading the dashboard is left to the person.
  const j = await startJourney(browser, sandbox, new SteppedClock(Date.now(), speed));
  await saveBusinessDetails(j);
  await addSandboxCatalog(j);
  await j.popup.close();
  await j.dashboard.goto(`${sandbox.origin}/dashboard/orders`);
  await j.dashboard.bringToFront();
  const minutesPerDay = 1440 / speed;
  console.log(`Tradeline demo: ${via} (${executablePath}) with Tradeline loaded.
  demo dashboard  ${sandbox.origin}/dashboard/orders
  sandbox lenders ${sandbox.origin}/lenders (added on the options page, with demo business details)
  lender time     ${speed}x: a nominal day of review takes ${minutesPerDay >= 1 ? `${minutesPerDay.toFixed(1)} min` : `${(minutesPerDay * 60).toFixed(0)} s`}

Click through:
  1. On the Orders page, open the Tradeline panel (the tab on the right edge): tick "every page of this list",
     press "Read this page".
     Then the same on Payouts.
  2. Open Tradeline from the toolbar (puzzle icon → pin Tradeline): Profile, then Offers.
  3. Tick the three "Demo lender" offers, Apply, read the consent sheets, agree, and allow Tradeline
     to contact the sandbox (127.0.0.1) when Chrome asks.
  4. Applications: press "Check now" from time to time. The bank-partnered loan goes through platform then
     bank review; the platform-direct one makes a counter-offer (accept it); the P2P one is listed and funded.
     Each change that needs you also raises a notification.
Close the browser window (or press Ctrl+C) to stop.`);
  await new Promise<void>((done) => {
    browser.context.on('close', () => done());
    process.once('SIGINT', () => done());
    process.once('SIGTERM', () => done());
  });
  await browser.close().catch(() => {});
  await sandbox.close();
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      process.exit(1);
    },
  );
}
