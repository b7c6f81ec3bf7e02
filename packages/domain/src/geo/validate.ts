// Validation and planning of a county import: one FeatureCollection holding the region tree
// (county > town > village) and the grid tree (big > medium > small > micro).
import {
  classifyIntersection,
  type Edge,
  edgesOfRing,
  forEachCandidatePair,
  type OverlayResult,
  overlayAreas,
} from './overlay.ts';
import {
  dedupeRing,
  geometryBBox,
  pointInGeometry,
  polygonsOf,
  rewind,
  ringSignedArea,
  squareMetresPerSquareDegree,
} from './planar.ts';
import type {
  AreaGeometry,
  BBox,
  Feature,
  FeatureCollection,
  GridLevel,
  GridRecord,
  LinearRing,
  RegionLevel,
  UnitKind,
} from './types.ts';
import { GRID_LEVELS, REGION_LEVELS } from './types.ts';

export type GeoProblemCode =
  /** the collection or a feature is not GeoJSON (featureIndex -1 for the collection) */
  | 'INVALID_FEATURE'
  /** geometry missing, not Polygon/MultiPolygon, malformed coordinates, zero area, hole outside */
  | 'INVALID_GEOMETRY'
  | 'RING_NOT_CLOSED'
  /** a ring with fewer than 4 positions (or fewer than 3 distinct ones) */
  | 'TOO_FEW_POSITIONS'
  | 'SELF_INTERSECTION'
  /** positions given as [lat, lon] */
  | 'COORDINATES_SWAPPED'
  /** longitude outside [-180, 180] or latitude outside [-90, 90], and swapping does not help */
  | 'OUT_OF_RANGE'
  | 'OUTSIDE_PARENT'
  | 'SIBLING_OVERLAP'
  | 'GAP_IN_PARENT'
  | 'UNKNOWN_PARENT'
  /** a grid's region_code names no known region */
  | 'UNKNOWN_REGION'
  /** a grid reaches outside its region */
  | 'OUTSIDE_REGION'
  | 'DUPLICATE_CODE'
  | 'MISSING_PROPERTY'
  /** kind is neither 'region' nor 'grid' */
  | 'BAD_KIND'
  /** level not valid for the kind */
  | 'BAD_LEVEL'
  /** the parent (or region) exists but sits at the wrong level, e.g. a micro grid under a medium */
  | 'LEVEL_MISMATCH';

export interface GeoProblem {
  /** index in fc.features; -1 for the collection itself */
  featureIndex: number;
  /** the feature's code, when it has one */
  code?: string;
  problem: GeoProblemCode;
  details: Record<string, number | string>;
}

export interface ValidateGridImportOptions {
  /**
   * Relative area tolerance (default 0.001 = 0.1 %): a gap counts when larger than this share of
   * the parent's area, an overlap when larger than this share of the smaller sibling, a spill
   * outside the parent or region when larger than this share of the child.
   */
  tolerance?: number;
  /**
   * Where the data is expected to lie, [w, s, e, n]; used to detect swapped lon/lat.
   * Default: mainland China and Hainan [73.5, 18, 135.1, 53.6]. null disables the check.
   */
  expectedBounds?: BBox | null;
  /** Units already stored (e.g. the county and towns when only grids are re-imported). */
  known?: readonly GridRecord[];
  /** Report gaps where children do not cover their parent (default true). */
  requireCoverage?: boolean;
  /** Check that every grid lies inside its region (default true). */
  checkRegions?: boolean;
}

export interface GridImportValidation {
  ok: boolean;
  problems: GeoProblem[];
  /** the input with every valid geometry rewound to RFC 7946 winding (exterior counter-clockwise) */
  normalized: FeatureCollection;
  /** one record per feature whose properties are usable; geometry null when the geometry is invalid */
  records: GridRecord[];
}

export const CHINA_BOUNDS: BBox = [73.5, 18, 135.1, 53.6];

const PARENT_RULE: Record<string, { kind: UnitKind; level: GridLevel | RegionLevel } | null> = {
  'region:county': null,
  'region:town': { kind: 'region', level: 'county' },
  'region:village': { kind: 'region', level: 'town' },
  'grid:big': { kind: 'region', level: 'town' },
  'grid:medium': { kind: 'grid', level: 'big' },
  'grid:small': { kind: 'grid', level: 'medium' },
  'grid:micro': { kind: 'grid', level: 'small' },
};

/** The kind and level a unit's parent must have; null for the county (no parent checked). */
export function expectedParent(
  kind: UnitKind,
  level: GridLevel | RegionLevel,
): { kind: UnitKind; level: GridLevel | RegionLevel } | null {
  return PARENT_RULE[`${kind}:${level}`] ?? null;
}

type Props = Record<string, unknown>;

function asCode(v: unknown): string | undefined {
  if (typeof v === 'string' && v.trim() !== '') return v.trim();
  if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v);
  return undefined;
}

interface ParsedUnit {
  index: number;
  record: GridRecord & { kind: UnitKind; name: string };
  /** valid, rewound geometry or null */
  geometry: AreaGeometry | null;
}

/** Parse and check properties; pushes problems; returns a record when usable. */
function parseProperties(
  feature: Feature,
  index: number,
  push: (p: GeoProblem) => void,
): (GridRecord & { kind: UnitKind; name: string }) | null {
  const props = (feature.properties ?? null) as Props | null;
  if (!props || typeof props !== 'object') {
    push({ featureIndex: index, problem: 'MISSING_PROPERTY', details: { property: 'properties' } });
    return null;
  }
  const code = asCode(props.code);
  const codeField = code ? { code } : {};
  let usable = true;
  const missing = (property: string) => {
    push({ featureIndex: index, ...codeField, problem: 'MISSING_PROPERTY', details: { property } });
    usable = false;
  };
  if (!code) missing('code');
  const name = typeof props.name === 'string' ? props.name.trim() : '';
  if (!name) missing('name');
  const kind = props.kind;
  if (kind === undefined || kind === null || kind === '') missing('kind');
  else if (kind !== 'region' && kind !== 'grid') {
    push({ featureIndex: index, ...codeField, problem: 'BAD_KIND', details: { kind: String(kind) } });
    usable = false;
  }
  const level = props.level;
  if (level === undefined || level === null || level === '') missing('level');
  else if (kind === 'region' || kind === 'grid') {
    const allowed: readonly string[] = kind === 'region' ? REGION_LEVELS : GRID_LEVELS;
    if (typeof level !== 'string' || !allowed.includes(level)) {
      push({
        featureIndex: index,
        ...codeField,
        problem: 'BAD_LEVEL',
        details: { level: String(level), kind, allowed: allowed.join('|') },
      });
      usable = false;
    }
  }
  const parentCode = asCode(props.parent_code) ?? null;
  if (!parentCode && !(kind === 'region' && level === 'county')) missing('parent_code');
  const regionCode = asCode(props.region_code) ?? null;
  if (kind === 'grid' && !regionCode) missing('region_code');
  if (!usable || !code) return null;
  return {
    code,
    name,
    kind: kind as UnitKind,
    level: level as GridLevel | RegionLevel,
    parentCode,
    regionCode: kind === 'grid' ? regionCode : null,
    geometry: null,
  };
}

function isPosition(p: unknown): p is number[] {
  return (
    Array.isArray(p) &&
    p.length >= 2 &&
    p.length <= 3 &&
    p.every((v) => typeof v === 'number' && Number.isFinite(v))
  );
}

function inBounds(lon: number, lat: number, b: BBox): boolean {
  return lon >= b[0] && lon <= b[2] && lat >= b[1] && lat <= b[3];
}

/**
 * Check one geometry. Returns the rewound geometry when valid, else null (problems pushed via
 * `report`, which receives the problem code and details).
 */
export function checkGeometry(
  geometry: unknown,
  report: (problem: GeoProblemCode, details: Record<string, number | string>) => void,
  expectedBounds: BBox | null = CHINA_BOUNDS,
): AreaGeometry | null {
  if (geometry === null || geometry === undefined) {
    report('INVALID_GEOMETRY', { reason: 'missing' });
    return null;
  }
  const g = geometry as { type?: unknown; coordinates?: unknown };
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') {
    report('INVALID_GEOMETRY', { reason: 'type', type: String(g.type) });
    return null;
  }
  const polys: unknown[] = g.type === 'Polygon' ? [g.coordinates] : (g.coordinates as unknown[]);
  if (!Array.isArray(polys) || polys.length === 0) {
    report('INVALID_GEOMETRY', { reason: 'coordinates' });
    return null;
  }
  // structure
  for (let pi = 0; pi < polys.length; pi++) {
    const poly = polys[pi];
    if (!Array.isArray(poly) || poly.length === 0) {
      report('INVALID_GEOMETRY', { reason: 'coordinates', polygon: pi });
      return null;
    }
    for (let ri = 0; ri < poly.length; ri++) {
      const ring = poly[ri];
      if (!Array.isArray(ring) || !ring.every(isPosition)) {
        report('INVALID_GEOMETRY', { reason: 'coordinates', polygon: pi, ring: ri });
        return null;
      }
    }
  }
  const typed = polys as LinearRing[][];
  // range and swapped axes
  let outOfRange = 0;
  let swappedFits = 0;
  let fits = 0;
  let total = 0;
  for (const poly of typed) {
    for (const ring of poly) {
      for (const p of ring) {
        total++;
        const [lon, lat] = p;
        if (lon < -180 || lon > 180 || lat < -90 || lat > 90) outOfRange++;
        if (expectedBounds) {
          if (inBounds(lon, lat, expectedBounds)) fits++;
          if (inBounds(lat, lon, expectedBounds)) swappedFits++;
        } else if (lat >= -180 && lat <= 180 && lon >= -90 && lon <= 90) swappedFits++;
      }
    }
  }
  if (outOfRange > 0 || (expectedBounds && fits < total)) {
    if (swappedFits === total && (outOfRange > 0 || fits === 0)) {
      report('COORDINATES_SWAPPED', { positions: total, outOfRange });
      return null;
    }
    if (outOfRange > 0) {
      report('OUT_OF_RANGE', { positions: outOfRange });
      return null;
    }
    // outside the expected bounds but plausible world coordinates: not our business here
  }
  // rings
  let ringsOk = true;
  for (let pi = 0; pi < typed.length; pi++) {
    for (let ri = 0; ri < typed[pi].length; ri++) {
      const ring = typed[pi][ri];
      const loc: Record<string, number> = g.type === 'Polygon' ? { ring: ri } : { polygon: pi, ring: ri };
      const distinct = dedupeRing(ring);
      if (
        distinct.length > 1 &&
        distinct[0][0] === distinct.at(-1)![0] &&
        distinct[0][1] === distinct.at(-1)![1]
      )
        distinct.pop();
      if (ring.length < 4 || distinct.length < 3) {
        report('TOO_FEW_POSITIONS', { ...loc, positions: ring.length, distinct: distinct.length });
        ringsOk = false;
        continue;
      }
      const a = ring[0];
      const b = ring[ring.length - 1];
      if (a[0] !== b[0] || a[1] !== b[1] || (a[2] ?? 0) !== (b[2] ?? 0)) {
        report('RING_NOT_CLOSED', loc);
        ringsOk = false;
      }
    }
  }
  if (!ringsOk) return null;
  // self-intersection over all rings of the geometry
  const hit = findSelfIntersection(typed);
  if (hit) {
    report('SELF_INTERSECTION', hit);
    return null;
  }
  for (let pi = 0; pi < typed.length; pi++) {
    for (let ri = 0; ri < typed[pi].length; ri++) {
      if (ringSignedArea(typed[pi][ri]) === 0) {
        report('INVALID_GEOMETRY', {
          reason: 'zero_area',
          ...(g.type === 'Polygon' ? {} : { polygon: pi }),
          ring: ri,
        });
        return null;
      }
    }
  }
  // holes inside their exterior (rings do not cross, so one vertex decides)
  for (let pi = 0; pi < typed.length; pi++) {
    const ext: AreaGeometry = { type: 'Polygon', coordinates: [typed[pi][0]] };
    for (let ri = 1; ri < typed[pi].length; ri++) {
      const hole = typed[pi][ri];
      const inside = hole.some((p) => pointInGeometry(p[0], p[1], ext));
      if (!inside) {
        report('INVALID_GEOMETRY', { reason: 'hole_outside_exterior', polygon: pi, ring: ri });
        return null;
      }
    }
  }
  return rewind({ type: g.type, coordinates: g.type === 'Polygon' ? typed[0] : typed } as AreaGeometry);
}

/**
 * First self-intersection of a geometry's rings, or null. Within a ring any contact between
 * non-adjacent edges (and a spike between adjacent ones) counts; between rings a crossing or a
 * shared stretch counts, a single touching point does not (as in OGC simple features).
 */
export function findSelfIntersection(polys: LinearRing[][]): Record<string, number> | null {
  const edges: Edge[] = [];
  const ringInfo: Array<{ polygon: number; ring: number }> = [];
  const ox = polys[0][0][0][0];
  const oy = polys[0][0][0][1];
  for (let pi = 0; pi < polys.length; pi++) {
    for (let ri = 0; ri < polys[pi].length; ri++) {
      const ring = dedupeRing(polys[pi][ri]);
      edgesOfRing(ring, 0, ringInfo.length, ox, oy, edges);
      ringInfo.push({ polygon: pi, ring: ri });
    }
  }
  let found: Record<string, number> | null = null;
  forEachCandidatePair(edges, (a, b) => {
    const kind = classifyIntersection(a, b);
    if (kind === 0) return undefined;
    if (a.ring === b.ring) {
      const d = Math.abs(a.index - b.index);
      const adjacent = d === 1 || d === a.ringSize - 1;
      if (adjacent && kind !== 3) return undefined;
      if (a.ringSize === 2) return undefined;
    } else if (kind === 2) return undefined;
    const ra = ringInfo[a.ring];
    const rb = ringInfo[b.ring];
    found = {
      polygon: ra.polygon,
      ring: ra.ring,
      edge: a.index,
      otherPolygon: rb.polygon,
      otherRing: rb.ring,
      otherEdge: b.index,
    };
    return true;
  });
  return found;
}

/**
 * Validate a county import. Checks properties, geometry (RFC 7946 rings, windings accepted either
 * way, self-intersection, swapped axes), the region and grid hierarchy, and by exact area overlay:
 * children outside their parent, overlapping siblings and gaps where siblings fail to cover their
 * parent, and grids outside their region.
 */
export function validateGridImport(
  fc: FeatureCollection,
  options: ValidateGridImportOptions = {},
): GridImportValidation {
  const tolerance = options.tolerance ?? 0.001;
  const expectedBounds = options.expectedBounds === undefined ? CHINA_BOUNDS : options.expectedBounds;
  const requireCoverage = options.requireCoverage ?? true;
  const checkRegions = options.checkRegions ?? true;
  const problems: GeoProblem[] = [];
  const push = (p: GeoProblem) => {
    problems.push(p);
  };
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    push({ featureIndex: -1, problem: 'INVALID_FEATURE', details: { reason: 'not a FeatureCollection' } });
    return { ok: false, problems, normalized: { type: 'FeatureCollection', features: [] }, records: [] };
  }

  const units: ParsedUnit[] = [];
  const incomplete = new Set<string>();
  const byCode = new Map<string, ParsedUnit>();
  const normalizedFeatures: Feature[] = [];
  fc.features.forEach((feature, index) => {
    if (feature?.type !== 'Feature') {
      push({ featureIndex: index, problem: 'INVALID_FEATURE', details: { reason: 'not a Feature' } });
      normalizedFeatures.push(feature);
      return;
    }
    const record = parseProperties(feature, index, push);
    const codeField = record ? { code: record.code } : {};
    const claimedParent = asCode((feature.properties as Props | null)?.parent_code);
    const geometry = checkGeometry(
      feature.geometry,
      (problem, details) => push({ featureIndex: index, ...codeField, problem, details }),
      expectedBounds,
    );
    normalizedFeatures.push(geometry ? { ...feature, geometry } : feature);
    // a parent with a child we cannot read cannot be judged for gaps
    if ((!record || !geometry) && claimedParent) incomplete.add(claimedParent);
    if (!record) return;
    record.geometry = geometry;
    const unit: ParsedUnit = { index, record, geometry };
    const prior = byCode.get(record.code);
    if (prior) {
      push({
        featureIndex: index,
        code: record.code,
        problem: 'DUPLICATE_CODE',
        details: { otherFeatureIndex: prior.index },
      });
      return;
    }
    byCode.set(record.code, unit);
    units.push(unit);
  });

  const known = new Map<string, GridRecord>();
  for (const k of options.known ?? []) known.set(k.code, k);
  const lookup = (code: string): { record: GridRecord; unit?: ParsedUnit } | undefined => {
    const unit = byCode.get(code);
    if (unit) return { record: unit.record, unit };
    const k = known.get(code);
    return k ? { record: k } : undefined;
  };
  const kindOf = (r: GridRecord): UnitKind =>
    r.kind ?? ((REGION_LEVELS as readonly string[]).includes(r.level) ? 'region' : 'grid');

  // hierarchy
  const parentOk = new Set<ParsedUnit>();
  const regionOk = new Set<ParsedUnit>();
  for (const unit of units) {
    const r = unit.record;
    const rule = expectedParent(r.kind, r.level);
    let ok = true;
    if (rule && r.parentCode) {
      const parent = lookup(r.parentCode);
      if (!parent) {
        push({
          featureIndex: unit.index,
          code: r.code,
          problem: 'UNKNOWN_PARENT',
          details: { parentCode: r.parentCode },
        });
        ok = false;
      } else if (kindOf(parent.record) !== rule.kind || parent.record.level !== rule.level) {
        push({
          featureIndex: unit.index,
          code: r.code,
          problem: 'LEVEL_MISMATCH',
          details: {
            field: 'parent_code',
            parentCode: r.parentCode,
            parentKind: kindOf(parent.record),
            parentLevel: parent.record.level,
            expectedKind: rule.kind,
            expectedLevel: rule.level,
          },
        });
        ok = false;
      }
    }
    if (ok) parentOk.add(unit);
    ok = true;
    if (r.kind === 'grid' && r.regionCode) {
      const region = lookup(r.regionCode);
      const allowed = r.level === 'big' ? ['town'] : ['town', 'village'];
      if (!region) {
        push({
          featureIndex: unit.index,
          code: r.code,
          problem: 'UNKNOWN_REGION',
          details: { regionCode: r.regionCode },
        });
        ok = false;
      } else if (kindOf(region.record) !== 'region' || !allowed.includes(region.record.level)) {
        push({
          featureIndex: unit.index,
          code: r.code,
          problem: 'LEVEL_MISMATCH',
          details: {
            field: 'region_code',
            regionCode: r.regionCode,
            regionKind: kindOf(region.record),
            regionLevel: region.record.level,
            expectedLevel: allowed.join('|'),
          },
        });
        ok = false;
      }
    }
    if (ok) regionOk.add(unit);
  }

  // area checks, per (parent, kind) group
  const groups = new Map<string, ParsedUnit[]>();
  for (const unit of units) {
    if (!unit.geometry || !parentOk.has(unit) || !unit.record.parentCode) continue;
    if (!expectedParent(unit.record.kind, unit.record.level)) continue;
    const key = `${unit.record.level}\u0000${unit.record.parentCode}`;
    const list = groups.get(key);
    if (list) list.push(unit);
    else groups.set(key, [unit]);
  }
  for (const children of groups.values()) {
    const parentCode = children[0].record.parentCode!;
    const parent = lookup(parentCode);
    const parentGeometry = parent ? (parent.unit ? parent.unit.geometry : parent.record.geometry) : null;
    const result = overlayAreas(
      parentGeometry,
      children.map((c) => c.geometry!),
    );
    const m2 = squareMetresPerSquareDegree(midLatitude(parentGeometry ?? children[0].geometry!));
    reportGroup(
      result,
      children,
      parentGeometry ? { code: parentCode, index: parent?.unit?.index } : null,
      m2,
      !incomplete.has(parentCode),
    );
  }

  if (checkRegions) {
    const byRegion = new Map<string, ParsedUnit[]>();
    for (const unit of units) {
      const r = unit.record;
      if (r.kind !== 'grid' || !unit.geometry || !regionOk.has(unit) || !r.regionCode) continue;
      if (r.regionCode === r.parentCode) continue; // already checked against the parent
      const list = byRegion.get(r.regionCode);
      if (list) list.push(unit);
      else byRegion.set(r.regionCode, [unit]);
    }
    for (const [regionCode, grids] of byRegion) {
      const region = lookup(regionCode);
      const regionGeometry = region ? (region.unit ? region.unit.geometry : region.record.geometry) : null;
      if (!regionGeometry) continue;
      const result = overlayAreas(
        regionGeometry,
        grids.map((c) => c.geometry!),
        { pairs: false },
      );
      const m2 = squareMetresPerSquareDegree(midLatitude(regionGeometry));
      grids.forEach((g, i) => {
        const area = result.childArea[i];
        const out = result.outside[i];
        if (out > tolerance * area) {
          push({
            featureIndex: g.index,
            code: g.record.code,
            problem: 'OUTSIDE_REGION',
            details: { regionCode, outsideArea_m2: round(out * m2), outsideRatio: round(out / area, 6) },
          });
        }
      });
    }
  }

  function reportGroup(
    result: OverlayResult,
    children: ParsedUnit[],
    parent: { code: string; index: number | undefined } | null,
    m2: number,
    judgeGap: boolean,
  ): void {
    const n = children.length;
    if (parent) {
      children.forEach((c, i) => {
        const area = result.childArea[i];
        const out = result.outside[i];
        if (out > tolerance * area) {
          push({
            featureIndex: c.index,
            code: c.record.code,
            problem: 'OUTSIDE_PARENT',
            details: {
              parentCode: parent.code,
              outsideArea_m2: round(out * m2),
              outsideRatio: round(out / area, 6),
            },
          });
        }
      });
      if (requireCoverage && judgeGap && result.gap > tolerance * result.parentArea) {
        push({
          featureIndex: parent.index ?? children[0].index,
          code: parent.code,
          problem: 'GAP_IN_PARENT',
          details: {
            parentCode: parent.code,
            childKind: children[0].record.kind,
            children: n,
            gapArea_m2: round(result.gap * m2),
            gapRatio: round(result.gap / result.parentArea, 6),
          },
        });
      }
    }
    for (const [key, area] of result.pairOverlap) {
      const i = Math.floor(key / n);
      const j = key % n;
      const smaller = Math.min(result.childArea[i], result.childArea[j]);
      if (area > tolerance * smaller) {
        const [first, second] =
          children[i].index < children[j].index ? [children[i], children[j]] : [children[j], children[i]];
        push({
          featureIndex: second.index,
          code: second.record.code,
          problem: 'SIBLING_OVERLAP',
          details: {
            otherCode: first.record.code,
            otherFeatureIndex: first.index,
            overlapArea_m2: round(area * m2),
            overlapRatio: round(area / smaller, 6),
          },
        });
      }
    }
  }

  problems.sort((a, b) => a.featureIndex - b.featureIndex);
  const records = units.map((u) => ({ ...u.record, geometry: u.geometry }));
  return {
    ok: problems.length === 0,
    problems,
    normalized: { ...fc, features: normalizedFeatures },
    records,
  };
}

function midLatitude(g: AreaGeometry): number {
  const b = geometryBBox(g);
  return (b[1] + b[3]) / 2;
}

function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

// ---------------------------------------------------------------------------------------------
// Planning a re-import

export interface GridImportPlan {
  /** codes in the file and not stored yet */
  new: string[];
  /** codes stored and changed by the file (updated in place, by code) */
  updated: string[];
  /** codes stored and identical in the file */
  unchanged: string[];
  /** codes stored but absent from the file (the caller decides: keep, or retire) */
  absent: string[];
  /** for each updated code, the fields that differ */
  changes: Record<string, string[]>;
}

/** Canonical coordinates for comparison: RFC winding, open rings rotated to the smallest vertex. */
function canonical(g: AreaGeometry | null): string {
  if (!g) return 'null';
  try {
    return canonicalUnsafe(g);
  } catch {
    return `invalid:${JSON.stringify(g)}`;
  }
}

function canonicalUnsafe(g: AreaGeometry): string {
  const polys = polygonsOf(rewind(g)).map((poly) =>
    poly.map((ring) => {
      const open = dedupeRing(ring);
      if (open.length > 1 && open[0][0] === open.at(-1)![0] && open[0][1] === open.at(-1)![1]) open.pop();
      let k = 0;
      for (let i = 1; i < open.length; i++) {
        if (open[i][0] < open[k][0] || (open[i][0] === open[k][0] && open[i][1] < open[k][1])) k = i;
      }
      return [...open.slice(k), ...open.slice(0, k)]
        .map((p) => `${p[0].toFixed(9)},${p[1].toFixed(9)}`)
        .join(' ');
    }),
  );
  return JSON.stringify(polys);
}

/**
 * Compare a county file with what is stored: a re-import updates units in place by code.
 * Features without a usable code are ignored (validateGridImport reports them).
 */
export function planGridImport(existing: readonly GridRecord[], fc: FeatureCollection): GridImportPlan {
  const stored = new Map(existing.map((r) => [r.code, r]));
  const plan: GridImportPlan = { new: [], updated: [], unchanged: [], absent: [], changes: {} };
  const seen = new Set<string>();
  for (const feature of fc.features ?? []) {
    const props = (feature?.properties ?? {}) as Props;
    const code = asCode(props.code);
    if (!code || seen.has(code)) continue;
    seen.add(code);
    const old = stored.get(code);
    if (!old) {
      plan.new.push(code);
      continue;
    }
    const changes: string[] = [];
    const str = (v: unknown) => asCode(v) ?? null;
    if (
      old.name !== undefined &&
      old.name !== (typeof props.name === 'string' ? props.name.trim() : props.name)
    )
      changes.push('name');
    if (old.kind !== undefined && old.kind !== props.kind) changes.push('kind');
    if (old.level !== props.level) changes.push('level');
    if ((old.parentCode ?? null) !== str(props.parent_code)) changes.push('parent_code');
    if ((old.regionCode ?? null) !== str(props.region_code)) changes.push('region_code');
    const geometry = feature.geometry as AreaGeometry | null;
    const g = geometry && (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon') ? geometry : null;
    if (canonical(old.geometry) !== canonical(g)) changes.push('geometry');
    if (changes.length) {
      plan.updated.push(code);
      plan.changes[code] = changes;
    } else plan.unchanged.push(code);
  }
  for (const r of existing) if (!seen.has(r.code)) plan.absent.push(r.code);
  return plan;
}
