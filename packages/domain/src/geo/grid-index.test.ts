import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { generateCountyGeography } from './generate.ts';
import { buildGridIndex, buildPolygonIndex } from './grid-index.ts';
import { pointInGeometry, polygonsOf, ringsOf } from './planar.ts';
import { countySpec, gridsOf, regionsOf } from './test-fixtures.ts';
import type { AreaGeometry, Polygon } from './types.ts';

/** Independent brute force: winding number, no shared code with the index. */
function windingContains(g: AreaGeometry, x: number, y: number): boolean {
  let total = 0;
  for (const poly of polygonsOf(g)) {
    for (const ring of poly) {
      let wn = 0;
      for (let i = 0; i + 1 < ring.length; i++) {
        const [ax, ay] = ring[i];
        const [bx, by] = ring[i + 1];
        const cross = (bx - ax) * (y - ay) - (x - ax) * (by - ay);
        if (ay <= y && by > y && cross > 0) wn++;
        else if (ay > y && by <= y && cross < 0) wn--;
      }
      total += wn;
    }
  }
  return total !== 0;
}

const county = generateCountyGeography(countySpec(4, 5), 11);
const grids = gridsOf(county);
const regions = regionsOf(county);
const micros = grids.filter((g) => g.level === 'micro');
const byCode = new Map(grids.map((g) => [g.code, g]));
const index = buildGridIndex(grids, regions);

describe('buildGridIndex', () => {
  it('agrees with brute-force point-in-polygon on 10,000 random points (property)', () => {
    const [w, s, e, n] = county.bbox!;
    // widen the box a little so points outside the county are tested too
    const dx = (e - w) * 0.05;
    const dy = (n - s) * 0.05;
    let inside = 0;
    fc.assert(
      fc.property(
        // uniform over the box (fast-check biases towards extreme values)
        fc.noBias(fc.integer({ min: 0, max: 2 ** 30 })).map((k) => w - dx + ((e - w + 2 * dx) * k) / 2 ** 30),
        fc.noBias(fc.integer({ min: 0, max: 2 ** 30 })).map((k) => s - dy + ((n - s + 2 * dy) * k) / 2 ** 30),
        (lon, lat) => {
          const expected = micros.filter((m) => windingContains(m.geometry, lon, lat));
          assert.ok(expected.length <= 1, 'micro grids do not overlap');
          const got = index.locate(lon, lat);
          if (expected.length === 0) {
            assert.equal(got, null);
            return;
          }
          inside++;
          const micro = expected[0];
          const small = byCode.get(micro.parentCode!)!;
          const medium = byCode.get(small.parentCode!)!;
          assert.deepEqual(got, {
            micro: micro.code,
            small: small.code,
            medium: medium.code,
            big: medium.parentCode,
            regionCode: micro.regionCode,
          });
        },
      ),
      { numRuns: 10_000, seed: 20240601 },
    );
    assert.ok(inside > 5_000, `${inside} points fell inside`);
  });

  it('puts every point on a shared edge or vertex in exactly one micro grid', () => {
    const outline = new Set(
      ringsOf(county.features[0].geometry)
        .flat()
        .map((p) => `${p[0]},${p[1]}`),
    );
    let checked = 0;
    for (const m of micros) {
      for (const ring of ringsOf(m.geometry)) {
        for (let i = 0; i + 1 < ring.length; i++) {
          const [ax, ay] = ring[i];
          const [bx, by] = ring[i + 1];
          for (const [x, y] of [
            [ax, ay],
            [(ax + bx) / 2, (ay + by) / 2],
          ]) {
            const owners = micros.filter((g) => pointInGeometry(x, y, g.geometry));
            assert.ok(owners.length <= 1, `point ${x},${y} in ${owners.length} micro grids`);
            const onOutline = outline.has(`${ax},${ay}`) || outline.has(`${bx},${by}`);
            if (!onOutline) assert.equal(owners.length, 1, `point ${x},${y} in no micro grid`);
            assert.equal(index.locate(x, y)?.micro, owners[0]?.code);
            checked++;
          }
        }
      }
    }
    assert.ok(checked > 1000);
  });

  it('returns null outside every grid', () => {
    assert.equal(index.locate(0, 0), null);
    assert.equal(index.locate(121.5, 31.2), null);
    assert.equal(index.locateRegion(121.5, 31.2), null);
  });

  it('locates regions: village, town and county', () => {
    const micro = micros[17];
    const [lon, lat] = micro.geometry.type === 'Polygon' ? interiorPoint(micro.geometry) : [0, 0];
    const got = index.locate(lon, lat)!;
    assert.equal(got.micro, micro.code);
    const r = index.locateRegion(lon, lat)!;
    assert.equal(r.village, micro.regionCode);
    assert.equal(r.county, '330681000000');
    assert.equal(r.town, regions.find((x) => x.code === r.village)!.parentCode);
  });

  it('falls back to coarser grids where the tree has no micro grids', () => {
    const small = grids.find((g) => g.level === 'small')!;
    const partial = grids.filter((g) => g.parentCode !== small.code);
    const idx = buildGridIndex(partial);
    const inner = micros.find((m) => m.parentCode === small.code)!;
    const [lon, lat] = interiorPoint(inner.geometry as Polygon);
    const got = idx.locate(lon, lat)!;
    assert.equal(got.micro, undefined);
    assert.equal(got.small, small.code);
    assert.equal(got.regionCode, small.regionCode);
  });

  it('resolves overlapping polygons to the first in input order', () => {
    const sq = (x: number): Polygon => ({
      type: 'Polygon',
      coordinates: [
        [
          [x, 0],
          [x + 2, 0],
          [x + 2, 2],
          [x, 2],
          [x, 0],
        ],
      ],
    });
    const idx = buildPolygonIndex([sq(0), sq(1)]);
    assert.equal(idx.find(1.5, 1), 0);
    assert.equal(idx.find(2.5, 1), 1);
    assert.equal(idx.find(3.5, 1), -1);
    assert.equal(buildPolygonIndex([]).find(0, 0), -1);
  });
});

/** A point well inside a polygon: the centroid of a triangle fan, checked, else a vertex nudge. */
function interiorPoint(g: Polygon): [number, number] {
  const ring = g.coordinates[0];
  for (let i = 1; i + 1 < ring.length - 1; i++) {
    const x = (ring[0][0] + ring[i][0] + ring[i + 1][0]) / 3;
    const y = (ring[0][1] + ring[i][1] + ring[i + 1][1]) / 3;
    if (pointInGeometry(x, y, g)) return [x, y];
  }
  throw new Error('no interior point found');
}
