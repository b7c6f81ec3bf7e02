import {
  type AreaGeometry,
  type Datum,
  type FeatureCollection,
  type GridRecord,
  geometryFromWgs84,
} from '@hewei/domain';
import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { grids, regions } from '../../db/schema/index.ts';
import type { GridRow, RegionRow } from './org.directory.ts';

export interface StoredUnits {
  regions: RegionRow[];
  grids: GridRow[];
  regionById: Map<string, RegionRow>;
  gridById: Map<string, GridRow>;
}

/** A county's regions and grids as stored, read fresh (imports must not trust a cache). */
export async function loadUnits(db: Db | Tx, countyId: string): Promise<StoredUnits> {
  const [rs, gs] = await Promise.all([
    db.select().from(regions).where(eq(regions.countyId, countyId)),
    db.select().from(grids).where(eq(grids.countyId, countyId)),
  ]);
  return {
    regions: rs,
    grids: gs,
    regionById: new Map(rs.map((r) => [r.id, r])),
    gridById: new Map(gs.map((g) => [g.id, g])),
  };
}

/** The parent code as a county file writes it: a big grid's parent is its town. */
export function gridParentCode(g: GridRow, u: StoredUnits): string | null {
  if (g.parentId) return u.gridById.get(g.parentId)?.code ?? null;
  return u.regionById.get(g.regionId)?.code ?? null;
}

/** Stored units as the validator and the import planner see them (codes, not ids). */
export function storedRecords(u: StoredUnits, activeOnly = true): GridRecord[] {
  return [
    ...u.regions.map((r) => ({
      code: r.code,
      kind: 'region' as const,
      name: r.name,
      level: r.level as GridRecord['level'],
      parentCode: r.parentId ? (u.regionById.get(r.parentId)?.code ?? null) : null,
      regionCode: null,
      geometry: (r.geometry as AreaGeometry | null) ?? null,
    })),
    ...u.grids
      .filter((g) => g.active || !activeOnly)
      .map((g) => ({
        code: g.code,
        kind: 'grid' as const,
        name: g.name,
        level: g.level as GridRecord['level'],
        parentCode: gridParentCode(g, u),
        regionCode: u.regionById.get(g.regionId)?.code ?? null,
        geometry: (g.geometry as AreaGeometry | null) ?? null,
      })),
  ];
}

const RANK: Record<string, number> = {
  county: 0,
  town: 1,
  village: 2,
  big: 3,
  medium: 4,
  small: 5,
  micro: 6,
};

/**
 * The county as one FeatureCollection (RFC 7946: WGS-84 unless another datum is asked for, which
 * is then named in the collection). Re-importing it changes nothing.
 */
export function exportCounty(
  u: StoredUnits,
  opts: { datum: Datum; kind?: 'region' | 'grid'; level?: string },
): FeatureCollection & { datum: Datum } {
  const convert = (g: unknown) => (g ? geometryFromWgs84(g as AreaGeometry, opts.datum) : null);
  const regionFeatures = u.regions.map((r) => ({
    type: 'Feature' as const,
    id: r.code,
    geometry: convert(r.geometry),
    properties: {
      unit_id: r.id,
      code: r.code,
      name: r.name,
      name_en: r.nameEn,
      kind: 'region',
      level: r.level,
      parent_code: r.parentId ? (u.regionById.get(r.parentId)?.code ?? null) : null,
      version: r.version,
    },
  }));
  const gridFeatures = u.grids
    .filter((g) => g.active)
    .map((g) => ({
      type: 'Feature' as const,
      id: g.code,
      geometry: convert(g.geometry),
      properties: {
        unit_id: g.id,
        code: g.code,
        name: g.name,
        kind: 'grid',
        level: g.level,
        parent_code: gridParentCode(g, u),
        region_code: u.regionById.get(g.regionId)?.code ?? null,
        addresses: g.addresses,
        version: g.version,
      },
    }));
  const features = [...regionFeatures, ...gridFeatures]
    .filter(
      (f) =>
        (!opts.kind || f.properties.kind === opts.kind) && (!opts.level || f.properties.level === opts.level),
    )
    .sort((a, b) => RANK[a.properties.level] - RANK[b.properties.level] || a.id.localeCompare(b.id));
  return { type: 'FeatureCollection', datum: opts.datum, features } as FeatureCollection & { datum: Datum };
}
