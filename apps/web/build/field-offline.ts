import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const TEMPLATE = join(dirname(fileURLToPath(import.meta.url)), 'field-sw.js');
const FIELD_ROUTE = /\/app\/routes\/field[^/]*\.tsx$/;
const ROUTE = /\/app\/routes\//;

/**
 * Emits the field app's service worker (`/sw.js`) with the files it precaches: the shell (index.html,
 * the entry chunk with its static and lazy imports, CSS, but not the other pages) and everything the
 * /field route imports, so that the grid
 * worker's app opens with no connection once it has been opened online.
 */
export function fieldOffline(): Plugin {
  return {
    name: 'hewei-field-offline',
    apply: 'build',
    generateBundle(_options, bundle) {
      const need = new Set<string>();
      const visit = (file: string) => {
        const item = bundle[file];
        if (!item || need.has(file)) return;
        need.add(file);
        if (item.type !== 'chunk') return;
        for (const f of item.imports) visit(f);
        // lazily loaded parts of the shell (catalogues) are needed offline; other pages are not
        for (const f of item.dynamicImports) {
          const target = bundle[f];
          const facade = target?.type === 'chunk' ? (target.facadeModuleId ?? '') : '';
          if (!ROUTE.test(facade) || FIELD_ROUTE.test(facade)) visit(f);
        }
        for (const f of item.viteMetadata?.importedCss ?? []) need.add(f);
        for (const f of item.viteMetadata?.importedAssets ?? []) need.add(f);
      };
      for (const item of Object.values(bundle))
        if (item.type === 'chunk' && (item.isEntry || FIELD_ROUTE.test(item.facadeModuleId ?? '')))
          visit(item.fileName);
      const files = [
        '/index.html',
        '/favicon.svg',
        '/manifest.webmanifest',
        ...[...need].sort().map((f) => `/${f}`),
      ];
      const version = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 12);
      this.emitFile({
        type: 'asset',
        fileName: 'sw.js',
        source: `const VERSION = '${version}';\nconst PRECACHE = ${JSON.stringify(files)};\n${readFileSync(TEMPLATE, 'utf8')}`,
      });
    },
  };
}
