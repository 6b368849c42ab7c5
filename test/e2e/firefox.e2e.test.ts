import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import linter from 'addons-linter';
import { describe, expect, it } from 'vitest';

const FIREFOX_DIR = resolve('.output/firefox-mv2');

/** Mozilla's own linter (what addons.mozilla.org runs on upload) over the Firefox build. */
describe('the Firefox build', () => {
  it('has a Firefox manifest and passes addons-linter with no errors', async () => {
    if (!existsSync(join(FIREFOX_DIR, 'manifest.json'))) {
      throw new Error(`No Firefox build at ${FIREFOX_DIR}: run \`npm run build:firefox\` first.`);
    }
    const manifest = JSON.parse(readFileSync(join(FIREFOX_DIR, 'manifest.json'), 'utf8'));
    expect(manifest.manifest_version).toBe(2);
    expect(manifest.browser_specific_settings.gecko.id).toBe('tradeline@tradeline.dev');
    expect(manifest.permissions).toEqual(expect.arrayContaining(['alarms', 'notifications']));

    const result = await linter
      .createInstance({
        config: {
          _: [FIREFOX_DIR],
          logLevel: 'fatal',
          stack: false,
          pretty: false,
          warningsAsErrors: false,
          metadata: false,
          output: 'none',
          boring: false,
          selfHosted: false,
        },
        runAsBinary: false,
      })
      .run();
    const lines = (list: typeof result.errors) => list.map((m) => `${m.code} ${m.file ?? ''}: ${m.message}`);
    // Warnings (React's innerHTML, zod's Function-based fast path) are listed, not fatal.
    if (result.warnings.length)
      console.info(`addons-linter warnings:\n  ${lines(result.warnings).join('\n  ')}`);
    expect(lines(result.errors)).toEqual([]);
  }, 180_000);
});
