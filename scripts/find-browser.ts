import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * Finds a Chromium-family browser for `npm run demo`, never downloading one. In this order:
 * `CHROMIUM_PATH`, Debian's /usr/bin/chromium, then chromium-browser, chromium, google-chrome
 * and google-chrome-stable on the PATH, then Google Chrome where Playwright's `chrome` channel
 * looks for it.
 */

export interface FoundBrowser {
  /** The executable to launch. */
  path: string;
  /** Where it was found, for the demo's first line. */
  via: string;
  /**
   * Google Chrome's own builds (137 and later) ignore --load-extension, which the demo needs;
   * Chromium does not. The demo warns when it can only find Chrome.
   */
  branded: boolean;
}

export interface BrowserSearch {
  found: FoundBrowser | null;
  /** Every place looked at, for the message when nothing is found. */
  tried: string[];
}

const ON_PATH = ['chromium-browser', 'chromium', 'google-chrome', 'google-chrome-stable'] as const;

/** Where Playwright's `chrome` channel expects Google Chrome, per platform. */
export function chromeChannelPaths(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform === 'darwin') return ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'];
  if (platform === 'win32') {
    return [env.LOCALAPPDATA, env.PROGRAMFILES, env['PROGRAMFILES(X86)']]
      .filter((dir): dir is string => Boolean(dir))
      .map((dir) => `${dir}\\Google\\Chrome\\Application\\chrome.exe`);
  }
  return ['/opt/google/chrome/chrome'];
}

export function findBrowser(
  env: NodeJS.ProcessEnv = process.env,
  exists: (path: string) => boolean = existsSync,
  platform: NodeJS.Platform = process.platform,
): BrowserSearch {
  const tried: string[] = [];
  const custom = env.CHROMIUM_PATH;
  if (custom) {
    // Asked for explicitly: use it or say it is not there, never quietly fall back to another.
    if (exists(custom)) return { found: { path: custom, via: 'CHROMIUM_PATH', branded: false }, tried };
    return { found: null, tried: [`CHROMIUM_PATH=${custom} (no such file)`] };
  }
  tried.push('CHROMIUM_PATH (not set)');
  tried.push('/usr/bin/chromium');
  if (exists('/usr/bin/chromium')) {
    return { found: { path: '/usr/bin/chromium', via: "Debian's chromium package", branded: false }, tried };
  }
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  const suffix = platform === 'win32' ? '.exe' : '';
  for (const name of ON_PATH) {
    tried.push(`${name} on the PATH`);
    for (const dir of dirs) {
      const path = join(dir, name + suffix);
      if (exists(path))
        return { found: { path, via: `${name} on the PATH`, branded: name.startsWith('google') }, tried };
    }
  }
  for (const path of chromeChannelPaths(platform, env)) {
    tried.push(`${path} (Playwright's "chrome" channel)`);
    if (exists(path)) return { found: { path, via: 'Google Chrome', branded: true }, tried };
  }
  return { found: null, tried };
}

/** What to say, and what to install, when no browser was found. */
export function noBrowserMessage(tried: readonly string[]): string {
  return [
    'No Chromium or Chrome was found, so the demo cannot open a browser. Looked at:',
    ...tried.map((t) => `  - ${t}`),
    '',
    'Install Chromium (Tradeline never downloads a browser):',
    '  Debian or Ubuntu:  scripts/install-chromium.sh   (or: sudo apt-get install chromium)',
    '  elsewhere:         install Chromium, then run  CHROMIUM_PATH=/path/to/chromium npm run demo',
  ].join('\n');
}
