import { describe, expect, it } from 'vitest';
import { findBrowser, noBrowserMessage } from '../../scripts/find-browser.ts';

const only =
  (...paths: string[]) =>
  (path: string) =>
    paths.includes(path);

describe('finding a browser for npm run demo', () => {
  it('uses CHROMIUM_PATH first, and never another browser when it points nowhere', () => {
    expect(
      findBrowser({ CHROMIUM_PATH: '/opt/c/chrome' }, only('/opt/c/chrome', '/usr/bin/chromium'), 'linux')
        .found,
    ).toEqual({ path: '/opt/c/chrome', via: 'CHROMIUM_PATH', branded: false });
    const missing = findBrowser({ CHROMIUM_PATH: '/nope' }, only('/usr/bin/chromium'), 'linux');
    expect(missing.found).toBeNull();
    expect(noBrowserMessage(missing.tried)).toContain('CHROMIUM_PATH=/nope (no such file)');
  });

  it("prefers Debian's Chromium, then the PATH in order, then Google Chrome where Playwright looks", () => {
    const env = { PATH: '/usr/local/bin:/usr/bin' };
    expect(findBrowser(env, only('/usr/bin/chromium', '/usr/bin/google-chrome'), 'linux').found?.path).toBe(
      '/usr/bin/chromium',
    );
    expect(
      findBrowser(env, only('/usr/bin/chromium-browser', '/usr/local/bin/google-chrome'), 'linux').found,
    ).toEqual({ path: '/usr/bin/chromium-browser', via: 'chromium-browser on the PATH', branded: false });
    expect(findBrowser(env, only('/usr/local/bin/google-chrome-stable'), 'linux').found).toMatchObject({
      branded: true,
    });
    expect(findBrowser(env, only('/opt/google/chrome/chrome'), 'linux').found).toEqual({
      path: '/opt/google/chrome/chrome',
      via: 'Google Chrome',
      branded: true,
    });
  });

  it('says what it looked at and what to install when there is nothing', () => {
    const { found, tried } = findBrowser({ PATH: '/usr/bin' }, only(), 'linux');
    expect(found).toBeNull();
    const message = noBrowserMessage(tried);
    expect(message).toContain('/usr/bin/chromium');
    expect(message).toContain('google-chrome-stable on the PATH');
    expect(message).toContain('scripts/install-chromium.sh');
    expect(message).toContain('apt-get install chromium');
  });
});
