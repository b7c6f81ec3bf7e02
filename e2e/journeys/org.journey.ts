// Issue #4 "Done when": the admin imports the county's grid file through the map screen — first a deliberately
// broken copy (a self-intersecting ring, a duplicate code, an unknown parent), whose report names every fault
// and imports nothing, then the clean file — sees the outlines, clicks a point and reads whose grid it is and
// who answers for which category there; a case registered at that point gets that grid, and the routing
// suggestion names that department with the entry that matched. zh-CN; screenshots checked by eye.
// The grid and routing suggestion are asserted here over the API; the case page shows the grid in its overview
// and the dispatch form shows the suggestion (建议主办/协办), exercised in the browser by leader.journey.ts.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import type { Browser, Page } from 'playwright-core';
import { ApiSession } from '../lib/api.ts';
import { launch, newContext, shot, signIn } from '../lib/browser.ts';
import { L } from '../lib/ui.ts';

const BASE = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000';
const API = process.env.E2E_API_URL ?? BASE;

interface Feature {
  type: 'Feature';
  properties: { unit_id: string; code: string; level: string; parent_code: string | null; version: number };
  geometry: { type: string; coordinates: number[][][] };
}
interface Collection {
  type: 'FeatureCollection';
  features: Feature[];
}
interface Located {
  grids: Record<string, { id: string; code: string; name: string }>;
  regions: Record<string, { id: string; name: string }>;
  responsibilities: { categoryCode: string; categoryName: string; departmentName: string; role: string }[];
}

let browser: Browser;
const admin = new ApiSession(API);
const operator = new ApiSession(API);
const dispatcher = new ApiSession(API);
before(async () => {
  browser = await launch();
  await admin.signIn('admin');
  await operator.signIn('operator');
  await dispatcher.signIn('dispatcher');
});
after(async () => {
  await browser?.close();
});

/** The broken copy: one micro-grid's ring made a bow-tie, a micro-grid repeated, one with a parent that is not there. */
function broken(clean: Collection) {
  const file = structuredClone(clean);
  const micro = file.features.map((f, i) => [f, i] as const).filter(([f]) => f.properties.level === 'micro');
  const [bowTie, bowTieAt] = micro[0];
  const ring = bowTie.geometry.type === 'Polygon' ? bowTie.geometry.coordinates[0] : [];
  const xs = ring.map((p) => p[0]);
  const ys = ring.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  bowTie.geometry = {
    type: 'Polygon',
    coordinates: [
      [
        [x0, y0],
        [x1, y1],
        [x1, y0],
        [x0, y1],
        [x0, y0],
      ],
    ],
  };
  const duplicate = structuredClone(micro[1][0]);
  const orphan = structuredClone(micro[2][0]);
  orphan.properties.code = `${orphan.properties.code.slice(0, 6)}99999999`;
  orphan.properties.parent_code = `${orphan.properties.code.slice(0, 6)}99999990`;
  file.features.push(duplicate, orphan);
  const n = clean.features.length;
  return {
    file,
    faults: [
      { at: bowTieAt, code: bowTie.properties.code, problem: 'SELF_INTERSECTION' },
      { at: n, code: duplicate.properties.code, problem: 'DUPLICATE_CODE' },
      { at: n + 1, code: orphan.properties.code, problem: 'UNKNOWN_PARENT' },
    ],
  };
}

async function upload(page: Page, name: string, file: Collection) {
  const panel = page.locator('.ant-tabs-content-active');
  await page.locator('input[type="file"]').setInputFiles({
    name,
    mimeType: 'application/geo+json',
    buffer: Buffer.from(JSON.stringify(file)),
  });
  const run = panel.locator('button.ant-btn-primary'); // 导入 (antd spaces two-character labels)
  await run.waitFor();
  await page.waitForFunction((b) => !(b as HTMLButtonElement).disabled, await run.elementHandle());
  await run.click();
  await panel.locator('.ant-alert').first().waitFor();
  await page.waitForLoadState('networkidle');
  return panel;
}

test('the admin imports the county, reads a point, and a case there is routed by it (zh-CN)', async () => {
  const clean = await admin.call<Collection>('GET', '/org/geo/export');
  const before = new Map(clean.features.map((f) => [f.properties.code, f.properties.version]));
  const { file, faults } = broken(clean);

  const context = await newContext(browser, BASE, { locale: 'zh-CN' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await signIn(page, 'admin');
  await page.goto('/admin/map');
  await page.locator('.leaflet-container path').first().waitFor();
  await page.getByRole('tab', { name: L('admin.tab.import') }).click();

  // the broken file: refused, every planted fault named on its feature, nothing written
  let panel = await upload(page, 'county-broken.geojson', file);
  await panel.locator('.ant-alert-error').waitFor();
  const rows = await panel.locator('.ant-table-row').allInnerTexts();
  for (const f of faults)
    assert.ok(
      rows.some((r) => r.includes(String(f.at)) && r.includes(f.code) && r.includes(f.problem)),
      `the report names ${f.problem} on feature #${f.at} (${f.code}):\n${rows.join('\n')}`,
    );
  await page.screenshot({ path: await shot(page, 'zh-CN-org-import-refused'), fullPage: false });
  const after1 = await admin.call<Collection>('GET', '/org/geo/export');
  assert.equal(after1.features.length, clean.features.length, 'nothing was imported');
  assert.ok(
    after1.features.every((f) => before.get(f.properties.code) === f.properties.version),
    'no version moved',
  );

  // the clean file imports
  panel = await upload(page, 'county.geojson', clean);
  await panel.locator('.ant-alert-success').waitFor();
  assert.equal(await panel.locator('.ant-table-row').count(), 0, 'no problems in the clean file');
  await page.screenshot({ path: await shot(page, 'zh-CN-org-import-applied'), fullPage: false });

  // outlines on the map; a click at its middle tells whose grid it is and who answers for what
  assert.ok(
    (await page.locator('.leaflet-container path.leaflet-interactive').count()) > 10,
    'outlines drawn',
  );
  const box = (await page.locator('.leaflet-container').boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.getByRole('tab', { name: L('admin.tab.place') }).waitFor();
  const place = page.locator('.ant-tabs-content-active');
  const pointText = await place.locator('.ant-descriptions-item-content').first().innerText();
  const [lat, lon] = pointText.split(',').map((s) => Number(s.trim()));
  assert.ok(Number.isFinite(lat) && Number.isFinite(lon), `a point is shown: ${pointText}`);
  const here = await admin.call<Located>('GET', `/org/locate?lat=${lat}&lon=${lon}`);
  await place.getByText(here.grids.micro.code).first().waitFor();
  await place.getByText(here.regions.village.name).first().waitFor();
  const lead = here.responsibilities.find((r) => r.role === 'lead' && r.categoryCode.length === 4);
  assert.ok(lead, 'a leaf category has a lead department here');
  const line = place
    .locator('.ant-list-item')
    .filter({ hasText: `${lead.categoryCode} ${lead.categoryName}` });
  await line.filter({ hasText: lead.departmentName }).first().waitFor();
  await page.screenshot({ path: await shot(page, 'zh-CN-org-place'), fullPage: false });

  // a case registered at that point lands in that micro-grid and is routed to that department
  const c = await operator.call<{ id: string; version: number; place: { gridId: string | null } }>(
    'POST',
    '/cases',
    {
      kind: 'complaint',
      channel: 'hotline',
      categoryCode: lead.categoryCode,
      description: `${lead.categoryName}：现场反映情况，请尽快处理`,
      place: { lat, lon, regionId: here.regions.county?.id ?? here.regions.village.id },
      parties: [{ role: 'applicant', name: '李四', phone: '13812340001' }],
    },
  );
  const step = async (id: string, action: string, body: object = {}) => {
    const cur = await dispatcher.call<{ version: number }>('GET', `/cases/${id}`);
    return dispatcher.call('POST', `/cases/${id}/actions/${action}`, { version: cur.version, ...body });
  };
  await step(c.id, 'accept');
  await step(c.id, 'triage', { complexity: 'complex', colour: 'yellow' });
  const s = await dispatcher.call<{
    place: { gridId: string | null; gridCode: string | null; resolvedBy: string | null };
    suggestion: { source: string; lead: { name: string }; why: { kind: string; text: string }[] } | null;
  }>('GET', `/cases/${c.id}/routing-suggestions`);
  assert.equal(s.place.gridId, here.grids.micro.id);
  assert.equal(s.place.resolvedBy, 'point');
  assert.ok(s.suggestion, 'a routing suggestion');
  assert.equal(s.suggestion.lead.name, lead.departmentName);
  assert.ok(s.suggestion.why.length > 0, 'the suggestion says why');

  assert.deepEqual(errors, [], 'no script errors');
  assert.deepEqual(context.offsite, [], 'no request left the machine');
  await context.close();
});
