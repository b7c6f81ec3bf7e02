// Deterministic demo geography: a county with towns, villages and a four-level grid tree, all
// irregular polygons that tile their parents exactly.
//
// Construction: one fine mesh of jittered hexagons covers a wobbly county outline. Hexagon
// corners are shared by exactly three cells, and every corner's position is a pure function of its
// lattice address and the seed, so neighbouring cells share edges with bit-identical coordinates.
// Every region and grid is a union of mesh cells, assigned top-down (county → towns → villages =
// medium grids → small → micro) by seeded, balanced region growing. Outlines are traced from the
// cell edges whose neighbour lies outside the union; because mesh vertices have degree three, the
// traced rings are simple, exteriors come out counter-clockwise and holes clockwise (RFC 7946).
// Parents and children are built from the same edges, so children tile their parent exactly.
import { geometryBBox, pointInGeometry, polygonsOf, ringSignedArea } from './planar.ts';
import { createRng, hashUnit } from './rng.ts';
import type {
  AreaGeometry,
  BBox,
  GridLevel,
  LinearRing,
  Position,
  RegionLevel,
  Rng,
  UnitFeature,
  UnitFeatureCollection,
  UnitKind,
} from './types.ts';

export interface CountySpec {
  county: { code: string; name: string };
  towns: ReadonlyArray<{
    code: string;
    name: string;
    villages: ReadonlyArray<{ code: string; name: string }>;
  }>;
  grids?: {
    /** small grids per medium grid (one medium per village): a count or [min, max]; default [2, 4] */
    smallPerMedium?: number | readonly [number, number];
    /** micro grids per small grid: a count or [min, max]; default [2, 4] */
    microPerSmall?: number | readonly [number, number];
    /** mesh cells per micro grid on average (default 4; more = smoother, slower) */
    cellsPerMicro?: number;
  };
  /** [west, south, east, north] the county fits in; default a Zhejiang county near Zhuji */
  bounds?: BBox;
}

export const DEFAULT_COUNTY_BOUNDS: BBox = [120.0, 29.6, 120.6, 30.1];

const SQRT3 = Math.sqrt(3);
// axial neighbour offsets in counter-clockwise order: E, NE, NW, W, SW, SE
const NQ = [1, 0, -1, -1, 0, 1];
const NR = [0, 1, 1, 0, -1, -1];

function pickCount(
  rng: Rng,
  v: number | readonly [number, number] | undefined,
  dflt: [number, number],
): number {
  if (typeof v === 'number') return v;
  const [lo, hi] = v ?? dflt;
  return lo + Math.floor(rng() * (hi - lo + 1));
}

class MinHeap {
  prio: number[] = [];
  item: number[] = [];
  get size(): number {
    return this.prio.length;
  }
  push(p: number, v: number): void {
    const { prio, item } = this;
    let i = prio.length;
    prio.push(p);
    item.push(v);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (prio[parent] <= p) break;
      prio[i] = prio[parent];
      item[i] = item[parent];
      i = parent;
    }
    prio[i] = p;
    item[i] = v;
  }
  pop(): number {
    const { prio, item } = this;
    const top = item[0];
    const lastP = prio.pop()!;
    const lastV = item.pop()!;
    const n = prio.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const c = r < n && prio[r] < prio[l] ? r : l;
        if (prio[c] >= lastP) break;
        prio[i] = prio[c];
        item[i] = item[c];
        i = c;
      }
      prio[i] = lastP;
      item[i] = lastV;
    }
    return top;
  }
}

interface Mesh {
  /** lattice row width */
  W: number;
  /** the (cached, deterministic) position of a mesh vertex */
  vertex(key: number): Position;
}

function smooth(t: number): number {
  return t * t * (3 - 2 * t);
}

function valueNoise(x: number, y: number, salt: number, seed: number): number {
  const xi = Math.floor(x);
  const yi = Math.floor(y);
  const fx = smooth(x - xi);
  const fy = smooth(y - yi);
  const v00 = hashUnit(xi, yi, salt, seed);
  const v10 = hashUnit(xi + 1, yi, salt, seed);
  const v01 = hashUnit(xi, yi + 1, salt, seed);
  const v11 = hashUnit(xi + 1, yi + 1, salt, seed);
  return (v00 * (1 - fx) + v10 * fx) * (1 - fy) + (v01 * (1 - fx) + v11 * fx) * fy;
}

/**
 * Generate a plausible, deterministic county: the county, every town and village as regions, and
 * per town one big grid (the town's outline), one medium grid per village (the village's outline),
 * small grids subdividing each medium and micro grids subdividing each small. Same spec and seed,
 * same output. Codes follow the 14-digit unit grid scheme of standards.md §3.4 — 6-digit county +
 * 3-digit town + 3-digit village + 2-digit sequence — which is UNVERIFIED [U]: big grids end in
 * 000 00, medium grids in 00, small grids in `s0`, micro grids in `sm` (s, m = 1..9).
 */
export function generateCountyGeography(spec: CountySpec, seed: number | string): UnitFeatureCollection {
  const rng = createRng(seed);
  const noiseSeed = Math.floor(rng() * 4294967296) | 0;
  const opts = spec.grids ?? {};
  const cellsPerMicro = Math.max(2, opts.cellsPerMicro ?? 4);

  // 1. the tree and its leaf counts
  const plan = spec.towns.map((town) => ({
    town,
    villages: town.villages.map((village) => {
      const nSmall = pickCount(rng, opts.smallPerMedium, [2, 4]);
      const micros = Array.from({ length: nSmall }, () => pickCount(rng, opts.microPerSmall, [2, 4]));
      if (nSmall < 1 || nSmall > 9 || micros.some((m) => m < 1 || m > 9)) {
        throw new RangeError(
          'the 14-digit grid code allows 1 to 9 small grids per medium and micro grids per small',
        );
      }
      return { village, micros, leaves: micros.reduce((a, b) => a + b, 0) };
    }),
  }));
  const townLeaves = plan.map((t) =>
    Math.max(
      1,
      t.villages.reduce((a, v) => a + v.leaves, 0),
    ),
  );
  const totalLeaves = Math.max(
    1,
    townLeaves.reduce((a, b) => a + b, 0),
  );
  const targetCells = Math.max(60, totalLeaves * cellsPerMicro);

  // 2. the county outline: a wobbly ellipse r(θ) inside the bounds
  const [west, south, east, north] = spec.bounds ?? DEFAULT_COUNTY_BOUNDS;
  const lonC = (west + east) / 2;
  const latC = (south + north) / 2;
  const cosC = Math.cos((latC * Math.PI) / 180);
  const a = ((east - west) / 2) * cosC * 0.97;
  const b = ((north - south) / 2) * 0.97;
  const harmonics = [2, 3, 4, 5, 6, 7].map((k) => ({
    k,
    amp: ((0.4 + 0.6 * rng()) * 0.2) / k ** 0.9,
    phase: rng() * 2 * Math.PI,
  }));
  const rawR = (t: number) => 1 + harmonics.reduce((acc, h) => acc + h.amp * Math.cos(h.k * t + h.phase), 0);
  let rMax = 0;
  let r2Sum = 0;
  const SAMPLES = 720;
  for (let i = 0; i < SAMPLES; i++) {
    const r = rawR((i / SAMPLES) * 2 * Math.PI);
    rMax = Math.max(rMax, r);
    r2Sum += r * r;
  }
  const radius = (t: number) => rawR(t) / rMax;
  const blobArea = (a * b * 0.5 * ((r2Sum / SAMPLES) * 2 * Math.PI)) / (rMax * rMax);
  // 3. the mesh: shrink the cells until the county holds at least two per micro grid
  let lattice = buildLattice(Math.sqrt(blobArea / (targetCells * (SQRT3 / 2))), a, b, radius);
  for (let i = 0; i < 20 && lattice.countyCells.length < 2 * totalLeaves; i++) {
    lattice = buildLattice(lattice.s * 0.9, a, b, radius);
  }
  const { s, qmin, rmin, W, size, cx, cy, neighbour, countyCells } = lattice;

  const vertexCache = new Map<number, Position>();
  const jitter = 0.17 * s;
  const mesh: Mesh = {
    W,
    vertex(key) {
      let p = vertexCache.get(key);
      if (p) return p;
      // key = (cell id of the triangle's anchor) * 2 + t; t = 0: up triangle, 1: down triangle
      const t = key & 1;
      const id = key >> 1;
      const q = (id % W) + qmin;
      const r = Math.floor(id / W) + rmin;
      const off = t === 0 ? 1 / 3 : 2 / 3;
      const qa = q + off;
      const ra = r + off;
      const ang = 2 * Math.PI * hashUnit(q, r, t, noiseSeed);
      const rad = jitter * Math.sqrt(hashUnit(q, r, t + 2, noiseSeed));
      const x = s * (qa + ra / 2) + rad * Math.cos(ang);
      const y = s * ((ra * SQRT3) / 2) + rad * Math.sin(ang);
      p = [round6(lonC + x / cosC), round6(latC + y)];
      vertexCache.set(key, p);
      return p;
    },
  };

  // 4. assign cells top-down
  const ctx = new PartitionContext(size, neighbour, cx, cy, s, rng, noiseSeed);
  const townCells = ctx.partition(countyCells, townLeaves, townLeaves);

  // 5. codes
  const codes = makeCodes(spec);
  const features: UnitFeature[] = [];
  const grids: UnitFeature[] = [];
  const tracer = new OutlineTracer(size, neighbour, mesh);
  const feature = (
    code: string,
    name: string,
    kind: UnitKind,
    level: GridLevel | RegionLevel,
    parentCode: string | null,
    regionCode: string | null,
    geometry: AreaGeometry,
  ): UnitFeature => ({
    type: 'Feature',
    id: code,
    geometry,
    properties: {
      code,
      name,
      kind,
      level,
      parent_code: parentCode,
      ...(regionCode ? { region_code: regionCode } : {}),
    },
  });

  const countyGeometry = tracer.outline(countyCells);
  features.push(feature(spec.county.code, spec.county.name, 'region', 'county', null, null, countyGeometry));
  const villageFeatures: UnitFeature[] = [];
  plan.forEach((tp, ti) => {
    const town = tp.town;
    const tc = codes.towns[ti];
    const cells = townCells[ti];
    const townGeometry = tracer.outline(cells);
    features.push(feature(town.code, town.name, 'region', 'town', spec.county.code, null, townGeometry));
    grids.push(feature(tc.big, `${town.name}大网格`, 'grid', 'big', town.code, town.code, townGeometry));
    if (tp.villages.length === 0) return;
    const villageLeaves = tp.villages.map((v) => v.leaves);
    const villageCells = ctx.partition(cells, villageLeaves, villageLeaves);
    tp.villages.forEach((vp, vi) => {
      const village = vp.village;
      const vc = tc.villages[vi];
      const vCells = villageCells[vi];
      const vGeometry = tracer.outline(vCells);
      villageFeatures.push(
        feature(village.code, village.name, 'region', 'village', town.code, null, vGeometry),
      );
      grids.push(
        feature(vc.medium, `${village.name}中网格`, 'grid', 'medium', tc.big, village.code, vGeometry),
      );
      const smallCells = ctx.partition(vCells, vp.micros, vp.micros);
      vp.micros.forEach((nMicro, si) => {
        const smallCode = `${vc.prefix}${si + 1}0`;
        const sCells = smallCells[si];
        grids.push(
          feature(
            smallCode,
            `${village.name}第${si + 1}网格`,
            'grid',
            'small',
            vc.medium,
            village.code,
            tracer.outline(sCells),
          ),
        );
        const ones = Array.from({ length: nMicro }, () => 1);
        const microCells = ctx.partition(sCells, ones, ones);
        for (let mi = 0; mi < nMicro; mi++) {
          grids.push(
            feature(
              `${vc.prefix}${si + 1}${mi + 1}`,
              `${village.name}第${si + 1}网格${mi + 1}号微网格`,
              'grid',
              'micro',
              smallCode,
              village.code,
              tracer.outline(microCells[mi]),
            ),
          );
        }
      });
    });
  });
  const all = [...features, ...villageFeatures, ...grids];
  // order: county, towns, villages, then big, medium, small, micro grids
  const rank: Record<string, number> = {
    county: 0,
    town: 1,
    village: 2,
    big: 3,
    medium: 4,
    small: 5,
    micro: 6,
  };
  all.sort((x, y) => rank[x.properties.level] - rank[y.properties.level]);
  return { type: 'FeatureCollection', bbox: geometryBBox(countyGeometry), features: all };
}

/** Hexagon lattice (axial q, r; centre x = s(q + r/2), y = s r √3/2) with a 3-cell margin. */
function buildLattice(s: number, a: number, b: number, radius: (t: number) => number) {
  const rHalf = Math.ceil(b / ((s * SQRT3) / 2)) + 3;
  const rmin = -rHalf;
  const H = 2 * rHalf + 1;
  const qmin = Math.floor(-a / s - rHalf / 2) - 3;
  const qmax = Math.ceil(a / s + rHalf / 2) + 3;
  const W = qmax - qmin + 1;
  const size = W * H;
  const cx = new Float64Array(size);
  const cy = new Float64Array(size);
  const inCounty = new Uint8Array(size);
  for (let ri = 0; ri < H; ri++) {
    const r = ri + rmin;
    for (let qi = 0; qi < W; qi++) {
      const q = qi + qmin;
      const id = ri * W + qi;
      const x = s * (q + r / 2);
      const y = s * ((r * SQRT3) / 2);
      cx[id] = x;
      cy[id] = y;
      if (ri < 2 || ri >= H - 2 || qi < 2 || qi >= W - 2) continue;
      const u = x / a;
      const v = y / b;
      if (Math.hypot(u, v) <= radius(Math.atan2(v, u))) inCounty[id] = 1;
    }
  }
  const neighbour = (id: number, k: number): number => {
    const qi = (id % W) + NQ[k];
    const ri = Math.floor(id / W) + NR[k];
    return qi < 0 || qi >= W || ri < 0 || ri >= H ? -1 : ri * W + qi;
  };
  keepLargestComponentAndFill(inCounty, size, neighbour);
  const countyCells: number[] = [];
  for (let id = 0; id < size; id++) if (inCounty[id]) countyCells.push(id);
  return { s, qmin, rmin, W, H, size, cx, cy, neighbour, countyCells };
}

function round6(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

function digitsOf(code: string): string {
  return code.replace(/\D/g, '');
}

function makeCodes(spec: CountySpec): {
  towns: Array<{ big: string; villages: Array<{ medium: string; prefix: string }> }>;
} {
  const cd = digitsOf(spec.county.code);
  const c6 = `${cd}000000`.slice(0, 6);
  const build = (useGiven: boolean) =>
    spec.towns.map((town, ti) => {
      const td = digitsOf(town.code);
      const t3 = useGiven && td.length >= 9 ? td.slice(6, 9) : String(100 + ti + 1).padStart(3, '0');
      return {
        big: `${c6}${t3}00000`,
        villages: town.villages.map((village, vi) => {
          const vd = digitsOf(village.code);
          const v3 = useGiven && vd.length >= 12 ? vd.slice(9, 12) : String(vi + 1).padStart(3, '0');
          const prefix = `${c6}${t3}${v3 === '000' ? '001' : v3}`;
          return { medium: `${prefix}00`, prefix };
        }),
      };
    });
  const given = build(true);
  const seen = new Set<string>();
  let unique = true;
  for (const t of given) {
    for (const code of [t.big, ...t.villages.map((v) => v.prefix)]) {
      if (seen.has(code)) unique = false;
      seen.add(code);
    }
  }
  return { towns: unique ? given : build(false) };
}

function keepLargestComponentAndFill(
  member: Uint8Array,
  size: number,
  neighbour: (id: number, k: number) => number,
): void {
  const comp = new Int32Array(size).fill(-1);
  let best = -1;
  let bestSize = 0;
  let label = 0;
  const stack: number[] = [];
  for (let id = 0; id < size; id++) {
    if (!member[id] || comp[id] >= 0) continue;
    let count = 0;
    comp[id] = label;
    stack.push(id);
    while (stack.length) {
      const c = stack.pop()!;
      count++;
      for (let k = 0; k < 6; k++) {
        const nb = neighbour(c, k);
        if (nb >= 0 && member[nb] && comp[nb] < 0) {
          comp[nb] = label;
          stack.push(nb);
        }
      }
    }
    if (count > bestSize) {
      bestSize = count;
      best = label;
    }
    label++;
  }
  for (let id = 0; id < size; id++) member[id] = comp[id] === best && best >= 0 ? 1 : 0;
  // fill holes: whatever the outside cannot reach joins the county
  const outside = new Uint8Array(size);
  outside[0] = 1;
  stack.push(0);
  while (stack.length) {
    const c = stack.pop()!;
    for (let k = 0; k < 6; k++) {
      const nb = neighbour(c, k);
      if (nb >= 0 && !member[nb] && !outside[nb]) {
        outside[nb] = 1;
        stack.push(nb);
      }
    }
  }
  for (let id = 0; id < size; id++) if (!outside[id]) member[id] = 1;
}

class PartitionContext {
  private readonly stampOf: Int32Array;
  private readonly owner: Int32Array;
  private stamp = 0;
  private salt = 0;
  private readonly size: number;
  private readonly neighbour: (id: number, k: number) => number;
  private readonly cx: Float64Array;
  private readonly cy: Float64Array;
  private readonly s: number;
  private readonly rng: Rng;
  private readonly noiseSeed: number;

  constructor(
    size: number,
    neighbour: (id: number, k: number) => number,
    cx: Float64Array,
    cy: Float64Array,
    s: number,
    rng: Rng,
    noiseSeed: number,
  ) {
    this.size = size;
    this.neighbour = neighbour;
    this.cx = cx;
    this.cy = cy;
    this.s = s;
    this.rng = rng;
    this.noiseSeed = noiseSeed;
    this.stampOf = new Int32Array(size);
    this.owner = new Int32Array(size);
  }

  /**
   * Split a connected set of cells into `weights.length` connected parts with sizes roughly
   * proportional to the weights, each part at least minCells[i] cells.
   */
  partition(cells: readonly number[], weights: readonly number[], minCells: readonly number[]): number[][] {
    const k = weights.length;
    if (k === 0) return [];
    if (k === 1) return [cells.slice()];
    const need = minCells.reduce((x, y) => x + y, 0);
    if (cells.length < need) throw new Error(`cannot split ${cells.length} cells into parts needing ${need}`);
    for (let attempt = 0; attempt < 40; attempt++) {
      const parts = this.tryPartition(cells, weights);
      if (parts.every((p, i) => p.length >= minCells[i])) return parts;
    }
    throw new Error('could not partition the mesh; raise cellsPerMicro');
  }

  private tryPartition(cells: readonly number[], weights: readonly number[]): number[][] {
    const { cx, cy, rng, neighbour } = this;
    const k = weights.length;
    const n = cells.length;
    const stamp = ++this.stamp;
    const salt = ++this.salt;
    for (const c of cells) {
      this.stampOf[c] = stamp;
      this.owner[c] = -1;
    }
    // k-means++ seeding and a few Lloyd steps on cell centres
    const centres: Array<[number, number]> = [];
    const first = cells[Math.floor(rng() * n)];
    centres.push([cx[first], cy[first]]);
    const d2 = new Float64Array(n).fill(Infinity);
    while (centres.length < k) {
      const [px, py] = centres[centres.length - 1];
      let total = 0;
      for (let i = 0; i < n; i++) {
        const c = cells[i];
        const d = (cx[c] - px) ** 2 + (cy[c] - py) ** 2;
        if (d < d2[i]) d2[i] = d;
        total += d2[i];
      }
      let pick = rng() * total;
      let chosen = cells[n - 1];
      for (let i = 0; i < n; i++) {
        pick -= d2[i];
        if (pick <= 0) {
          chosen = cells[i];
          break;
        }
      }
      centres.push([cx[chosen], cy[chosen]]);
    }
    for (let iter = 0; iter < 4; iter++) {
      const sx = new Float64Array(k);
      const sy = new Float64Array(k);
      const cnt = new Float64Array(k);
      for (const c of cells) {
        let best = 0;
        let bd = Infinity;
        for (let j = 0; j < k; j++) {
          const d = (cx[c] - centres[j][0]) ** 2 + (cy[c] - centres[j][1]) ** 2;
          if (d < bd) {
            bd = d;
            best = j;
          }
        }
        sx[best] += cx[c];
        sy[best] += cy[c];
        cnt[best]++;
      }
      for (let j = 0; j < k; j++) if (cnt[j] > 0) centres[j] = [sx[j] / cnt[j], sy[j] / cnt[j]];
    }
    // the seed cell of each part: the free cell nearest its centre
    const heaps = weights.map(() => new MinHeap());
    const partCells: number[][] = weights.map(() => []);
    const seedXY: Array<[number, number]> = [];
    const taken = new Set<number>();
    for (let j = 0; j < k; j++) {
      let best = -1;
      let bd = Infinity;
      for (const c of cells) {
        if (taken.has(c)) continue;
        const d = (cx[c] - centres[j][0]) ** 2 + (cy[c] - centres[j][1]) ** 2;
        if (d < bd) {
          bd = d;
          best = c;
        }
      }
      taken.add(best);
      seedXY.push([cx[best], cy[best]]);
      heaps[j].push(0, best);
    }
    // balanced growth: always extend the part furthest below its share; inside a part, take the
    // frontier cell nearest its seed, with smooth noise so borders wander
    const totalW = weights.reduce((x, y) => x + y, 0);
    const target = weights.map((w) => (w / totalW) * n);
    const scale = Math.sqrt(n / k) * this.s; // typical part radius
    const amp = 0.6 * scale;
    const noiseScale = 1 / (0.8 * scale);
    let assigned = 0;
    while (assigned < n) {
      let j = -1;
      let bestRatio = Infinity;
      for (let t = 0; t < k; t++) {
        if (heaps[t].size === 0) continue;
        const ratio = partCells[t].length / target[t];
        if (ratio < bestRatio) {
          bestRatio = ratio;
          j = t;
        }
      }
      if (j < 0) break; // unreachable for a connected set
      const heap = heaps[j];
      let cell = -1;
      while (heap.size > 0) {
        const c = heap.pop();
        if (this.owner[c] < 0) {
          cell = c;
          break;
        }
      }
      if (cell < 0) continue;
      this.owner[cell] = j;
      partCells[j].push(cell);
      assigned++;
      const [sx, sy] = seedXY[j];
      for (let d = 0; d < 6; d++) {
        const nb = neighbour(cell, d);
        if (nb < 0 || this.stampOf[nb] !== stamp || this.owner[nb] >= 0) continue;
        const dist = Math.hypot(cx[nb] - sx, cy[nb] - sy);
        const noise = valueNoise(cx[nb] * noiseScale, cy[nb] * noiseScale, salt * 31 + j, this.noiseSeed);
        heap.push(dist + amp * (noise - 0.5) * 2, nb);
      }
    }
    if (assigned < n) return weights.map(() => []);
    return partCells;
  }
}

class OutlineTracer {
  private readonly mark: Int32Array;
  private stamp = 0;
  private readonly neighbour: (id: number, k: number) => number;
  private readonly mesh: Mesh;

  constructor(size: number, neighbour: (id: number, k: number) => number, mesh: Mesh) {
    this.mark = new Int32Array(size);
    this.neighbour = neighbour;
    this.mesh = mesh;
  }

  /** Vertex key of corner k (0..5, counter-clockwise from 30°) of cell id. */
  private corner(id: number, k: number): number {
    const W = this.mesh.W;
    // corners: U(q,r), D(q-1,r), U(q-1,r), D(q-1,r-1), U(q,r-1), D(q,r-1)
    switch (k) {
      case 0:
        return id * 2;
      case 1:
        return (id - 1) * 2 + 1;
      case 2:
        return (id - 1) * 2;
      case 3:
        return (id - W - 1) * 2 + 1;
      case 4:
        return (id - W) * 2;
      default:
        return (id - W) * 2 + 1;
    }
  }

  outline(cells: readonly number[]): AreaGeometry {
    const stamp = ++this.stamp;
    for (const c of cells) this.mark[c] = stamp;
    const next = new Map<number, number>();
    for (const c of cells) {
      for (let k = 0; k < 6; k++) {
        const nb = this.neighbour(c, (k + 1) % 6);
        if (nb >= 0 && this.mark[nb] === stamp) continue;
        next.set(this.corner(c, k), this.corner(c, (k + 1) % 6));
      }
    }
    const rings: LinearRing[] = [];
    const seen = new Set<number>();
    for (const start of next.keys()) {
      if (seen.has(start)) continue;
      const ring: Position[] = [];
      let v = start;
      do {
        seen.add(v);
        ring.push(this.mesh.vertex(v));
        v = next.get(v)!;
      } while (v !== start);
      ring.push(ring[0]);
      rings.push(ring);
    }
    const exteriors = rings.filter((r) => ringSignedArea(r) > 0);
    const holes = rings.filter((r) => ringSignedArea(r) < 0);
    if (exteriors.length === 1) return { type: 'Polygon', coordinates: [exteriors[0], ...holes] };
    // not expected (parts are connected), but keep it valid: holes go to the exterior holding them
    const polys: LinearRing[][] = exteriors.map((e) => [e]);
    for (const h of holes) {
      const owner = polys.find((p) =>
        pointInGeometry(h[0][0], h[0][1], { type: 'Polygon', coordinates: [p[0]] }),
      );
      (owner ?? polys[0]).push(h);
    }
    return { type: 'MultiPolygon', coordinates: polys };
  }
}

/**
 * A uniformly distributed random point inside a polygon (rejection sampling in its bounding box),
 * e.g. a demo case position. Deterministic for a seeded rng.
 */
export function randomPointIn(geometry: AreaGeometry, rng: Rng): Position {
  const [w, s, e, n] = geometryBBox(geometry);
  for (let i = 0; i < 10_000; i++) {
    const lon = round6(w + rng() * (e - w));
    const lat = round6(s + rng() * (n - s));
    if (pointInGeometry(lon, lat, geometry)) return [lon, lat];
  }
  // a degenerate sliver: fall back to its first vertex (on the boundary)
  const ring = polygonsOf(geometry)[0][0];
  return [ring[0][0], ring[0][1]];
}
