import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  bd09ToGcj02,
  distanceMetres,
  fromWgs84,
  gcj02ToBd09,
  gcj02ToWgs84,
  geometryToWgs84,
  toWgs84,
  wgs84ToGcj02,
} from './datum.ts';
import type { Polygon } from './types.ts';

const close = (a: number, b: number, eps: number) =>
  assert.ok(Math.abs(a - b) <= eps, `${a} vs ${b} (eps ${eps})`);

describe('datum conversion', () => {
  // Reference values published with the widely used coordtransform library (test/app.js).
  it('WGS-84 → GCJ-02 matches the reference forward formula', () => {
    const [lon, lat] = wgs84ToGcj02(116.404, 39.915);
    close(lon, 116.41024449916938, 1e-12);
    close(lat, 39.91640428150164, 1e-12);
  });

  it('GCJ-02 → BD-09 matches the reference', () => {
    const [lon, lat] = gcj02ToBd09(116.404, 39.915);
    close(lon, 116.41036949371029, 1e-12);
    close(lat, 39.92133699351021, 1e-12);
  });

  it('BD-09 → GCJ-02 agrees with the closed-form reference and inverts the forward formula', () => {
    const [lon, lat] = bd09ToGcj02(116.404, 39.915);
    // the reference closed form is approximate (metre level); ours is iterated to the exact inverse
    assert.ok(distanceMetres(lon, lat, 116.39762729119315, 39.90865673957631) < 2);
    const [bLon, bLat] = gcj02ToBd09(lon, lat);
    close(bLon, 116.404, 1e-10);
    close(bLat, 39.915, 1e-10);
  });

  it('GCJ-02 → WGS-84 is better than the one-step approximation', () => {
    const [lon, lat] = gcj02ToWgs84(116.404, 39.915);
    const [gLon, gLat] = wgs84ToGcj02(lon, lat);
    assert.ok(distanceMetres(gLon, gLat, 116.404, 39.915) < 0.01);
    // the one-step reference answer is within a few metres of the exact inverse
    assert.ok(distanceMetres(lon, lat, 116.39775550083061, 39.91359571849836) < 5);
  });

  it('the GCJ-02 offset near Zhuji is a few hundred metres', () => {
    const [lon, lat] = wgs84ToGcj02(120.24, 29.71);
    const d = distanceMetres(120.24, 29.71, lon, lat);
    assert.ok(d > 100 && d < 1000, `offset ${d} m`);
  });

  it('outside China GCJ-02 is the identity', () => {
    assert.deepEqual(wgs84ToGcj02(2.35, 48.85), [2.35, 48.85]);
    assert.deepEqual(toWgs84(-74.0, 40.7, 'gcj02'), [-74.0, 40.7]);
    assert.deepEqual(toWgs84(120.1, 30.2, 'wgs84'), [120.1, 30.2]);
  });

  it('round trips stay under 0.5 m for every datum (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 74, max: 134, noNaN: true }),
        fc.double({ min: 4, max: 53, noNaN: true }),
        fc.constantFrom('gcj02' as const, 'bd09' as const),
        (lon, lat, datum) => {
          const [dLon, dLat] = fromWgs84(lon, lat, datum);
          const [wLon, wLat] = toWgs84(dLon, dLat, datum);
          assert.ok(distanceMetres(lon, lat, wLon, wLat) < 0.5);
          // and the other way round
          const [w2Lon, w2Lat] = toWgs84(lon, lat, datum);
          const [d2Lon, d2Lat] = fromWgs84(w2Lon, w2Lat, datum);
          assert.ok(distanceMetres(lon, lat, d2Lon, d2Lat) < 0.5);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('converts whole geometries, keeping altitude', () => {
    const g: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [120.1, 29.8, 12],
          [120.2, 29.8, 12],
          [120.2, 29.9, 12],
          [120.1, 29.8, 12],
        ],
      ],
    };
    const w = geometryToWgs84(g, 'bd09');
    assert.equal(w.coordinates[0].length, 4);
    assert.deepEqual(w.coordinates[0][0], [...toWgs84(120.1, 29.8, 'bd09'), 12]);
    assert.deepEqual(w.coordinates[0][0], w.coordinates[0][3]);
    assert.equal(g.coordinates[0][0][0], 120.1, 'input untouched');
  });
});
