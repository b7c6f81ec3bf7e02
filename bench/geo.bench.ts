// Grid geometry benchmark: point → micro-grid lookups over a generated county of ≥ 5,000 micro
// grids. Run: ./node_modules/.bin/node bench/geo.bench.ts  → bench/results/geo.json
// Absolute figures drift 2–3× on a shared machine (docs: performance.md); the brute-force figure
// measured in the same run gives the ratio that matters.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildGridIndex,
  createRng,
  type GridLevel,
  generateCountyGeography,
  type IndexedGrid,
  pointInGeometry,
  validateGridImport,
} from '../packages/domain/src/geo/index.ts';

const TOWNS = 20;
const VILLAGES = 25;
const POINTS = 1_000_000;
const RUNS = 5;

const spec = {
  county: { code: '330681000000', name: '诸暨市' },
  towns: Array.from({ length: TOWNS }, (_, t) => {
    const t3 = String(100 + t + 1);
    return {
      code: `330681${t3}000`,
      name: `第${t + 1}镇`,
      villages: Array.from({ length: VILLAGES }, (_, v) => ({
        code: `330681${t3}${String(200 + v + 1)}`,
        name: `第${t + 1}镇${v + 1}村`,
      })),
    };
  }),
  grids: { smallPerMedium: [3, 4] as [number, number], microPerSmall: [2, 4] as [number, number] },
};

const ms = (t0: number) => Math.round((performance.now() - t0) * 10) / 10;
const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];

let t0 = performance.now();
const county = generateCountyGeography(spec, 20240601);
const generateMs = ms(t0);
const grids: IndexedGrid[] = county.features
  .filter((f) => f.properties.kind === 'grid')
  .map((f) => ({
    code: f.properties.code,
    level: f.properties.level as GridLevel,
    parentCode: f.properties.parent_code,
    regionCode: f.properties.region_code ?? null,
    geometry: f.geometry,
  }));
const micros = grids.filter((g) => g.level === 'micro');
if (micros.length < 5000) throw new Error(`only ${micros.length} micro grids`);

t0 = performance.now();
const validation = validateGridImport(county);
const validateMs = ms(t0);
if (!validation.ok)
  throw new Error(`generated county fails validation: ${JSON.stringify(validation.problems[0])}`);

t0 = performance.now();
const index = buildGridIndex(grids);
const buildMs = ms(t0);

const rng = createRng(7);
const [w, s, e, n] = county.bbox!;
const pts = new Float64Array(POINTS * 2);
for (let i = 0; i < POINTS; i++) {
  pts[2 * i] = w + rng() * (e - w);
  pts[2 * i + 1] = s + rng() * (n - s);
}

const lookup = (count: number) => {
  let hits = 0;
  for (let i = 0; i < count; i++) if (index.locate(pts[2 * i], pts[2 * i + 1])) hits++;
  return hits;
};
lookup(100_000); // warm-up
const rates: number[] = [];
let hits = 0;
for (let r = 0; r < RUNS; r++) {
  t0 = performance.now();
  hits = lookup(POINTS);
  rates.push(POINTS / ((performance.now() - t0) / 1000));
}
const lookupsPerSec = Math.round(median(rates));

// brute force over every micro grid, same machine, same run: the baseline for the ratio
const BRUTE = 2_000;
t0 = performance.now();
for (let i = 0; i < BRUTE; i++) {
  for (const m of micros) if (pointInGeometry(pts[2 * i], pts[2 * i + 1], m.geometry)) break;
}
const bruteForceLookupsPerSec = Math.round(BRUTE / ((performance.now() - t0) / 1000));

const result = {
  name: 'geo.locate',
  lookupsPerSec,
  microGrids: micros.length,
  node: process.version,
  date: new Date().toISOString(),
  runs: rates.map(Math.round),
  hitRate: Math.round((hits / POINTS) * 1000) / 1000,
  bruteForceLookupsPerSec,
  speedupOverBruteForce: Math.round(lookupsPerSec / bruteForceLookupsPerSec),
  grids: grids.length,
  features: county.features.length,
  generateMs,
  validateMs,
  buildIndexMs: buildMs,
  goal: '>= 100000 lookups/s',
};
const out = join(dirname(fileURLToPath(import.meta.url)), 'results', 'geo.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));
