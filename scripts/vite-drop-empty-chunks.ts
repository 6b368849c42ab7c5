import type { Plugin, Rollup } from 'vite';

/**
 * Removes chunks left without code (WXT's `virtual:wxt-html-plugins`, once Vite's modulepreload
 * polyfill is off and no WXT runtime plugin is configured, is such a chunk) and their imports and
 * `modulepreload` links: each one was one more file an extension page fetched before its own
 * module could run (issue 10). A chunk with any code is kept.
 */
export function dropEmptyChunks(): Plugin {
  return {
    name: 'tradeline-drop-empty-chunks',
    apply: 'build',
    generateBundle: {
      // After Vite's HTML plugin has emitted the pages that link the chunks.
      order: 'post',
      handler(_options, bundle) {
        const empty = Object.values(bundle).filter(
          (file): file is Rollup.OutputChunk =>
            file.type === 'chunk' && !file.isEntry && file.code.trim() === '',
        );
        for (const chunk of empty) {
          const name = chunk.fileName.split('/').at(-1) ?? chunk.fileName;
          const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          const statement = new RegExp(`import\\s*["'][^"']*/${escaped}["'];?\\n?`, 'g');
          const link = new RegExp(`\\s*<link rel="modulepreload"[^>]*/${escaped}">`, 'g');
          for (const file of Object.values(bundle)) {
            if (file.type === 'chunk' && file.imports.includes(chunk.fileName)) {
              file.code = file.code.replace(statement, '');
              file.imports = file.imports.filter((i) => i !== chunk.fileName);
            } else if (file.type === 'asset' && file.fileName.endsWith('.html')) {
              file.source = String(file.source).replace(link, '');
            }
          }
          delete bundle[chunk.fileName];
        }
      },
    },
  };
}
