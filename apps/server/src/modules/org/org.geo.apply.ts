import type { AreaGeometry, Datum, Feature, GridImportPlan } from '@hewei/domain';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { centers, grids, regions, unitVersions } from '../../db/schema/index.ts';
import type { GridRow, RegionRow } from './org.directory.ts';
import type { StoredUnits } from './org.geo.export.ts';

interface Props {
  code: string;
  name: string;
  name_en?: string;
  kind: 'region' | 'grid';
  level: string;
  parent_code: string | null;
  region_code?: string;
  addresses?: unknown;
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
 * Writes a validated plan: new units inserted, changed ones updated in place by code with their
 * version bumped, and every new version kept in unit_versions. Parents come before children.
 */
export async function applyPlan(
  tx: Tx,
  p: {
    countyId: string;
    stored: StoredUnits;
    features: Feature[];
    plan: GridImportPlan;
    retireAbsent: boolean;
    importId: string;
    datum: Datum;
    actorId: string;
    at: Date;
  },
): Promise<{ retired: string[] }> {
  const { countyId, stored } = p;
  const regionByCode = new Map(stored.regions.map((r) => [r.code, r]));
  const gridByCode = new Map(stored.grids.map((g) => [g.code, g]));
  const usedIds = new Set([...stored.regions.map((r) => r.id), ...stored.grids.map((g) => g.id)]);
  const newId = (prefix: string, code: string) => {
    let id = `${prefix}-${code}`;
    for (let n = 2; usedIds.has(id); n++) id = `${prefix}-${code}-${n}`;
    usedIds.add(id);
    return id;
  };
  const touched = new Set([...p.plan.new, ...p.plan.updated]);
  const versionRows: (typeof unitVersions.$inferInsert)[] = [];
  const version = (kind: 'region' | 'grid', row: RegionRow | GridRow) =>
    versionRows.push({
      countyId,
      unitKind: kind,
      unitId: row.id,
      version: row.version,
      code: row.code,
      name: row.name,
      level: row.level,
      parentId: row.parentId,
      regionId: kind === 'grid' ? (row as GridRow).regionId : null,
      geometry: row.geometry,
      active: kind === 'grid' ? (row as GridRow).active : true,
      sourceDatum: p.datum,
      importId: p.importId,
      actorId: p.actorId,
      at: p.at,
    });

  const ordered = p.features
    .map((f) => ({ f, props: f.properties as unknown as Props }))
    .filter(({ props }) => props && touched.has(String(props.code).trim()))
    .sort((a, b) => RANK[a.props.level] - RANK[b.props.level]);
  for (const { f, props } of ordered) {
    const code = String(props.code).trim();
    const geometry = f.geometry as AreaGeometry;
    if (props.kind === 'region') {
      const parent = props.parent_code ? regionByCode.get(String(props.parent_code)) : undefined;
      const old = regionByCode.get(code);
      const id = old?.id ?? newId('r', code);
      const row: RegionRow = {
        id,
        countyId,
        parentId: parent?.id ?? null,
        level: props.level,
        code,
        name: props.name.trim(),
        nameEn: typeof props.name_en === 'string' ? props.name_en : (old?.nameEn ?? props.name.trim()),
        path: [...(parent?.path ?? []), id],
        geometry,
        version: (old?.version ?? 0) + 1,
      };
      if (old) await tx.update(regions).set(row).where(eq(regions.id, id));
      else {
        await tx.insert(regions).values(row);
        await tx.insert(centers).values({
          id: `c-${code}`,
          countyId,
          regionId: id,
          name: `${row.name}社会治理中心`,
          nameEn: `${row.nameEn} Governance Center`,
        });
      }
      regionByCode.set(code, row);
      version('region', row);
    } else {
      const region = regionByCode.get(String(props.region_code))!;
      const parent = props.level === 'big' ? undefined : gridByCode.get(String(props.parent_code));
      const old = gridByCode.get(code);
      const addresses = Array.isArray(props.addresses)
        ? props.addresses.filter((a): a is string => typeof a === 'string' && a.trim() !== '')
        : (old?.addresses ?? []);
      const row: GridRow = {
        id: old?.id ?? newId('g', code),
        countyId,
        regionId: region.id,
        parentId: parent?.id ?? null,
        level: props.level,
        code,
        name: props.name.trim(),
        geometry,
        version: (old?.version ?? 0) + 1,
        active: true,
        addresses,
      };
      if (old) await tx.update(grids).set(row).where(eq(grids.id, row.id));
      else await tx.insert(grids).values(row);
      gridByCode.set(code, row);
      version('grid', row);
    }
  }
  await fixRegionPaths(tx, countyId, [...regionByCode.values()]);
  const retired: string[] = [];
  if (p.retireAbsent) {
    for (const code of p.plan.absent) {
      const g = gridByCode.get(code);
      if (!g?.active) continue;
      const row = { ...g, active: false, version: g.version + 1 };
      await tx
        .update(grids)
        .set({ active: false, version: row.version })
        .where(and(eq(grids.countyId, countyId), eq(grids.id, g.id)));
      version('grid', row);
      retired.push(code);
    }
  }
  for (let i = 0; i < versionRows.length; i += 500)
    await tx.insert(unitVersions).values(versionRows.slice(i, i + 500));
  return { retired };
}

/** A region moved under another parent takes its descendants' paths with it. */
async function fixRegionPaths(tx: Tx, countyId: string, rows: RegionRow[]) {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const pathOf = (r: RegionRow): string[] => {
    const out: string[] = [];
    for (
      let cur: RegionRow | undefined = r;
      cur && out.length < 8;
      cur = cur.parentId ? byId.get(cur.parentId) : undefined
    )
      out.unshift(cur.id);
    return out;
  };
  for (const r of rows) {
    const path = pathOf(r);
    if (path.join('/') !== r.path.join('/'))
      await tx
        .update(regions)
        .set({ path })
        .where(and(eq(regions.countyId, countyId), eq(regions.id, r.id)));
  }
}
