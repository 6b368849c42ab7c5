import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';

export const EXTENSION_DIR = resolve('.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags of every launch here (with or without the extension): quiet, offline, no GPU. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
] as const;

export interface Launched {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** The fresh profile folder (its path is on every Chromium process's command line). */
  profileDir: string;
  close: () => Promise<void>;
}

/**
 * Starts Debian's Chromium with the built extension (plus any extra unpacked ones) in a fresh
 * profile. `extensionDir` loads another copy of it (the browser bench adds its page to one).
 */
export async function launchWithExtension(
  extra: string[] = [],
  extensionDir: string = EXTENSION_DIR,
  /** More Chromium switches (the storage bench exposes gc() to start each run from a collected heap). */
  args: readonly string[] = [],
): Promise<Launched> {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}: run \`npm run build\` first.`);
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: install Debian's package (apt-get install -y chromium).`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'tradeline-e2e-'));
  const extensions = [extensionDir, ...extra].join(',');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      `--disable-extensions-except=${extensions}`,
      `--load-extension=${extensions}`,
      ...CHROMIUM_ARGS,
      ...args,
    ],
  });
  const worker =
    context.serviceWorkers().find((w) => w.url().endsWith('/background.js')) ??
    (await context.waitForEvent('serviceworker', { predicate: (w) => w.url().endsWith('/background.js') }));
  const extensionId = new URL(worker.url()).host;
  await preapproveHosts(context, extensionId, LOOPBACK_HOSTS);
  return {
    context,
    worker,
    extensionId,
    profileDir: profile,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The sandbox's hosts: the popup asks for them when applying, as it does for a real lender's. */
export const LOOPBACK_HOSTS = ['http://127.0.0.1/*', 'http://localhost/*'];

/**
 * Approves host permissions in advance, as a seller does under chrome://extensions → Site access,
 * so that the popup's `permissions.request` at Apply resolves without a prompt (a headless
 * browser cannot click one). The extension still holds nothing until it asks: a granted-ahead
 * host becomes active only when requested.
 */
export async function preapproveHosts(
  context: BrowserContext,
  extensionId: string,
  hosts: readonly string[],
): Promise<void> {
  const page = await context.newPage();
  await page.goto('chrome://extensions');
  await page.evaluate(
    async ({ id, patterns }) => {
      const dev = (
        globalThis as unknown as {
          chrome: { developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } };
        }
      ).chrome.developerPrivate;
      for (const host of patterns) await dev.addHostPermission(id, host);
    },
    { id: extensionId, patterns: [...hosts] },
  );
  await page.close();
}

/** Serves fixed HTML on a loopback port the test chooses at random. */
export async function serveHtml(html: string): Promise<{ url: string; server: Server }> {
  const server = createServer((_, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { url: `http://127.0.0.1:${address.port}/`, server };
}

/** Chromium's id for an unpacked extension: the SHA-256 of its absolute path, hex digits mapped to a-p. */
export function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(resolve(dir)).digest('hex').slice(0, 32);
  return [...hex].map((d) => String.fromCharCode(97 + Number.parseInt(d, 16))).join('');
}

/**
 * Presses Tradeline's launcher the way a seller does (a real click on the tab at the page's right
 * edge, halfway down: it is in a closed shadow root) and waits for the panel. The page answers
 * the extension's `tradeline/page` messages (`askTabs`) only after this. The viewport is the
 * page's own (its client area, without scrollbars), so a headed window works too.
 */
export async function openPanel(page: Page): Promise<void> {
  await page.waitForSelector('[data-tradeline-panel="launcher"]', { state: 'attached' });
  const { width, height } = await page.evaluate(() => ({
    width: document.documentElement.clientWidth,
    height: document.documentElement.clientHeight,
  }));
  await page.mouse.click(width - 8, height / 2);
  // The reader mounts the panel, removes the launcher and starts listening, in one task: the
  // launcher's going is the sign (a hostile page may have planted a lookalike panel host).
  await page.waitForSelector('[data-tradeline-panel="launcher"]', { state: 'detached' });
  await page.waitForSelector('[data-tradeline-panel=""]', { state: 'attached' });
}

/**
 * What the popup does to reach a dashboard: from an extension page, sends `message` to every
 * tab and returns the first answer (null when no Tradeline content script answered).
 */
export function askTabsFrom(extensionPage: Page, message: Record<string, unknown>): Promise<unknown> {
  return extensionPage.evaluate(async (m) => {
    // The tabs API (no permission needed for ids and tab messages), typed here only.
    const tabs = (
      globalThis as unknown as {
        chrome: {
          tabs: {
            query(q: object): Promise<{ id?: number }[]>;
            sendMessage(id: number, m: unknown): Promise<unknown>;
          };
        };
      }
    ).chrome.tabs;
    for (const tab of await tabs.query({})) {
      if (tab.id === undefined) continue;
      try {
        const reply = await tabs.sendMessage(tab.id, m);
        if (reply !== undefined) return reply;
      } catch {
        // no Tradeline content script in this tab
      }
    }
    return null;
  }, message);
}

/** `askTabsFrom` a popup page opened for the question and closed after. */
export async function askTabs(launched: Launched, message: Record<string, unknown>): Promise<unknown> {
  const ext = await launched.context.newPage();
  await ext.goto(`chrome-extension://${launched.extensionId}/popup.html`);
  const answer = await askTabsFrom(ext, message);
  await ext.close();
  return answer;
}
