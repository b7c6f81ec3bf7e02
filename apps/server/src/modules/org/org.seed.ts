import { type AreaGeometry, createRng, randomPointIn, type UnitFeatureCollection } from '@hewei/domain';
import type { Db } from '../../db/client.ts';
import type { grids, regions } from '../../db/schema/index.ts';
import { orgPeople, orgState, responsibilities, unitVersions } from '../../db/schema/index.ts';
import type { OrgSpec } from '../../demo/org.ts';
import { ORG_PERSON_PHONE_PURPOSE, type Pii } from '../../lib/pii/index.ts';

type GridInsert = typeof grids.$inferInsert;
type RegionInsert = typeof regions.$inferInsert;

/** The grid rows and region outlines of a county file generated for a spec (ids from codes). */
export function geographyGrids(fc: UnitFeatureCollection, countyId: string) {
  const regionGeometry = new Map<string, AreaGeometry>();
  const rows: GridInsert[] = [];
  for (const f of fc.features) {
    const p = f.properties;
    if (p.kind === 'region') {
      regionGeometry.set(p.code, f.geometry);
      continue;
    }
    rows.push({
      id: `g-${p.code}`,
      countyId,
      regionId: `r-${p.region_code}`,
      parentId: p.level === 'big' ? null : `g-${p.parent_code}`,
      level: p.level,
      code: p.code,
      name: p.name,
      geometry: f.geometry,
      addresses: [],
    });
  }
  return { regionGeometry, grids: rows };
}

/**
 * What the organisation needs beyond its tree: version 1 of every unit, the responsibility list
 * (each department answers county-wide for its category groups, plus the spec's own entries),
 * grid workers on their village's small grids, a part-time worker and a mediator per village.
 */
export async function insertOrgExtras(
  db: Db,
  spec: OrgSpec,
  p: { county: string; regionRows: RegionInsert[]; gridRows: GridInsert[]; at: Date; pii?: Pii },
) {
  // phones are sealed as the admin service seals them (without a keyring: left for the sweep)
  const seal = (phone: string) => p.pii?.seal(phone, ORG_PERSON_PHONE_PURPOSE) ?? phone;
  const { county, at } = p;
  const villageNames = new Map(spec.towns.flatMap((t) => t.villages.map((v) => [`r-${v.code}`, v.name])));
  for (const g of p.gridRows)
    if (g.level === 'medium' && villageNames.has(g.regionId)) g.addresses = [villageNames.get(g.regionId)!];
  const versions = [
    ...p.regionRows.map((r) => ({
      kind: 'region',
      r,
      regionId: null as string | null,
      parentId: r.parentId ?? null,
    })),
    ...p.gridRows.map((g) => ({ kind: 'grid', r: g, regionId: g.regionId, parentId: g.parentId ?? null })),
  ].map(({ kind, r, regionId, parentId }) => ({
    countyId: county,
    unitKind: kind,
    unitId: r.id,
    version: 1,
    code: r.code,
    name: r.name,
    level: r.level,
    parentId,
    regionId,
    geometry: r.geometry ?? null,
    active: true,
    sourceDatum: r.geometry ? 'wgs84' : null,
    importId: null,
    actorId: 'system',
    at,
  }));
  for (let i = 0; i < versions.length; i += 500)
    await db.insert(unitVersions).values(versions.slice(i, i + 500));

  const validFrom = new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  const dept = (key: string) => `d-${spec.county.code}-${key}`;
  const resp = [
    ...spec.departments.flatMap((d) => d.groups.map((g) => [g, spec.county.code, d.key, 'lead'] as const)),
    ...(spec.responsibilities ?? []),
  ].map(([categoryCode, regionCode, key, role], i) => ({
    countyId: county,
    id: `resp-${spec.county.code}-${i + 1}`,
    categoryCode,
    regionId: `r-${regionCode}`,
    departmentId: dept(key),
    role,
    validFrom,
    validTo: null,
    note: null,
  }));
  if (resp.length) await db.insert(responsibilities).values(resp);

  const people: (typeof orgPeople.$inferInsert)[] = [];
  let n = 0;
  for (const u of spec.users.filter((x) => x.role === 'grid_worker' && x.region)) {
    const villageId = `r-${u.region}`;
    for (const g of p.gridRows.filter((x) => x.level === 'small' && x.regionId === villageId))
      people.push({
        countyId: county,
        id: `gw-${++n}`,
        kind: 'grid_worker',
        employment: 'full_time',
        name: u.displayName,
        phone: null,
        userId: `u-${u.username}`,
        gridId: g.id,
        regionId: villageId,
        validFrom,
      });
  }
  for (const t of spec.towns)
    for (const v of t.villages) {
      const firstMicro = p.gridRows.find((x) => x.level === 'micro' && x.regionId === `r-${v.code}`);
      const base = { countyId: county, userId: null, regionId: `r-${v.code}`, validFrom };
      if (firstMicro)
        people.push({
          ...base,
          id: `gw-${++n}`,
          kind: 'grid_worker',
          employment: 'part_time',
          name: `${v.name}兼职网格员`,
          phone: seal(`139${String(n).padStart(8, '0')}`),
          gridId: firstMicro.id,
        });
      people.push({
        ...base,
        id: `vm-${v.code}`,
        kind: 'village_mediator',
        employment: null,
        name: `${v.name}人民调解员`,
        phone: seal(`137${String(++n).padStart(8, '0')}`),
        gridId: null,
      });
    }
  for (let i = 0; i < people.length; i += 500) await db.insert(orgPeople).values(people.slice(i, i + 500));
  await db.insert(orgState).values({ countyId: county, version: 1, changedAt: at }).onConflictDoNothing();
}

/**
 * Points for demo cases: a seeded point inside one of the village's micro-grids (its own random
 * stream, so the case history does not change when the map does).
 */
export function demoPlacer(
  spec: OrgSpec,
): (villageCode: string) => { lat: number; lon: number; gridId: string } | null {
  if (!spec.geography) return () => null;
  const rng = createRng(`places-${spec.county.code}`);
  const micros = new Map<string, { id: string; geometry: AreaGeometry }[]>();
  for (const f of spec.geography.features) {
    if (f.properties.kind !== 'grid' || f.properties.level !== 'micro') continue;
    const list = micros.get(String(f.properties.region_code)) ?? [];
    list.push({ id: `g-${f.properties.code}`, geometry: f.geometry });
    micros.set(String(f.properties.region_code), list);
  }
  return (villageCode) => {
    const list = micros.get(villageCode);
    if (!list?.length) return null;
    const m = list[Math.floor(rng() * list.length)];
    const [lon, lat] = randomPointIn(m.geometry, rng);
    return { lat, lon, gridId: m.id };
  };
}
