// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reasonFor, unexplainedPermissions } from '../../lib/manifest-permissions.ts';

/**
 * Builds the extension (development/test build and release build, Chrome and Firefox) into a
 * temporary folder and checks what its manifests grant: every permission and host has a
 * reason written in lib/manifest-permissions.ts, the content security policy is strict, and
 * no code is loaded from anywhere but the package.
 */

interface Manifest {
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_security_policy?: { extension_pages?: string } | string;
  content_scripts?: { matches: string[]; js?: string[] }[];
  externally_connectable?: unknown;
  web_accessible_resources?: unknown;
  background?: { service_worker?: string; scripts?: string[] };
}

const out = mkdtempSync(join(tmpdir(), 'tradeline-manifest-'));

function buildInto(dir: string, browser: 'chrome' | 'firefox', release: boolean): string {
  const script = `import { build } from 'wxt';
const quiet = () => {};
await build({ outDir: ${JSON.stringify(dir)}, browser: ${JSON.stringify(browser)},
  logger: { debug: quiet, info: quiet, warn: quiet, success: quiet, log: quiet, error: console.error, fatal: console.error, level: 0 } });`;
  execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: process.cwd(),
    env: { ...process.env, WXT_RELEASE: release ? '1' : '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return join(dir, browser === 'chrome' ? 'chrome-mv3' : 'firefox-mv2');
}

const built: Record<'dev' | 'release' | 'firefox', { dir: string; manifest: Manifest }> = {} as never;

beforeAll(() => {
  for (const [name, browser, release] of [
    ['dev', 'chrome', false],
    ['release', 'chrome', true],
    ['firefox', 'firefox', false],
  ] as const) {
    const dir = buildInto(join(out, name), browser, release);
    built[name] = { dir, manifest: JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) };
  }
}, 120_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

const csp = (m: Manifest) =>
  typeof m.content_security_policy === 'string'
    ? m.content_security_policy
    : (m.content_security_policy?.extension_pages ?? '');

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name as string, values]),
  );
}

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

describe('the built manifest', () => {
  it('has a written reason for every permission and host, in every build', () => {
    for (const { manifest } of Object.values(built)) {
      expect(unexplainedPermissions(manifest)).toEqual([]);
    }
    const dev = built.dev.manifest;
    expect(dev.permissions).toEqual(['unlimitedStorage', 'alarms', 'notifications']);
    // No host is granted at install: channel hosts are asked for when the seller applies.
    expect(dev.host_permissions ?? []).toEqual([]);
    expect(dev.optional_host_permissions).toEqual([
      'https://*/*',
      'http://127.0.0.1/*',
      'http://localhost/*',
    ]);
    expect(built.firefox.manifest.optional_permissions).toEqual(dev.optional_host_permissions);
  });

  it('the check fails for a permission added without a reason', () => {
    const tampered = {
      ...built.dev.manifest,
      permissions: [...(built.dev.manifest.permissions ?? []), 'tabs'],
    };
    expect(unexplainedPermissions(tampered)).toEqual(['tabs']);
    expect(unexplainedPermissions({ host_permissions: ['<all_urls>'] })).toEqual(['<all_urls>']);
    expect(reasonFor('toString')).toBeUndefined();
  });

  it('a release build allows no plain HTTP and carries no demo dashboard script', () => {
    const m = built.release.manifest;
    expect(m.optional_host_permissions).toEqual(['https://*/*']);
    expect(directives(csp(m)).get('connect-src')).toEqual(["'self'", 'https:']);
    const matches = (m.content_scripts ?? []).flatMap((c) => c.matches);
    expect(matches.filter((p) => !p.startsWith('https://'))).toEqual([]);
  });

  it('has a strict content security policy: own scripts only, no eval, no plugins', () => {
    for (const { manifest } of Object.values(built)) {
      const policy = directives(csp(manifest));
      expect(policy.get('script-src')).toEqual(["'self'"]);
      expect(policy.get('default-src')).toEqual(["'self'"]);
      expect(policy.get('object-src')).toEqual(["'none'"]);
      expect(policy.get('base-uri')).toEqual(["'none'"]);
      expect(policy.get('form-action')).toEqual(["'none'"]);
      expect(csp(manifest)).not.toMatch(/unsafe-(eval|inline)|wasm-unsafe-eval|(^|\s)\*|:\/\/\*/);
      const connect = policy.get('connect-src') ?? [];
      expect(connect.filter((s) => s.startsWith('http:'))).toEqual(
        connect.filter((s) => /^http:\/\/(127\.0\.0\.1|localhost):\*$/.test(s)),
      );
    }
  });

  it('no page or other extension can message it; pages reach only their own marketplace’s reader', () => {
    for (const [name, { manifest }] of Object.entries(built)) {
      expect(manifest.externally_connectable).toBeUndefined();
      const exposed = (manifest.web_accessible_resources ?? []) as
        | { resources: string[]; matches: string[] }[]
        | string[];
      for (const entry of exposed) {
        // Firefox MV2 lists bare file names; MV3 lists each reader with the hosts that may load it.
        const resources = typeof entry === 'string' ? [entry] : entry.resources;
        for (const r of resources) expect(r, name).toMatch(/^[a-z]+-reader\.js$/);
        if (typeof entry !== 'string') {
          for (const m of entry.matches) {
            // One marketplace's hosts (a wildcard subdomain at most), loopback only outside a release.
            expect(m, name).toMatch(/^(https:\/\/(\*\.)?[a-z0-9.-]+|http:\/\/(127\.0\.0\.1|localhost))\/\*$/);
            if (name === 'release') expect(m, name).toMatch(/^https:/);
          }
        }
      }
    }
  });

  it('loads no remote code: every script is in the package, none evaluates strings', () => {
    for (const { dir } of Object.values(built)) {
      const all = files(dir);
      for (const file of all.filter((f) => f.endsWith('.html'))) {
        const html = readFileSync(file, 'utf8');
        expect(html, file).not.toMatch(/<script[^>]+src=["']?(https?:)?\/\//i);
        expect(html, file).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>\s*\S/i);
      }
      for (const file of all.filter((f) => f.endsWith('.js'))) {
        const js = readFileSync(file, 'utf8');
        expect(js, file).not.toMatch(/\beval\(|new Function\(|importScripts\(|setTimeout\(\s*["'`]/);
        expect(js, file).not.toMatch(/import\(\s*["'`]https?:/);
      }
    }
  });
});
