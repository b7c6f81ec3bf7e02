// The resident portal's first load, per route: the gzipped JavaScript a browser downloads when a
// resident opens that address directly (a shared link, a bookmark): the entry chunk, the portal
// layout and the page's own lazy chunk, each with every chunk it imports statically, read from the
// Vite build manifest. The routes come from apps/web/src/app/router.tsx, so a new portal page is
// measured without anyone remembering to add it.
//   node bench/web-size.ts [distDir]   (default apps/web/dist; build it first: npm run build -w apps/web)
// Prints the table and writes bench/results/web-size.json.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const BUDGET_KB = 200;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ROUTER = join(root, 'apps', 'web', 'src', 'app', 'router.tsx');
const FEATURE_MESSAGES = 'src/lib/i18n/features.ts';

interface Chunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}
type Manifest = Record<string, Chunk>;

export interface PageSize {
  jsGzipKB: number;
  jsRawKB: number;
  chunks: number;
  /** the biggest chunks of this page (gzipped kB), to see what to split next */
  largest: Record<string, number>;
}

/** Every route under /portal in the router: its path and the route modules it loads. */
export function portalRoutes(routerSource = readFileSync(ROUTER, 'utf8')): Record<string, string[]> {
  // page(...) also loads the features' strings (lib/i18n/features.ts) before it shows: count them
  const modules = new Map<string, string[]>();
  for (const m of routerSource.matchAll(
    /const (\w+) = (page|lite)\(\(\) => import\('\.\/(routes\/[\w-]+\.tsx)'\)\)/g,
  ))
    modules.set(m[1], [`src/app/${m[3]}`, ...(m[2] === 'page' ? [FEATURE_MESSAGES] : [])]);
  const open = routerSource.match(/<Route path="\/portal" element=\{<(\w+) \/>\}>/);
  if (!open) throw new Error('no /portal route in the router');
  const layout = modules.get(open[1])!;
  const block = routerSource.slice(
    open.index! + open[0].length,
    routerSource.indexOf('</Route>', open.index),
  );
  const pages: Record<string, string[]> = {};
  for (const m of block.matchAll(/<Route (index|path="([^"]+)") element=\{<(\w+) \/>\} \/>/g)) {
    const path = m[1] === 'index' ? '/portal' : `/portal/${m[2]}`;
    const mod = modules.get(m[3]);
    if (!mod) throw new Error(`route ${path}: ${m[3]} is not a lazy page`);
    pages[path] = [...new Set([...layout, ...mod])];
  }
  return pages;
}

export function measurePortal(dist: string) {
  const manifest: Manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));
  const entry = Object.keys(manifest).find((k) => manifest[k].isEntry);
  if (!entry) throw new Error('no entry chunk in the manifest');
  const sizes = new Map<string, { raw: number; gzip: number }>();
  const sizeOf = (file: string) => {
    let s = sizes.get(file);
    if (!s) {
      const buf = readFileSync(join(dist, file));
      s = { raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
      sizes.set(file, s);
    }
    return s;
  };
  const closure = (keys: string[]) => {
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
  };
  const kb = (n: number) => +(n / 1024).toFixed(1);
  const pages: Record<string, PageSize> = {};
  for (const [path, modules] of Object.entries(portalRoutes())) {
    const files = [...closure([entry, ...modules])]
      .map((k) => manifest[k].file)
      .filter((f) => f.endsWith('.js'));
    const gzip = files.reduce((n, f) => n + sizeOf(f).gzip, 0);
    const raw = files.reduce((n, f) => n + sizeOf(f).raw, 0);
    const largest = Object.fromEntries(
      files
        .map((f) => [f.replace(/^assets\//, '').replace(/-[\w-]{8}\.js$/, ''), kb(sizeOf(f).gzip)] as const)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 5),
    );
    pages[path] = { jsGzipKB: kb(gzip), jsRawKB: kb(raw), chunks: files.length, largest };
  }
  const worst = Math.max(...Object.values(pages).map((p) => p.jsGzipKB));
  return {
    metric: 'resident portal first-load JavaScript per route, gzipped (level 9)',
    budgetKB: BUDGET_KB,
    worstKB: worst,
    withinBudget: worst <= BUDGET_KB,
    over: Object.keys(pages).filter((p) => pages[p].jsGzipKB > BUDGET_KB),
    pages,
  };
}

if (import.meta.main) {
  const dist = process.argv[2] ?? join(root, 'apps', 'web', 'dist');
  const result = { ...measurePortal(dist), measuredAt: new Date().toISOString() };
  for (const [path, p] of Object.entries(result.pages))
    console.log(`${path.padEnd(28)} ${String(p.jsGzipKB).padStart(6)} kB gz  ${p.chunks} chunks`);
  console.log(
    `worst ${result.worstKB} kB of ${BUDGET_KB} kB: ${result.withinBudget ? 'within' : 'OVER'} budget`,
  );
  writeFileSync(join(root, 'bench', 'results', 'web-size.json'), `${JSON.stringify(result, null, 2)}\n`);
  if (!result.withinBudget) process.exitCode = 1;
}
