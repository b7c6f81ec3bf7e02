// Exact area overlay of a parent polygon and its children by vertical-slab integration.
//
// Every vertex x and every proper edge crossing x is an event. Between two consecutive events no
// edge starts, ends or crosses another, so along a vertical line the order of the edges is fixed
// and the length of any boolean combination of the polygons (parent ∧ ¬children, child ∧ child',
// …) is a linear function of x. The midpoint rule is therefore exact for each slab: evaluate the
// cross-section at the slab's midpoint and multiply by its width. Shared edges with identical
// coordinates yield identical y values, so a clean tiling gives exactly zero gap and overlap.
// Cost: O((V + K) · A · log A) for V vertices, K crossings and A edges cut by a vertical line.
import { polygonsOf } from './planar.ts';
import type { AreaGeometry, Position } from './types.ts';

/** A segment with x0 <= x1 (ties: y0 <= y1), tagged with its layer (-1 = parent). */
export interface Edge {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  layer: number;
  /** ring id inside its geometry (self-intersection checks) */
  ring: number;
  /** index of the edge in its ring */
  index: number;
  /** number of edges in its ring */
  ringSize: number;
}

export function edgesOfRing(
  ring: readonly Position[],
  layer: number,
  ringId: number,
  ox: number,
  oy: number,
  out: Edge[],
): void {
  // ring is closed: n positions give n-1 edges
  const m = ring.length - 1;
  for (let i = 0; i < m; i++) {
    const a = ring[i];
    const b = ring[i + 1];
    const ax = a[0] - ox;
    const ay = a[1] - oy;
    const bx = b[0] - ox;
    const by = b[1] - oy;
    if (ax < bx || (ax === bx && ay <= by)) {
      out.push({ x0: ax, y0: ay, x1: bx, y1: by, layer, ring: ringId, index: i, ringSize: m });
    } else {
      out.push({ x0: bx, y0: by, x1: ax, y1: ay, layer, ring: ringId, index: i, ringSize: m });
    }
  }
}

export function edgesOfGeometry(g: AreaGeometry, layer: number, ox: number, oy: number, out: Edge[]): void {
  let ringId = 0;
  for (const poly of polygonsOf(g)) for (const ring of poly) edgesOfRing(ring, layer, ringId++, ox, oy, out);
}

function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  const d = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
  return d > 0 ? 1 : d < 0 ? -1 : 0;
}

function onSegment(e: Edge, px: number, py: number): boolean {
  return (
    Math.min(e.x0, e.x1) <= px &&
    px <= Math.max(e.x0, e.x1) &&
    Math.min(e.y0, e.y1) <= py &&
    py <= Math.max(e.y0, e.y1)
  );
}

/** 0: disjoint; 1: proper crossing; 2: touching at one point; 3: collinear overlap of positive length. */
export function classifyIntersection(a: Edge, b: Edge): 0 | 1 | 2 | 3 {
  const o1 = orient(a.x0, a.y0, a.x1, a.y1, b.x0, b.y0);
  const o2 = orient(a.x0, a.y0, a.x1, a.y1, b.x1, b.y1);
  const o3 = orient(b.x0, b.y0, b.x1, b.y1, a.x0, a.y0);
  const o4 = orient(b.x0, b.y0, b.x1, b.y1, a.x1, a.y1);
  if (o1 === 0 && o2 === 0) {
    // collinear (or degenerate): compare projections on the dominant axis
    const useX =
      Math.abs(a.x1 - a.x0) + Math.abs(b.x1 - b.x0) >= Math.abs(a.y1 - a.y0) + Math.abs(b.y1 - b.y0);
    const [a0, a1] = useX ? [a.x0, a.x1].sort((p, q) => p - q) : [a.y0, a.y1].sort((p, q) => p - q);
    const [b0, b1] = useX ? [b.x0, b.x1].sort((p, q) => p - q) : [b.y0, b.y1].sort((p, q) => p - q);
    const lo = Math.max(a0, b0);
    const hi = Math.min(a1, b1);
    if (lo < hi) return 3;
    if (lo === hi) return 2;
    return 0;
  }
  if (o1 * o2 < 0 && o3 * o4 < 0) return 1;
  if (
    (o1 === 0 && onSegment(a, b.x0, b.y0)) ||
    (o2 === 0 && onSegment(a, b.x1, b.y1)) ||
    (o3 === 0 && onSegment(b, a.x0, a.y0)) ||
    (o4 === 0 && onSegment(b, a.x1, a.y1))
  ) {
    return 2;
  }
  return 0;
}

/** x of the crossing point of two properly crossing segments. */
function crossingX(a: Edge, b: Edge): number {
  const dax = a.x1 - a.x0;
  const day = a.y1 - a.y0;
  const dbx = b.x1 - b.x0;
  const dby = b.y1 - b.y0;
  const den = dax * dby - day * dbx;
  const t = ((b.x0 - a.x0) * dby - (b.y0 - a.y0) * dbx) / den;
  return a.x0 + t * dax;
}

/**
 * Visit every pair of edges whose bounding boxes touch (sweep over x). `visit` returns true to
 * stop early. Worst case quadratic, typically O(E · A).
 */
export function forEachCandidatePair(
  edges: readonly Edge[],
  visit: (a: Edge, b: Edge) => boolean | undefined,
): void {
  const order = edges.slice().sort((p, q) => p.x0 - q.x0);
  let active: Edge[] = [];
  for (const e of order) {
    if (active.length > 64) active = active.filter((a) => a.x1 >= e.x0);
    const eyl = Math.min(e.y0, e.y1);
    const eyh = Math.max(e.y0, e.y1);
    for (const a of active) {
      if (a.x1 < e.x0) continue;
      if (Math.max(a.y0, a.y1) < eyl || Math.min(a.y0, a.y1) > eyh) continue;
      if (visit(a, e)) return;
    }
    active.push(e);
  }
}

export interface OverlayResult {
  /** square degrees (after subtracting the origin; areas are translation-invariant) */
  parentArea: number;
  /** area of each child */
  childArea: Float64Array;
  /** parent minus the union of children */
  gap: number;
  /** union of children */
  union: number;
  /** per child: area outside the parent */
  outside: Float64Array;
  /** key i * n + j (i < j): area covered by both children i and j */
  pairOverlap: Map<number, number>;
}

export interface OverlayOptions {
  /** compute pairwise overlaps between children (default true) */
  pairs?: boolean;
  /** stop collecting crossing events beyond this many (garbage input guard) */
  maxCrossings?: number;
}

/**
 * Exact overlay areas of `parent` (may be null) and `children`, all valid, closed rings.
 * Holes and multipolygons are handled by the even-odd rule per layer.
 */
export function overlayAreas(
  parent: AreaGeometry | null,
  children: readonly AreaGeometry[],
  options: OverlayOptions = {},
): OverlayResult {
  const pairs = options.pairs ?? true;
  const n = children.length;
  // origin: the first vertex, to keep coordinates small (exactly the same shift for every layer)
  const first = parent ?? children[0];
  const origin = first ? polygonsOf(first)[0]?.[0]?.[0] : undefined;
  const ox = origin ? origin[0] : 0;
  const oy = origin ? origin[1] : 0;
  const edges: Edge[] = [];
  if (parent) edgesOfGeometry(parent, -1, ox, oy, edges);
  children.forEach((c, i) => {
    edgesOfGeometry(c, i, ox, oy, edges);
  });

  const xsList: number[] = [];
  for (const e of edges) xsList.push(e.x0, e.x1);
  const maxCrossings = options.maxCrossings ?? 200_000;
  let crossings = 0;
  forEachCandidatePair(edges, (a, b) => {
    if (classifyIntersection(a, b) === 1) {
      xsList.push(crossingX(a, b));
      if (++crossings >= maxCrossings) return true;
    }
    return undefined;
  });
  const xs = Float64Array.from(xsList).sort();

  const order = edges.filter((e) => e.x0 !== e.x1).sort((p, q) => p.x0 - q.x0);
  let next = 0;
  let active: Edge[] = [];
  const childArea = new Float64Array(n);
  const outside = new Float64Array(n);
  const pairOverlap = new Map<number, number>();
  const inside = new Uint8Array(n);
  const insideList: number[] = [];
  let parentArea = 0;
  let gap = 0;
  let union = 0;
  let ys = new Float64Array(64);
  let layers = new Int32Array(64);
  let idx: number[] = [];

  for (let s = 0; s + 1 < xs.length; s++) {
    const xa = xs[s];
    const xb = xs[s + 1];
    if (xb <= xa) continue;
    const xm = (xa + xb) / 2;
    const dx = xb - xa;
    while (next < order.length && order[next].x0 < xm) active.push(order[next++]);
    active = active.filter((e) => e.x1 > xm);
    const k = active.length;
    if (k === 0) continue;
    if (ys.length < k) {
      ys = new Float64Array(k * 2);
      layers = new Int32Array(k * 2);
    }
    idx.length = 0;
    for (let i = 0; i < k; i++) {
      const e = active[i];
      ys[i] = e.y0 + ((xm - e.x0) * (e.y1 - e.y0)) / (e.x1 - e.x0);
      layers[i] = e.layer;
      idx.push(i);
    }
    idx = idx.sort((p, q) => ys[p] - ys[q]);
    let inParent = false;
    for (const c of insideList) inside[c] = 0;
    insideList.length = 0;
    for (let t = 0; t < k; t++) {
      const layer = layers[idx[t]];
      if (layer < 0) inParent = !inParent;
      else if (inside[layer]) {
        inside[layer] = 0;
        insideList.splice(insideList.indexOf(layer), 1);
      } else {
        inside[layer] = 1;
        insideList.push(layer);
      }
      if (t + 1 >= k) break;
      const len = ys[idx[t + 1]] - ys[idx[t]];
      if (len <= 0) continue;
      const a = len * dx;
      const count = insideList.length;
      if (inParent) {
        parentArea += a;
        if (count === 0) gap += a;
      }
      if (count > 0) {
        union += a;
        for (const c of insideList) {
          childArea[c] += a;
          if (!inParent && parent) outside[c] += a;
        }
        if (pairs && count > 1) {
          for (let i = 0; i < count; i++) {
            for (let j = i + 1; j < count; j++) {
              const p = Math.min(insideList[i], insideList[j]);
              const q = Math.max(insideList[i], insideList[j]);
              const key = p * n + q;
              pairOverlap.set(key, (pairOverlap.get(key) ?? 0) + a);
            }
          }
        }
      }
    }
  }
  return { parentArea, childArea, gap, union, outside, pairOverlap };
}
