import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_COUNTY_BOUNDS, generateCountyGeography, randomPointIn } from './generate.ts';
import { geometryArea, geometryPlanarArea, hasRfcWinding, pointInGeometry, polygonsOf } from './planar.ts';
import { createRng, rngInt } from './rng.ts';
import { countySpec } from './test-fixtures.ts';
import type { UnitFeature } from './types.ts';
import { validateGridImport } from './validate.ts';

const spec = countySpec(10, 10);
const county = generateCountyGeography(spec, 42);
const byLevel = (level: string) => county.features.filter((f) => f.properties.level === level);

describe('generateCountyGeography', () => {
  it('is deterministic for a seed', () => {
    const small = countySpec(2, 3);
    assert.deepEqual(generateCountyGeography(small, 'fengqiao'), generateCountyGeography(small, 'fengqiao'));
    assert.notDeepEqual(generateCountyGeography(small, 1), generateCountyGeography(small, 2));
  });

  it('builds the whole region and grid tree', () => {
    assert.equal(byLevel('county').length, 1);
    assert.equal(byLevel('town').length, 10);
    assert.equal(byLevel('village').length, 100);
    assert.equal(byLevel('big').length, 10);
    assert.equal(byLevel('medium').length, 100);
    const children = (code: string) => county.features.filter((f) => f.properties.parent_code === code);
    for (const m of byLevel('medium')) {
      const n = children(m.properties.code).length;
      assert.ok(n >= 2 && n <= 4, `${n} small grids`);
    }
    for (const s of byLevel('small')) {
      const n = children(s.properties.code).length;
      assert.ok(n >= 2 && n <= 4, `${n} micro grids`);
    }
    const micro = byLevel('micro').length;
    assert.ok(micro > 600 && micro < 1500, `${micro} micro grids`);
  });

  it('uses the spec codes for regions and 14-digit codes for grids', () => {
    assert.deepEqual(
      byLevel('town').map((f) => f.properties.code),
      spec.towns.map((t) => t.code),
    );
    const codes = county.features.map((f) => f.properties.code);
    assert.equal(new Set(codes).size, codes.length, 'codes unique');
    for (const f of county.features.filter((x) => x.properties.kind === 'grid')) {
      const { code, level, parent_code, region_code } = f.properties;
      assert.match(code, /^\d{14}$/);
      assert.ok(code.startsWith('330681'));
      if (level === 'big') {
        assert.equal(region_code, parent_code);
        assert.ok(code.endsWith('00000'));
      }
      if (level === 'medium') assert.equal(code.slice(0, 12), region_code);
      if (level === 'small' || level === 'micro') assert.equal(code.slice(0, 12), region_code);
      if (level === 'micro') assert.equal(code.slice(0, 13), parent_code!.slice(0, 13));
    }
  });

  it('produces irregular polygons with RFC 7946 winding inside the bounds', () => {
    const [w, s, e, n] = DEFAULT_COUNTY_BOUNDS;
    for (const f of county.features) {
      assert.ok(hasRfcWinding(f.geometry), `${f.properties.code} winding`);
      const ext = polygonsOf(f.geometry)[0][0];
      assert.ok(ext.length > 6, 'more than a rectangle');
      for (const [lon, lat] of ext) assert.ok(lon > w && lon < e && lat > s && lat < n);
    }
    const [cw, cs, ce, cn] = county.bbox!;
    assert.ok(ce - cw > 0.4 && cn - cs > 0.3, 'the county fills most of the bounds');
  });

  it('tiles every parent exactly: child areas sum to the parent within 1e-9', () => {
    const byCode = new Map(county.features.map((f) => [f.properties.code, f]));
    const groups = new Map<string, UnitFeature[]>();
    for (const f of county.features) {
      const { parent_code, level } = f.properties;
      if (!parent_code) continue;
      const key = `${parent_code}/${level}`;
      groups.set(key, [...(groups.get(key) ?? []), f]);
    }
    assert.ok(groups.size > 400);
    for (const [key, children] of groups) {
      const parent = byCode.get(key.split('/')[0])!;
      for (const area of [geometryPlanarArea, geometryArea]) {
        const whole = area(parent.geometry);
        const sum = children.reduce((acc, c) => acc + area(c.geometry), 0);
        assert.ok(Math.abs(sum - whole) <= 1e-9 * whole, `${key}: ${sum} vs ${whole}`);
      }
    }
    // the big grid is its town, the medium grid its village
    for (const big of byLevel('big')) {
      assert.deepEqual(big.geometry, byCode.get(big.properties.parent_code!)!.geometry);
    }
    for (const medium of byLevel('medium')) {
      assert.deepEqual(medium.geometry, byCode.get(medium.properties.region_code!)!.geometry);
    }
  });

  it('passes validateGridImport', () => {
    const result = validateGridImport(county, { tolerance: 1e-9 });
    assert.deepEqual(result.problems, []);
  });

  it('honours grid counts and bounds', () => {
    const c = generateCountyGeography(
      {
        ...countySpec(1, 2),
        grids: { smallPerMedium: 3, microPerSmall: [4, 4] },
        bounds: [113.2, 23.0, 113.4, 23.2],
      },
      5,
    );
    assert.equal(c.features.filter((f) => f.properties.level === 'small').length, 6);
    assert.equal(c.features.filter((f) => f.properties.level === 'micro').length, 24);
    assert.ok(c.bbox![0] >= 113.2 && c.bbox![2] <= 113.4);
    assert.throws(
      () => generateCountyGeography({ ...countySpec(1, 1), grids: { smallPerMedium: 10 } }, 1),
      RangeError,
    );
  });
});

describe('randomPointIn and createRng', () => {
  it('creates a seeded, repeatable stream in [0, 1)', () => {
    const a = createRng(7);
    const b = createRng(7);
    const xs = Array.from({ length: 1000 }, () => a());
    assert.deepEqual(
      xs,
      Array.from({ length: 1000 }, () => b()),
    );
    assert.ok(xs.every((x) => x >= 0 && x < 1));
    assert.notEqual(createRng('a')(), createRng('b')());
    const r = createRng(1);
    for (let i = 0; i < 100; i++) {
      const k = rngInt(r, 2, 4);
      assert.ok(k >= 2 && k <= 4 && Number.isInteger(k));
    }
  });

  it('draws points inside a polygon, repeatably', () => {
    const micro = byLevel('micro')[3];
    const rng = createRng(3);
    const pts = Array.from({ length: 200 }, () => randomPointIn(micro.geometry, rng));
    for (const [lon, lat] of pts) assert.ok(pointInGeometry(lon, lat, micro.geometry));
    const again = createRng(3);
    assert.deepEqual(randomPointIn(micro.geometry, again), pts[0]);
  });
});
