import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { overlayAreas } from './overlay.ts';
import { geometryPlanarArea } from './planar.ts';
import type { Polygon, Position } from './types.ts';

const poly = (...rings: Position[][]): Polygon => ({
  type: 'Polygon',
  coordinates: rings.map((r) => [...r, r[0]]),
});
const rect = (x0: number, y0: number, x1: number, y1: number): Polygon =>
  poly([
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
  ]);
const near = (a: number, b: number, eps = 1e-12) => assert.ok(Math.abs(a - b) <= eps, `${a} vs ${b}`);

describe('overlayAreas (slab integration)', () => {
  it('measures the overlap of two squares exactly', () => {
    const r = overlayAreas(null, [rect(0, 0, 2, 2), rect(1, 1, 3, 3)]);
    near(r.pairOverlap.get(1)!, 1);
    near(r.childArea[0], 4);
    near(r.union, 7);
  });

  it('finds gaps and spills against a parent', () => {
    const r = overlayAreas(rect(0, 0, 4, 4), [rect(0, 0, 2, 4), rect(2, 0, 4, 3), rect(3, 3, 5, 5)]);
    near(r.parentArea, 16);
    near(r.gap, 2 * 1 - 1); // strip 2..4 × 3..4 minus the part covered by the third child
    near(r.outside[2], 3);
    near(r.outside[0], 0);
    assert.equal(r.pairOverlap.size, 0);
  });

  it('is exact with concave shapes, holes and crossing edges', () => {
    // L-shape and a triangle whose edges cross the L's edges
    const L = poly([
      [0, 0],
      [4, 0],
      [4, 1],
      [1, 1],
      [1, 4],
      [0, 4],
    ]);
    const tri = poly([
      [0, 0],
      [4, 4],
      [0, 4],
    ]);
    const r = overlayAreas(null, [L, tri]);
    // intersection: triangle ∩ L = (0,0)-(1,1)-(1,4)-(0,4): area 3.5
    near(r.pairOverlap.get(1)!, 3.5);
    const ring = poly(
      [
        [0, 0],
        [10, 0],
        [10, 10],
        [0, 10],
      ],
      [
        [2, 2],
        [2, 8],
        [8, 8],
        [8, 2],
      ],
    );
    const r2 = overlayAreas(ring, [rect(0, 0, 10, 5)]);
    near(r2.parentArea, 64);
    near(r2.gap, 32);
    near(r2.outside[0], 18); // the hole's lower half
  });

  it('is exact where edges cross properly (square and diamond)', () => {
    const diamond = poly([
      [2.4, 1],
      [1, 2.4],
      [-0.4, 1],
      [1, -0.4],
    ]);
    const r = overlayAreas(rect(0, 0, 2, 2), [diamond]);
    near(r.childArea[0], 3.92);
    near(r.outside[0], 0.64);
    near(r.gap, 4 - 3.28);
  });

  it('agrees with the shoelace area of random convex-ish polygons (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.2, max: 1, noNaN: true }), { minLength: 3, maxLength: 20 }),
        (radii) => {
          const ring = radii.map((r, i) => {
            const t = (i / radii.length) * 2 * Math.PI;
            return [r * Math.cos(t), r * Math.sin(t)];
          });
          const p = poly(ring);
          const r = overlayAreas(p, [p]);
          near(r.parentArea, geometryPlanarArea(p), 1e-12);
          near(r.gap, 0, 1e-15);
          near(r.outside[0], 0, 1e-15);
        },
      ),
    );
  });
});
