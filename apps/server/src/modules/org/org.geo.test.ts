import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { wgs84ToGcj02 } from '@hewei/domain';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { importFile, importTestCounty, MICRO_A1, pointIn, testCountyFile } from './org.test-support.ts';

let t: TestApp;
let file: ReturnType<typeof testCountyFile>;
before(async () => {
  t = await buildTestApp();
  file = await importTestCounty(t);
});
after(() => t.close());

const exportAll = async () => {
  const r = await t.call({ method: 'GET', url: '/api/v1/org/geo/export', as: 'admin' });
  assert.equal(r.statusCode, 200, r.body);
  return r.json();
};

/** A copy of the test county file with faults planted in it, one per kind. */
function brokenFile() {
  const fc = structuredClone(testCountyFile());
  const at = (code: string) => fc.features.findIndex((f) => f.properties.code === code);
  const ring = (i: number) => (fc.features[i].geometry as { coordinates: number[][][] }).coordinates[0];
  // 1. a ring left open
  ring(at('33000110120111')).pop();
  // 2. lon/lat swapped
  const swapped = at('33000110120112');
  (fc.features[swapped].geometry as { coordinates: number[][][] }).coordinates = [
    ring(swapped).map(([lon, lat]) => [lat, lon]),
  ];
  // 3. a bow-tie
  const bow = at('33000110120121');
  const [a, b, c, d] = ring(bow);
  (fc.features[bow].geometry as { coordinates: number[][][] }).coordinates = [[a, c, b, d, a]];
  // 4. a duplicate code
  fc.features.push(structuredClone(fc.features[at('33000110120131')]));
  // 5. an unknown parent
  const orphan = structuredClone(fc.features[at('33000110120211')]);
  orphan.properties = { ...orphan.properties, code: '33000110120299', parent_code: '33000110120290' };
  fc.features.push(orphan);
  // 6. a micro grid copied over its sibling (overlap), leaving its own place empty (gap)
  const over = at('33000110220112');
  fc.features[over].geometry = structuredClone(fc.features[at('33000110220111')].geometry);
  return fc;
}

describe('county geometry: import, export, history', () => {
  it('imports the whole county, updating the seeded tree in place by code', async () => {
    const exported = await exportAll();
    const micro = exported.features.find((f: any) => f.properties.code === MICRO_A1);
    assert.equal(micro.properties.unit_id, 'g-330001101201-1-1', 'the seeded grid kept its id');
    assert.equal(micro.geometry.type, 'Polygon');
    assert.equal(exported.features.filter((f: any) => f.geometry === null).length, 0);
  });

  it('re-importing its own export changes nothing', async () => {
    const r = await importFile(t, await exportAll());
    assert.equal(r.statusCode, 200, r.body);
    const { plan } = r.json();
    assert.equal(plan.new.length + plan.updated.length, 0);
    assert.equal(plan.unchanged.length, file.features.length);
  });

  it('names every fault of a broken file and imports nothing', async () => {
    const before = await exportAll();
    const r = await importFile(t, brokenFile());
    assert.equal(r.statusCode, 422, r.body);
    const body = r.json();
    assert.equal(body.error.rule, 'GEO_IMPORT_INVALID');
    const found = new Set(body.report.problems.map((p: any) => `${p.problem}:${p.code ?? ''}`));
    for (const expected of [
      'RING_NOT_CLOSED:33000110120111',
      'COORDINATES_SWAPPED:33000110120112',
      'SELF_INTERSECTION:33000110120121',
      'DUPLICATE_CODE:33000110120131',
      'UNKNOWN_PARENT:33000110120299',
      'SIBLING_OVERLAP:33000110220112',
      'GAP_IN_PARENT:33000110220110',
    ])
      assert.ok(found.has(expected), `${expected} missing from ${[...found].join(' ')}`);
    assert.ok(
      body.report.problems.every((p: any) => p.message.includes('个要素') || p.message.startsWith('文件')),
    );
    assert.deepEqual(await exportAll(), before);
  });

  it('imports the clean part when asked, saying what it skipped and why', async () => {
    const r = await importFile(t, brokenFile(), { mode: 'clean_part' });
    assert.equal(r.statusCode, 200, r.body);
    const { applied, skipped } = r.json();
    assert.equal(applied, true);
    const skippedCodes = new Map(skipped.map((s: any) => [s.code, s.problems]));
    assert.deepEqual(skippedCodes.get('33000110120111'), ['RING_NOT_CLOSED']);
    assert.ok(skippedCodes.has('33000110220112'));
    assert.ok(skippedCodes.has('33000110120299'));
  });

  it('refuses the import to anyone but an administrator', async () => {
    for (const who of ['dispatcher', 'leader']) {
      const r = await t.call({
        method: 'POST',
        url: '/api/v1/org/geo/import',
        payload: { datum: 'wgs84', collection: file },
        as: who,
      });
      assert.equal(r.statusCode, 403);
    }
    assert.equal(
      (await t.call({ method: 'GET', url: '/api/v1/org/geo/export', as: 'dispatcher' })).statusCode,
      403,
    );
  });

  it('refuses a file that is not GeoJSON, naming the collection', async () => {
    const r = await importFile(t, { type: 'Feature', features: 'no' });
    assert.equal(r.statusCode, 422);
    assert.equal(r.json().report.problems[0].problem, 'INVALID_FEATURE');
    const bad = await t.call({
      method: 'POST',
      url: '/api/v1/org/geo/import',
      payload: { datum: 'utm', collection: file },
      as: 'admin',
    });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.field, 'datum');
  });

  it('converts a file typed in GCJ-02 to WGS-84 on input', async () => {
    const gcj = await t.call({
      method: 'GET',
      url: '/api/v1/org/geo/export?datum=gcj02&kind=grid&level=micro',
      as: 'admin',
    });
    assert.equal(gcj.json().datum, 'gcj02');
    const r = await importFile(t, gcj.json(), { datum: 'gcj02', dryRun: true });
    assert.equal(r.statusCode, 200, r.body);
    // the round trip through GCJ-02 is exact to well under a millimetre; the plan compares at 1e-9°
    assert.equal(r.json().ok, true);
  });

  it('keeps every version of a redrawn grid, and the version a case was registered in', async () => {
    const [lon, lat] = pointIn(file, MICRO_A1, 7);
    const created = await t.call({
      method: 'POST',
      url: '/api/v1/cases',
      as: 'operator',
      payload: {
        kind: 'complaint',
        channel: 'hotline',
        categoryCode: '0605',
        description: '小区电梯又停了，困人十分钟',
        place: { lat, lon },
        parties: [{ role: 'applicant', name: '王五', phone: '13812340000' }],
      },
    });
    assert.equal(created.statusCode, 201, created.body);
    const caseId = created.json().id;
    const grid = 'g-330001101201-1-1';
    const moved = structuredClone(file);
    // move a vertex shared by the two micro grids of small grid 1 (children still tile the parent)
    const m1 = moved.features.find((f) => f.properties.code === MICRO_A1)!;
    const m2 = moved.features.find((f) => f.properties.code === '33000110120112')!;
    const r1 = (m1.geometry as { coordinates: number[][][] }).coordinates[0];
    const r2 = (m2.geometry as { coordinates: number[][][] }).coordinates[0];
    const shared = r1.find((p) => r2.some((q) => q[0] === p[0] && q[1] === p[1]))!;
    const [x, y] = shared;
    const inner = r1.filter((p) => p[0] === x && p[1] === y);
    for (const ring of [r1, r2])
      for (const p of ring) if (p[0] === x && p[1] === y) [p[0], p[1]] = [x + 1e-6, y];
    assert.ok(inner.length > 0);
    const r = await importFile(t, moved, { dryRun: false });
    assert.equal(r.statusCode, 200, r.body);
    const versions = (
      await t.call({ method: 'GET', url: `/api/v1/org/grids/${grid}/versions`, as: 'dispatcher' })
    ).json().items;
    assert.ok(versions.length >= 3, `${versions.length} versions`);
    assert.ok(versions[0].version > versions[1].version);
    const sugg = (
      await t.call({ method: 'GET', url: `/api/v1/cases/${caseId}/routing-suggestions`, as: 'dispatcher' })
    ).json();
    assert.equal(sugg.place.gridId, grid);
    assert.equal(sugg.place.gridVersionAtIntake, versions[1].version);
  });

  it('keeps a log of imports and audits each applied one', async () => {
    const log = (await t.call({ method: 'GET', url: '/api/v1/org/geo/imports', as: 'admin' })).json().items;
    assert.ok(log.some((x: any) => !x.applied) && log.some((x: any) => x.applied));
    const audit = (await t.call({ method: 'GET', url: '/api/v1/org/audit', as: 'admin' })).json().items;
    assert.ok(audit.some((x: any) => x.action === 'org.geo.imported' && x.actorId === 'u-admin'));
  });
});

describe('locating a point', () => {
  it('gives the micro-grid and everything above it, who works there and who answers for what', async () => {
    const [lon, lat] = pointIn(file, MICRO_A1, 3);
    const r = await t.call({
      method: 'GET',
      url: `/api/v1/org/locate?lat=${lat}&lon=${lon}`,
      as: 'dispatcher',
    });
    assert.equal(r.statusCode, 200, r.body);
    const body = r.json();
    assert.equal(body.grids.micro.code, MICRO_A1);
    assert.equal(body.grids.small.code, '33000110120110');
    assert.equal(body.grids.medium.code, '33000110120100');
    assert.equal(body.grids.big.code, '33000110100000');
    assert.equal(body.regions.village.id, 'r-330001101201');
    assert.equal(body.regions.town.id, 'r-330001101');
    assert.ok(body.gridWorkers.some((p: any) => p.userId === 'u-gw-a1' && p.employment === 'full_time'));
    assert.ok(body.mediators.length >= 1);
    assert.ok(
      body.responsibilities.some(
        (x: any) => x.categoryCode === '06' && x.departmentId === 'd-330001-zhujian',
      ),
    );
    for (const p of [...body.gridWorkers, ...body.mediators]) assert.ok(!p.phone || p.phone.includes('****'));
  });

  it('converts a point given in GCJ-02 or BD-09 and finds the same grid', async () => {
    const [lon, lat] = pointIn(file, MICRO_A1, 5);
    const [gLon, gLat] = wgs84ToGcj02(lon, lat);
    const r = await t.call({
      method: 'GET',
      url: `/api/v1/org/locate?lat=${gLat}&lon=${gLon}&datum=gcj02`,
      as: 'dispatcher',
    });
    assert.equal(r.json().grids.micro.code, MICRO_A1);
    assert.ok(Math.abs(r.json().point.lat - lat) < 1e-7);
  });

  it('refuses swapped, out-of-range and outside points with a coded error', async () => {
    const [lon, lat] = pointIn(file, MICRO_A1, 3);
    const swapped = await t.call({
      method: 'GET',
      url: `/api/v1/org/locate?lat=${lon}&lon=${lat}`,
      as: 'dispatcher',
    });
    assert.equal(swapped.statusCode, 400);
    assert.equal(swapped.json().error.rule, 'COORDINATES_SWAPPED');
    const outside = await t.call({
      method: 'GET',
      url: '/api/v1/org/locate?lat=39.9&lon=116.4',
      as: 'dispatcher',
      headers: { 'accept-language': 'en' },
    });
    assert.equal(outside.statusCode, 422);
    assert.equal(outside.json().error.rule, 'POINT_OUTSIDE_COUNTY');
    assert.match(outside.json().error.message, /outside the county/);
    const range = await t.call({ method: 'GET', url: '/api/v1/org/locate?lat=95&lon=200', as: 'dispatcher' });
    assert.equal(range.json().error.rule, 'COORDINATE_OUT_OF_RANGE');
    assert.equal(
      (await t.call({ method: 'GET', url: `/api/v1/org/locate?lat=${lat}&lon=${lon}`, as: '13900000001' }))
        .statusCode,
      403,
    );
  });
});
