// Small planar helpers on lon/lat rings. Edges are straight lines in lon/lat (as in RFC 7946
// for small extents); areas in square metres use the cylindrical equal-area projection.
import type { AreaGeometry, BBox, LinearRing, Polygon, Position } from './types.ts';

const DEG = Math.PI / 180;
/** Mean Earth radius (IUGG), metres. */
export const EARTH_RADIUS_M = 6371008.8;

/** The polygons of a geometry as arrays of rings. */
export function polygonsOf(g: AreaGeometry): LinearRing[][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

/** Every ring of a geometry, exteriors and holes alike. */
export function ringsOf(g: AreaGeometry): LinearRing[] {
  return g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
}

/** Shoelace area in square degrees; positive when counter-clockwise. Ring may be open or closed. */
export function ringSignedArea(ring: readonly Position[]): number {
  const n = ring.length;
  if (n < 3) return 0;
  // translate to the first vertex to keep precision with large longitudes
  const x0 = ring[0][0];
  const y0 = ring[0][1];
  let s = 0;
  for (let i = 0; i < n; i++) {
    const a = ring[i];
    const b = ring[(i + 1) % n];
    s += (a[0] - x0) * (b[1] - y0) - (b[0] - x0) * (a[1] - y0);
  }
  return s / 2;
}

/** Planar area in square degrees (exteriors minus holes). */
export function geometryPlanarArea(g: AreaGeometry): number {
  let s = 0;
  for (const poly of polygonsOf(g)) {
    poly.forEach((ring, i) => {
      const a = Math.abs(ringSignedArea(ring));
      s += i === 0 ? a : -a;
    });
  }
  return s;
}

function ringAreaM2(ring: readonly Position[]): number {
  // Shoelace in the Lambert cylindrical equal-area projection (x = R·λ, y = R·sin φ).
  // Edge-based, so it is exactly additive over tilings that share edges.
  let s = 0;
  const n = ring.length;
  for (let i = 0; i < n; i++) {
    const a = ring[i];
    const b = ring[(i + 1) % n];
    s += (b[0] - a[0]) * DEG * (Math.sin(a[1] * DEG) + Math.sin(b[1] * DEG));
  }
  return (-s / 2) * EARTH_RADIUS_M * EARTH_RADIUS_M;
}

/** Area in square metres (equal-area projection; exteriors minus holes). */
export function geometryArea(g: AreaGeometry): number {
  let s = 0;
  for (const poly of polygonsOf(g)) {
    poly.forEach((ring, i) => {
      const a = Math.abs(ringAreaM2(ring));
      s += i === 0 ? a : -a;
    });
  }
  return s;
}

/** Square metres per square degree at a latitude (local equirectangular scale). */
export function squareMetresPerSquareDegree(lat: number): number {
  const k = EARTH_RADIUS_M * DEG;
  return k * k * Math.cos(lat * DEG);
}

export function geometryBBox(g: AreaGeometry): BBox {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const ring of ringsOf(g)) {
    for (const p of ring) {
      if (p[0] < w) w = p[0];
      if (p[0] > e) e = p[0];
      if (p[1] < s) s = p[1];
      if (p[1] > n) n = p[1];
    }
  }
  return [w, s, e, n];
}

function orientRing(ring: LinearRing, ccw: boolean): LinearRing {
  const a = ringSignedArea(ring);
  return a > 0 === ccw || a === 0 ? ring : ring.slice().reverse();
}

/**
 * RFC 7946 winding: exteriors counter-clockwise, holes clockwise. Accepts either winding on
 * input (RFC 7946 §3.1.6 says parsers SHOULD NOT reject). Returns a new geometry.
 */
export function rewind<G extends AreaGeometry>(g: G): G {
  const fix = (poly: LinearRing[]) => poly.map((ring, i) => orientRing(ring, i === 0));
  if (g.type === 'Polygon') return { ...g, coordinates: fix(g.coordinates) };
  return { ...g, coordinates: g.coordinates.map(fix) } as G;
}

/** True when every exterior is counter-clockwise and every hole clockwise. */
export function hasRfcWinding(g: AreaGeometry): boolean {
  return polygonsOf(g).every((poly) =>
    poly.every((ring, i) => {
      const a = ringSignedArea(ring);
      return i === 0 ? a > 0 : a < 0;
    }),
  );
}

/**
 * Even-odd point-in-polygon (crossing number) over every ring of the geometry. Uses the
 * half-open rule with edges oriented bottom-to-top, so in a tiling whose shared edges have
 * identical coordinates a point on a shared edge or vertex is inside exactly one tile.
 */
export function pointInGeometry(lon: number, lat: number, g: AreaGeometry): boolean {
  let inside = false;
  for (const ring of ringsOf(g)) {
    const n = ring.length;
    for (let i = 0, j = n - 1; i < n; j = i++) {
      let ax = ring[j][0];
      let ay = ring[j][1];
      let bx = ring[i][0];
      let by = ring[i][1];
      if (ay === by) continue;
      if (ay > by) {
        const tx = ax;
        ax = bx;
        bx = tx;
        const ty = ay;
        ay = by;
        by = ty;
      }
      if (lat < ay || lat >= by) continue;
      // same expression as the grid index, so both agree even on boundaries
      const xi = ax + (lat - ay) * ((bx - ax) / (by - ay));
      if (lon < xi) inside = !inside;
    }
  }
  return inside;
}

/** Remove consecutive duplicate positions; keeps the ring closed if it was. */
export function dedupeRing(ring: readonly Position[]): Position[] {
  const out: Position[] = [];
  for (const p of ring) {
    const q = out[out.length - 1];
    if (!q || q[0] !== p[0] || q[1] !== p[1]) out.push(p);
  }
  return out;
}

/** Close an open ring by repeating its first position. */
export function closeRing(ring: readonly Position[]): Position[] {
  const a = ring[0];
  const b = ring[ring.length - 1];
  return a && b && (a[0] !== b[0] || a[1] !== b[1]) ? [...ring, a] : ring.slice();
}

export function polygonOf(rings: LinearRing[]): Polygon {
  return { type: 'Polygon', coordinates: rings };
}
