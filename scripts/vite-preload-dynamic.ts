import type { HtmlTagDescriptor, Plugin, Rollup } from 'vite';

/**
 * The popup's and the options page's entries send their first requests, then load the page's
 * bundle with a dynamic import (lib/messaging/early-requests.ts). This adds `modulepreload` links
 * for that bundle and everything it imports to the page's HTML, so that the browser fetches and
 * compiles them while the HTML is parsed, as it did when they were static imports: only their
 * evaluation waits for the first requests to be sent. Their stylesheets are preloaded too (Vite
 * would otherwise fetch them only at the dynamic import), as `preload`, not `stylesheet`: a
 * pending stylesheet holds back every script of the page, the entry and its first requests
 * included (issue 10), and nothing is rendered before the bundle runs. Vite's preload helper adds
 * the stylesheet itself at the dynamic import, from the preloaded copy, and resolves the import
 * only once it is applied: the first render is styled.
 */
export function preloadDynamicImports(): Plugin {
  return {
    name: 'tradeline-preload-dynamic-imports',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const bundle: Rollup.OutputBundle | undefined = ctx.bundle;
        const entry = ctx.chunk;
        if (!bundle || !entry) return [];
        const files = new Set<string>();
        const add = (file: string) => {
          const chunk = bundle[file];
          if (files.has(file) || !chunk || chunk.type !== 'chunk') return;
          files.add(file);
          for (const imported of chunk.imports) add(imported);
        };
        for (const file of entry.dynamicImports) add(file);
        // Already linked by Vite: the entry and its static imports.
        for (const file of [entry.fileName, ...entry.imports]) files.delete(file);
        const styles = new Set<string>();
        for (const file of files) {
          const chunk = bundle[file];
          if (chunk?.type === 'chunk')
            for (const css of chunk.viteMetadata?.importedCss ?? []) styles.add(css);
        }
        const link = (rel: string, href: string): HtmlTagDescriptor => ({
          tag: 'link',
          // CORS mode on both, as the preload helper's own links use: the preloaded copy is reused.
          attrs:
            rel === 'modulepreload'
              ? { rel, crossorigin: true, href: `/${href}` }
              : { rel, as: 'style', crossorigin: true, href: `/${href}` },
          injectTo: 'head',
        });
        return [
          ...[...styles].map((css) => link('preload', css)),
          ...[...files].map((file) => link('modulepreload', file)),
        ];
      },
    },
  };
}
