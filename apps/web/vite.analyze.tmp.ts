import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { defineConfig, mergeConfig } from 'vite';
import base from './vite.config.ts';
export default mergeConfig(base, defineConfig({
  plugins: [{ name: 'stub-missing', enforce: 'pre', resolveId(id, importer) {
    if (importer && id.startsWith('./routes/') && !existsSync(resolve(dirname(importer), id))) return '\0stub:' + id;
  }, load(id) { if (id.startsWith('\0stub:')) return 'export default function Stub(){return null}'; } }],
  build: { outDir: '/tmp/webdist', emptyOutDir: true, sourcemap: true },
}));
