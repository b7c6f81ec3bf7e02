// Point → grid lookup. One uniform bucket grid per level over the polygons' bounding boxes;
// each bucket lists the polygons whose box touches it, and candidates are tested with a
// crossing-number point-in-polygon over flat typed arrays. Lookups start at the finest level
// (micro) and fall back to coarser levels where the tree is incomplete; ancestors come from the
// parent codes, not from further geometry tests.
import { geometryBBox, ringsOf } from './planar.ts';
import type { AreaGeometry, GridLevel, RegionLevel } from './types.ts';

export interface IndexedGrid {
  code: string;
  level: GridLevel;
  parentCode: string | null;
  regionCode?: string | null;
  geometry: AreaGeometry;
}

export interface IndexedRegion {
  code: string;
  level: RegionLevel;
  parentCode: string | null;
  geometry: AreaGeometry;
}

export interface GridLocation {
  micro?: string;
  small?: string;
  medium?: string;
  big?: string;
  /** the region of the finest grid found */
  regionCode?: string;
}

export interface RegionLocation {
  village?: string;
  town?: string;
  county?: string;
}

export interface PolygonIndex {
  /** index of the first polygon (in input order) containing the point, or -1 */
  find(lon: number, lat: number): number;
  readonly size: number;
}

/**
 * Bucketed point-in-polygon over many polygons. Points on an edge shared by two polygons (with
 * identical coordinates) belong to exactly one of them: edges are oriented bottom-to-top and the
 * half-open crossing rule is applied, so the answer never depends on ring direction.
 */
export function buildPolygonIndex(geometries: readonly AreaGeometry[], bucketsPerPolygon = 4): PolygonIndex {
  const n = geometries.length;
  const boxes = new Float64Array(n * 4);
  const starts = new Int32Array(n + 1);
  let edgeCount = 0;
  for (let i = 0; i < n; i++) {
    for (const ring of ringsOf(geometries[i])) edgeCount += Math.max(0, ring.length - 1);
  }
  // per edge: ay, by (ay < by), ax, slope dx/dy
  const edges = new Float64Array(edgeCount * 4);
  let e = 0;
  let w = Infinity;
  let s = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (let i = 0; i < n; i++) {
    const g = geometries[i];
    const b = geometryBBox(g);
    boxes.set(b, i * 4);
    if (b[0] < w) w = b[0];
    if (b[1] < s) s = b[1];
    if (b[2] > east) east = b[2];
    if (b[3] > north) north = b[3];
    starts[i] = e;
    for (const ring of ringsOf(g)) {
      for (let k = 0; k + 1 < ring.length; k++) {
        let ax = ring[k][0];
        let ay = ring[k][1];
        let bx = ring[k + 1][0];
        let by = ring[k + 1][1];
        if (ay === by) continue; // horizontal edges never count under the half-open rule
        if (ay > by) {
          [ax, bx] = [bx, ax];
          [ay, by] = [by, ay];
        }
        edges[e * 4] = ay;
        edges[e * 4 + 1] = by;
        edges[e * 4 + 2] = ax;
        edges[e * 4 + 3] = (bx - ax) / (by - ay);
        e++;
      }
    }
  }
  starts[n] = e;

  if (n === 0) return { find: () => -1, size: 0 };
  const width = Math.max(east - w, 1e-12);
  const height = Math.max(north - s, 1e-12);
  const target = Math.max(1, n * bucketsPerPolygon);
  const nx = Math.max(1, Math.min(4096, Math.round(Math.sqrt((target * width) / height))));
  const ny = Math.max(1, Math.min(4096, Math.round(target / nx)));
  const cw = width / nx;
  const ch = height / ny;
  const bucketOf = (x: number, lo: number, size: number, count: number) =>
    Math.min(count - 1, Math.max(0, Math.floor((x - lo) / size)));
  const counts = new Int32Array(nx * ny + 1);
  for (let i = 0; i < n; i++) {
    const x0 = bucketOf(boxes[i * 4], w, cw, nx);
    const x1 = bucketOf(boxes[i * 4 + 2], w, cw, nx);
    const y0 = bucketOf(boxes[i * 4 + 1], s, ch, ny);
    const y1 = bucketOf(boxes[i * 4 + 3], s, ch, ny);
    for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) counts[y * nx + x + 1]++;
  }
  for (let k = 1; k < counts.length; k++) counts[k] += counts[k - 1];
  const items = new Int32Array(counts[nx * ny]);
  const fill = counts.slice(0, nx * ny);
  for (let i = 0; i < n; i++) {
    const x0 = bucketOf(boxes[i * 4], w, cw, nx);
    const x1 = bucketOf(boxes[i * 4 + 2], w, cw, nx);
    const y0 = bucketOf(boxes[i * 4 + 1], s, ch, ny);
    const y1 = bucketOf(boxes[i * 4 + 3], s, ch, ny);
    for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) items[fill[y * nx + x]++] = i;
  }

  function contains(i: number, lon: number, lat: number): boolean {
    let inside = false;
    const end = starts[i + 1] * 4;
    for (let k = starts[i] * 4; k < end; k += 4) {
      if (lat < edges[k] || lat >= edges[k + 1]) continue;
      if (lon < edges[k + 2] + (lat - edges[k]) * edges[k + 3]) inside = !inside;
    }
    return inside;
  }

  return {
    size: n,
    find(lon: number, lat: number): number {
      if (!(lon >= w && lon <= east && lat >= s && lat <= north)) return -1;
      const bx = bucketOf(lon, w, cw, nx);
      const by = bucketOf(lat, s, ch, ny);
      const b = by * nx + bx;
      for (let k = counts[b]; k < counts[b + 1]; k++) {
        const i = items[k];
        const o = i * 4;
        if (lon < boxes[o] || lon > boxes[o + 2] || lat < boxes[o + 1] || lat > boxes[o + 3]) continue;
        if (contains(i, lon, lat)) return i;
      }
      return -1;
    },
  };
}

export interface GridIndex {
  /** The grids containing a WGS-84 point, finest first; null outside every grid. */
  locate(lon: number, lat: number): GridLocation | null;
  /** The regions containing a WGS-84 point; null outside every region (or no regions given). */
  locateRegion(lon: number, lat: number): RegionLocation | null;
  /** number of grids indexed */
  readonly size: number;
}

const GRID_FINE_TO_COARSE: readonly GridLevel[] = ['micro', 'small', 'medium', 'big'];
const REGION_FINE_TO_COARSE: readonly RegionLevel[] = ['village', 'town', 'county'];

function levelLocator<T extends { code: string; level: string; parentCode: string | null }>(
  units: readonly (T & { geometry: AreaGeometry })[],
  fineToCoarse: readonly string[],
): (lon: number, lat: number) => { unit: T; chain: Readonly<Record<string, string>> } | null {
  const byCode = new Map<string, T>();
  for (const u of units) byCode.set(u.code, u);
  const chainOf = (unit: T): Readonly<Record<string, string>> => {
    const chain: Record<string, string> = {};
    let cur: T | undefined = unit;
    for (let guard = 0; cur && guard < 8; guard++) {
      if (chain[cur.level] === undefined) chain[cur.level] = cur.code;
      cur = cur.parentCode ? byCode.get(cur.parentCode) : undefined;
    }
    return chain;
  };
  const levels = fineToCoarse
    .map((level) => {
      const list = units.filter((u) => u.level === level);
      return { list, index: buildPolygonIndex(list.map((u) => u.geometry)), chains: new Array(list.length) };
    })
    .filter((l) => l.list.length > 0);
  return (lon, lat) => {
    for (const { list, index, chains } of levels) {
      const i = index.find(lon, lat);
      if (i < 0) continue;
      const unit = list[i];
      chains[i] ??= chainOf(unit);
      return { unit, chain: chains[i] };
    }
    return null;
  };
}

/** Index of region polygons (county, towns, villages). */
export function buildRegionIndex(regions: readonly IndexedRegion[]): {
  locate(lon: number, lat: number): RegionLocation | null;
} {
  const find = levelLocator(regions, REGION_FINE_TO_COARSE);
  return {
    locate(lon, lat) {
      const hit = find(lon, lat);
      return hit ? { ...hit.chain } : null;
    },
  };
}

/**
 * Index grids (and optionally regions) for point lookups. Coordinates are WGS-84; convert
 * GCJ-02/BD-09 input with toWgs84 first.
 */
export function buildGridIndex(
  grids: readonly IndexedGrid[],
  regions: readonly IndexedRegion[] = [],
): GridIndex {
  const find = levelLocator(grids, GRID_FINE_TO_COARSE);
  const regionIndex = buildRegionIndex(regions);
  return {
    size: grids.length,
    locate(lon, lat) {
      const hit = find(lon, lat);
      if (!hit) return null;
      const out: GridLocation = { ...hit.chain };
      if (hit.unit.regionCode) out.regionCode = hit.unit.regionCode;
      return out;
    },
    locateRegion: (lon, lat) => regionIndex.locate(lon, lat),
  };
}
