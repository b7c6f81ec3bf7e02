// Measures the gzipped JavaScript a browser downloads on the first load of each resident-portal page,
// from the Vite build manifest: the entry chunk, the lazy route chunks the page needs, and every chunk
// they import statically. Writes dist-size.json next to this package's dist/.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

interface Chunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, Chunk>;

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const manifest: Manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));
const BUDGET_KB = 200;

const PAGES: Record<string, string[]> = {
  '/portal': ['src/app/routes/portal-layout.tsx', 'src/app/routes/portal-home.tsx'],
  '/portal/submit': ['src/app/routes/portal-layout.tsx', 'src/app/routes/portal-submit.tsx'],
  '/portal/track': ['src/app/routes/portal-layout.tsx', 'src/app/routes/portal-track.tsx'],
  '/portal/login': ['src/app/routes/portal-layout.tsx', 'src/app/routes/portal-login.tsx'],
  '/dispatch': ['src/app/routes/staff-layout.tsx', 'src/app/routes/dispatch.tsx'],
};

function closure(keys: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`not in the manifest: ${key}`);
    seen.add(key);
    for (const dep of chunk.imports ?? []) visit(dep);
  };
  for (const k of keys) visit(k);
  return seen;
}

const gzipCache = new Map<string, { raw: number; gzip: number }>();
function sizeOf(file: string) {
  let s = gzipCache.get(file);
  if (!s) {
    const buf = readFileSync(join(dist, file));
    s = { raw: buf.length, gzip: gzipSync(buf).length };
    gzipCache.set(file, s);
  }
  return s;
}

const entry = Object.keys(manifest).find((k) => manifest[k].isEntry);
if (!entry) throw new Error('no entry chunk in the manifest');

const pages = Object.fromEntries(
  Object.entries(PAGES).map(([page, routes]) => {
    const files = [...closure([entry, ...routes])]
      .map((k) => manifest[k].file)
      .filter((f) => f.endsWith('.js'));
    const gzip = files.reduce((n, f) => n + sizeOf(f).gzip, 0);
    const raw = files.reduce((n, f) => n + sizeOf(f).raw, 0);
    return [
      page,
      { jsGzipKB: +(gzip / 1024).toFixed(1), jsRawKB: +(raw / 1024).toFixed(1), chunks: files.length },
    ];
  }),
);

const portalPages = Object.keys(pages).filter((p) => p.startsWith('/portal'));
const worst = Math.max(...portalPages.map((p) => pages[p].jsGzipKB));
const result = {
  metric: 'resident portal first-load JavaScript, gzipped',
  budgetKB: BUDGET_KB,
  portalFirstLoadKB: pages['/portal'].jsGzipKB,
  worstPortalPageKB: worst,
  // the gate is the portal's landing page; deep links (a form opened from a shared link) are reported too
  withinBudget: pages['/portal'].jsGzipKB <= BUDGET_KB,
  pages,
  measuredAt: new Date().toISOString(),
};
writeFileSync(join(root, 'dist-size.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));
if (!result.withinBudget) process.exitCode = 1;
