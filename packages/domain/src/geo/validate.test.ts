import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateCountyGeography } from './generate.ts';
import { hasRfcWinding } from './planar.ts';
import type { AreaGeometry, Feature, FeatureCollection, GridRecord, Position } from './types.ts';
import { type GeoProblemCode, planGridImport, validateGridImport } from './validate.ts';

// A small hand-made county on a 0.01° lattice near Zhuji: rectangles are fine for validation.
const X0 = 120.0;
const Y0 = 29.8;
const U = 0.01;
const rectRing = (x0: number, y0: number, x1: number, y1: number): Position[] => [
  [X0 + x0 * U, Y0 + y0 * U],
  [X0 + x1 * U, Y0 + y0 * U],
  [X0 + x1 * U, Y0 + y1 * U],
  [X0 + x0 * U, Y0 + y1 * U],
  [X0 + x0 * U, Y0 + y0 * U],
];
const rect = (x0: number, y0: number, x1: number, y1: number): AreaGeometry => ({
  type: 'Polygon',
  coordinates: [rectRing(x0, y0, x1, y1)],
});

type Row = [
  code: string,
  kind: string,
  level: string,
  parent: string | null,
  region: string | null,
  g: AreaGeometry,
];
const C = '330681000000';
const T1 = '330681101000';
const T2 = '330681102000';
const V11 = '330681101201';
const V12 = '330681101202';
const V21 = '330681102201';
const B1 = '33068110100000';
const B2 = '33068110200000';
const M11 = '33068110120100';
const M12 = '33068110120200';
const M21 = '33068110220100';
const S111 = '33068110120110';
const S112 = '33068110120120';
const S121 = '33068110120210';
const S211 = '33068110220110';
const X1 = '33068110120111';
const X2 = '33068110120112';

const rows: Row[] = [
  [C, 'region', 'county', null, null, rect(0, 0, 4, 4)],
  [T1, 'region', 'town', C, null, rect(0, 0, 2, 4)],
  [T2, 'region', 'town', C, null, rect(2, 0, 4, 4)],
  [V11, 'region', 'village', T1, null, rect(0, 0, 2, 2)],
  [V12, 'region', 'village', T1, null, rect(0, 2, 2, 4)],
  [V21, 'region', 'village', T2, null, rect(2, 0, 4, 4)],
  [B1, 'grid', 'big', T1, T1, rect(0, 0, 2, 4)],
  [B2, 'grid', 'big', T2, T2, rect(2, 0, 4, 4)],
  [M11, 'grid', 'medium', B1, V11, rect(0, 0, 2, 2)],
  [M12, 'grid', 'medium', B1, V12, rect(0, 2, 2, 4)],
  [M21, 'grid', 'medium', B2, V21, rect(2, 0, 4, 4)],
  [S111, 'grid', 'small', M11, V11, rect(0, 0, 1, 2)],
  [S112, 'grid', 'small', M11, V11, rect(1, 0, 2, 2)],
  [S121, 'grid', 'small', M12, V12, rect(0, 2, 2, 4)],
  [S211, 'grid', 'small', M21, V21, rect(2, 0, 4, 4)],
  [X1, 'grid', 'micro', S111, V11, rect(0, 0, 1, 1)],
  [X2, 'grid', 'micro', S111, V11, rect(0, 1, 1, 2)],
];

function fixture(): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: rows.map(([code, kind, level, parent, region, geometry]) => ({
      type: 'Feature',
      geometry: structuredClone(geometry),
      properties: {
        code,
        name: `unit ${code}`,
        kind,
        level,
        parent_code: parent,
        ...(region ? { region_code: region } : {}),
      },
    })),
  };
}

const indexOf = (code: string) => rows.findIndex((r) => r[0] === code);

function withFeature(code: string, change: (f: Feature & { properties: Record<string, unknown> }) => void) {
  const fc = fixture();
  change(fc.features[indexOf(code)] as Feature & { properties: Record<string, unknown> });
  return fc;
}

/** Assert `problem` is reported (at featureIndex) and nothing else but the consequences in `also`. */
function expectProblem(
  fc: FeatureCollection,
  problem: GeoProblemCode,
  featureIndex?: number,
  also: GeoProblemCode[] = [],
) {
  const result = validateGridImport(fc);
  assert.equal(result.ok, false, `expected ${problem}`);
  const allowed = new Set([problem, ...also]);
  const stray = result.problems.filter((p) => !allowed.has(p.problem));
  assert.deepEqual(stray, [], 'no unrelated problems');
  const hit = result.problems.find((p) => p.problem === problem);
  assert.ok(hit, `expected ${problem}, got ${JSON.stringify(result.problems)}`);
  if (featureIndex !== undefined) assert.equal(hit.featureIndex, featureIndex);
  return hit;
}

describe('validateGridImport', () => {
  it('accepts the clean fixture', () => {
    const result = validateGridImport(fixture());
    assert.deepEqual(result.problems, []);
    assert.equal(result.ok, true);
    assert.equal(result.records.length, rows.length);
    const micro = result.records.find((r) => r.code === X1)!;
    assert.equal(micro.parentCode, S111);
    assert.equal(micro.regionCode, V11);
    assert.equal(micro.kind, 'grid');
  });

  it('accepts clockwise rings and emits RFC 7946 winding', () => {
    const fc = fixture();
    for (const f of fc.features) {
      const g = f.geometry as AreaGeometry & { type: 'Polygon' };
      g.coordinates = g.coordinates.map((r) => r.slice().reverse());
      assert.equal(hasRfcWinding(g), false);
    }
    const result = validateGridImport(fc);
    assert.equal(result.ok, true);
    for (const f of result.normalized.features) assert.ok(hasRfcWinding(f.geometry as AreaGeometry));
  });

  it('passes a generated county', () => {
    const towns = [1, 2, 3].map((t) => ({
      code: `33068110${t}000`,
      name: `镇${t}`,
      villages: [1, 2, 3, 4].map((v) => ({ code: `33068110${t}20${v}`, name: `村${t}${v}` })),
    }));
    const county = generateCountyGeography({ county: { code: C, name: '诸暨市' }, towns }, 7);
    const result = validateGridImport(county);
    assert.deepEqual(result.problems, []);
  });

  it('INVALID_FEATURE: not a FeatureCollection, or an entry that is not a Feature', () => {
    const r = validateGridImport({ type: 'Feature' } as unknown as FeatureCollection);
    assert.equal(r.problems[0].problem, 'INVALID_FEATURE');
    assert.equal(r.problems[0].featureIndex, -1);
    const fc = fixture();
    fc.features.push({ type: 'Point' } as unknown as Feature);
    expectProblem(fc, 'INVALID_FEATURE', rows.length);
  });

  it('INVALID_GEOMETRY: missing or not a polygon', () => {
    expectProblem(
      withFeature(X1, (f) => {
        f.geometry = null;
      }),
      'INVALID_GEOMETRY',
      indexOf(X1),
    );
    const hit = expectProblem(
      withFeature(X1, (f) => {
        f.geometry = { type: 'Point', coordinates: [120.001, 29.801] };
      }),
      'INVALID_GEOMETRY',
    );
    assert.equal(hit.details.reason, 'type');
    assert.equal(hit.code, X1);
  });

  it('RING_NOT_CLOSED', () => {
    const fc = withFeature(X1, (f) => {
      (f.geometry as { coordinates: Position[][] }).coordinates[0].pop();
    });
    expectProblem(fc, 'RING_NOT_CLOSED', indexOf(X1));
  });

  it('TOO_FEW_POSITIONS', () => {
    const fc = withFeature(X1, (f) => {
      f.geometry = {
        type: 'Polygon',
        coordinates: [
          [
            [120, 29.8],
            [120.01, 29.8],
            [120, 29.8],
          ],
        ],
      };
    });
    const hit = expectProblem(fc, 'TOO_FEW_POSITIONS', indexOf(X1));
    assert.equal(hit.details.positions, 3);
  });

  it('SELF_INTERSECTION: a bow-tie', () => {
    const fc = withFeature(X1, (f) => {
      const r = rectRing(0, 0, 1, 1);
      f.geometry = { type: 'Polygon', coordinates: [[r[0], r[2], r[1], r[3], r[0]]] };
    });
    expectProblem(fc, 'SELF_INTERSECTION', indexOf(X1));
  });

  it('COORDINATES_SWAPPED: [lat, lon] positions', () => {
    const fc = withFeature(X1, (f) => {
      const g = f.geometry as { coordinates: Position[][] };
      g.coordinates = g.coordinates.map((r) => r.map(([lon, lat]) => [lat, lon]));
    });
    expectProblem(fc, 'COORDINATES_SWAPPED', indexOf(X1));
  });

  it('OUT_OF_RANGE: impossible coordinates', () => {
    const fc = withFeature(X1, (f) => {
      f.geometry = {
        type: 'Polygon',
        coordinates: [
          [
            [200, 95],
            [201, 95],
            [201, 96],
            [200, 95],
          ],
        ],
      };
    });
    expectProblem(fc, 'OUT_OF_RANGE', indexOf(X1));
  });

  it('OUTSIDE_PARENT: a micro grid spilling out of its small grid', () => {
    const fc = withFeature(X1, (f) => {
      f.geometry = rect(0, 0, 1.5, 1);
    });
    const hit = expectProblem(fc, 'OUTSIDE_PARENT', indexOf(X1));
    assert.equal(hit.details.parentCode, S111);
    assert.ok(Math.abs((hit.details.outsideRatio as number) - 1 / 3) < 1e-6);
    assert.ok((hit.details.outsideArea_m2 as number) > 0);
  });

  it('SIBLING_OVERLAP', () => {
    const fc = withFeature(X2, (f) => {
      f.geometry = rect(0, 0.8, 1, 2);
    });
    const hit = expectProblem(fc, 'SIBLING_OVERLAP', indexOf(X2));
    assert.equal(hit.details.otherCode, X1);
    assert.ok(Math.abs((hit.details.overlapRatio as number) - 0.2) < 1e-6);
  });

  it('GAP_IN_PARENT', () => {
    const fc = withFeature(X2, (f) => {
      f.geometry = rect(0, 1.2, 1, 2);
    });
    const hit = expectProblem(fc, 'GAP_IN_PARENT', indexOf(S111));
    assert.equal(hit.code, S111);
    assert.ok(Math.abs((hit.details.gapRatio as number) - 0.1) < 1e-6);
  });

  it('tolerates gaps and overlaps below the tolerance', () => {
    const fc = withFeature(X2, (f) => {
      f.geometry = rect(0, 1.0005, 1, 2); // 0.025 % of the parent
    });
    assert.equal(validateGridImport(fc).ok, true);
    assert.equal(validateGridImport(fc, { tolerance: 0.0001 }).ok, false);
    assert.equal(validateGridImport(fc, { tolerance: 0.0001, requireCoverage: false }).ok, true);
  });

  it('UNKNOWN_PARENT', () => {
    const fc = withFeature(X1, (f) => {
      f.properties.parent_code = '33068110120190';
    });
    // S111 is then covered by one micro grid only: the gap is reported too
    const hit = expectProblem(fc, 'UNKNOWN_PARENT', indexOf(X1), ['GAP_IN_PARENT']);
    assert.equal(hit.details.parentCode, '33068110120190');
  });

  it('parents already stored are known', () => {
    const fc = fixture();
    const stored = fc.features.slice(0, 6);
    fc.features = fc.features.slice(6);
    assert.equal(validateGridImport(fc).ok, false);
    const known: GridRecord[] = stored.map((f) => {
      const p = f.properties as Record<string, string | null>;
      return {
        code: p.code!,
        kind: 'region',
        level: p.level as 'town',
        parentCode: p.parent_code,
        geometry: f.geometry as AreaGeometry,
      };
    });
    assert.deepEqual(validateGridImport(fc, { known }).problems, []);
  });

  it('UNKNOWN_REGION', () => {
    const fc = withFeature(X1, (f) => {
      f.properties.region_code = '330681101299';
    });
    expectProblem(fc, 'UNKNOWN_REGION', indexOf(X1));
  });

  it('OUTSIDE_REGION: a grid lying outside the region it claims', () => {
    const fc = withFeature(X1, (f) => {
      f.properties.region_code = V12;
    });
    const hit = expectProblem(fc, 'OUTSIDE_REGION', indexOf(X1));
    assert.equal(hit.details.regionCode, V12);
  });

  it('DUPLICATE_CODE', () => {
    const fc = fixture();
    fc.features.push(structuredClone(fc.features[indexOf(X2)]));
    const hit = expectProblem(fc, 'DUPLICATE_CODE', rows.length);
    assert.equal(hit.details.otherFeatureIndex, indexOf(X2));
  });

  it('MISSING_PROPERTY', () => {
    const fc = withFeature(X1, (f) => {
      delete f.properties.name;
    });
    const hit = expectProblem(fc, 'MISSING_PROPERTY', indexOf(X1));
    assert.equal(hit.details.property, 'name');
    const fc2 = withFeature(X1, (f) => {
      delete f.properties.region_code;
    });
    assert.equal(expectProblem(fc2, 'MISSING_PROPERTY').details.property, 'region_code');
  });

  it('BAD_KIND', () => {
    const fc = withFeature(X1, (f) => {
      f.properties.kind = 'zone';
    });
    expectProblem(fc, 'BAD_KIND', indexOf(X1));
  });

  it('BAD_LEVEL', () => {
    const fc = withFeature(X1, (f) => {
      f.properties.level = 'town';
    });
    const hit = expectProblem(fc, 'BAD_LEVEL', indexOf(X1));
    assert.equal(hit.details.allowed, 'big|medium|small|micro');
  });

  it('LEVEL_MISMATCH: a micro grid under a medium grid', () => {
    const fc = withFeature(X1, (f) => {
      f.properties.parent_code = M11;
    });
    const hit = expectProblem(fc, 'LEVEL_MISMATCH', indexOf(X1), ['GAP_IN_PARENT']);
    assert.equal(hit.details.parentLevel, 'medium');
    assert.equal(hit.details.expectedLevel, 'small');
    const fc2 = withFeature(V11, (f) => {
      f.properties.parent_code = C;
    });
    expectProblem(fc2, 'LEVEL_MISMATCH', indexOf(V11), ['GAP_IN_PARENT']);
  });
});

describe('planGridImport', () => {
  const stored = (): GridRecord[] => validateGridImport(fixture()).records;

  it('re-importing the same file changes nothing, whatever the ring direction or start', () => {
    const fc = fixture();
    const g = fc.features[indexOf(X1)].geometry as { coordinates: Position[][] };
    const open = g.coordinates[0].slice(0, -1).reverse();
    const rotated = [...open.slice(2), ...open.slice(0, 2)];
    g.coordinates[0] = [...rotated, rotated[0]];
    const plan = planGridImport(stored(), fc);
    assert.equal(plan.unchanged.length, rows.length);
    assert.deepEqual([plan.new, plan.updated, plan.absent], [[], [], []]);
  });

  it('sorts codes into new, updated, unchanged and absent', () => {
    const fc = fixture();
    (fc.features[indexOf(X1)].properties as Record<string, unknown>).name = 'renamed';
    fc.features[indexOf(X2)].geometry = rect(0, 1, 1, 2.5);
    fc.features = fc.features.filter((f) => (f.properties as { code: string }).code !== S211);
    fc.features.push({
      type: 'Feature',
      geometry: rect(1, 0, 2, 2),
      properties: {
        code: '33068110120121',
        name: 'new',
        kind: 'grid',
        level: 'micro',
        parent_code: S112,
        region_code: V11,
      },
    });
    const plan = planGridImport(stored(), fc);
    assert.deepEqual(plan.new, ['33068110120121']);
    assert.deepEqual(plan.updated.sort(), [X1, X2].sort());
    assert.deepEqual(plan.changes[X1], ['name']);
    assert.deepEqual(plan.changes[X2], ['geometry']);
    assert.deepEqual(plan.absent, [S211]);
    assert.equal(plan.unchanged.length, rows.length - 3);
  });
});
