// The server's place resolution, end to end in process: a county of ≥ 5,000 micro grids imported
// through the seeding path into PGlite, loaded by the OrgDirectory, then point → micro grid →
// ancestors, village and town rows (what intake and /org/locate do per request), compared with the
// bare domain index in the same run. Run: ./node_modules/.bin/node bench/geo-locate.bench.ts
// → bench/results/geo-locate.json. Goal (issue 4): ≥ 100,000 lookups/s.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openPglite } from '../apps/server/src/db/client.ts';
import { insertOrg, type OrgSpec } from '../apps/server/src/demo/org.ts';
import { createOrgDirectory } from '../apps/server/src/modules/org/org.directory.ts';
import {
  buildGridIndex,
  createRng,
  type GridLevel,
  generateCountyGeography,
  randomPointIn,
} from '../packages/domain/src/index.ts';

const POINTS = 500_000;
const towns = Array.from({ length: 20 }, (_, t) => ({
  code: `330681${101 + t}`,
  name: `第${t + 1}镇`,
  nameEn: `Town ${t + 1}`,
  villages: Array.from({ length: 25 }, (_, v) => ({
    code: `330681${101 + t}${201 + v}`,
    name: `第${t + 1}镇${v + 1}村`,
    nameEn: `Village ${t + 1}-${v + 1}`,
  })),
}));
const spec: OrgSpec = {
  county: { code: '330681', name: '诸暨市', nameEn: 'Zhuji' },
  towns,
  departments: [{ key: 'sifa', name: '司法局', nameEn: 'Justice', groups: ['01'] }],
  users: [{ username: 'admin', displayName: '管理员', role: 'admin', region: '330681' }],
};
let t = performance.now();
spec.geography = generateCountyGeography(
  { county: spec.county, towns, grids: { smallPerMedium: [3, 4], microPerSmall: [3, 4] } },
  'bench',
);
const generateMs = performance.now() - t;
const database = await openPglite(null);
t = performance.now();
await insertOrg(database.db, spec, 'x', new Date());
const insertMs = performance.now() - t;
const org = createOrgDirectory(database.db);
t = performance.now();
await org.refresh();
const refreshMs = performance.now() - t;
const micros = spec.geography.features.filter((f) => f.properties.level === 'micro');
const rng = createRng(7);
const points = Array.from({ length: 10_000 }, () =>
  randomPointIn(micros[Math.floor(rng() * micros.length)].geometry, rng),
);
const county = 'r-330681';

const rates: number[] = [];
let misses = 0;
for (let run = 0; run < 5; run++) {
  const start = performance.now();
  for (let i = 0; i < POINTS; i++) {
    const [lon, lat] = points[i % points.length];
    const hit = org.locate(county, lon, lat);
    if (!hit?.grids.micro || !hit.regions.village) misses++;
  }
  rates.push(POINTS / ((performance.now() - start) / 1000));
}
rates.sort((a, b) => a - b);
// the bare domain index over the same grids, same points, same run: the ratio is what counts
const bare = buildGridIndex(
  spec.geography.features
    .filter((f) => f.properties.kind === 'grid')
    .map((f) => ({
      code: f.properties.code,
      level: f.properties.level as GridLevel,
      parentCode: f.properties.parent_code,
      regionCode: f.properties.region_code ?? null,
      geometry: f.geometry,
    })),
);
const bareRates: number[] = [];
for (let run = 0; run < 5; run++) {
  const start = performance.now();
  for (let i = 0; i < POINTS; i++) {
    const [lon, lat] = points[i % points.length];
    if (!bare.locate(lon, lat)) misses++;
  }
  bareRates.push(POINTS / ((performance.now() - start) / 1000));
}
bareRates.sort((a, b) => a - b);
const result = {
  at: new Date().toISOString(),
  microGrids: micros.length,
  grids: spec.geography.features.filter((f) => f.properties.kind === 'grid').length,
  generateMs: Math.round(generateMs),
  insertMs: Math.round(insertMs),
  directoryRefreshMs: Math.round(refreshMs),
  lookupsPerSecondMedian: Math.round(rates[2]),
  lookupsPerSecondRuns: rates.map(Math.round),
  bareIndexPerSecondMedian: Math.round(bareRates[2]),
  ratioToBareIndex: Math.round((rates[2] / bareRates[2]) * 100) / 100,
  misses,
  goal: 100_000,
};
console.log(JSON.stringify(result, null, 2));
const out = join(dirname(fileURLToPath(import.meta.url)), 'results', 'geo-locate.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
await database.close();
