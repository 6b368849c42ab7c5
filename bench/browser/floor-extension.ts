import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Writes the floor extension of the content-script measurements into `dir`: one content script
 * that only listens for messages, at Tradeline's `run_at`, what any content script costs a page
 * (a script of one statement, `void 0`, measured no script time at all). One definition, so that
 * `bench/browser/run.ts` and `bench/browser/content-trace.ts` compare against the same floor.
 */
export function writeFloorExtension(dir: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'content script floor',
      version: '1.0',
      content_scripts: [{ matches: ['<all_urls>'], js: ['floor.js'], run_at: 'document_idle' }],
    }),
  );
  writeFileSync(join(dir, 'floor.js'), 'chrome.runtime.onMessage.addListener(() => undefined);\n');
  return dir;
}
