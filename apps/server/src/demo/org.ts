import type { UnitFeatureCollection } from '@hewei/domain';
import type { Db } from '../db/client.ts';
import {
  categories,
  centers,
  departments,
  grids,
  mediationOrgs,
  regions,
  users,
} from '../db/schema/index.ts';
import type { Pii } from '../lib/pii/index.ts';
import { geographyGrids, insertOrgExtras } from '../modules/org/org.seed.ts';
import { categoryRows } from './categories.ts';

export interface OrgSpec {
  county: { code: string; name: string; nameEn: string };
  towns: {
    code: string;
    name: string;
    nameEn: string;
    villages: { code: string; name: string; nameEn: string }[];
  }[];
  /** county departments with the category groups they answer for */
  departments: { key: string; name: string; nameEn: string; groups: string[] }[];
  users: {
    username: string;
    displayName: string;
    role: string;
    /** a region code, or a department key for handlers */
    region?: string;
    department?: string;
    phone?: string;
  }[];
  /** polygons for the county, its towns and villages and a four-level grid tree (codes as above) */
  geography?: UnitFeatureCollection;
  /** responsibility entries beyond each department's groups: [category, region code, department key, role] */
  responsibilities?: [string, string, string, 'lead' | 'co'][];
}

export const regionId = (code: string) => `r-${code}`;
export const departmentId = (countyCode: string, key: string) => `d-${countyCode}-${key}`;

/** Writes regions, grids, centers, departments, mediation organisations, categories and users. */
export async function insertOrg(
  db: Db,
  spec: OrgSpec,
  passwordHash: string,
  at: Date,
  opts: { pii?: Pii } = {},
) {
  const county = regionId(spec.county.code);
  const regionRows: (typeof regions.$inferInsert & {
    path: string[];
    code: string;
    nameEn: string;
    name: string;
  })[] = [
    {
      id: county,
      countyId: county,
      parentId: null,
      level: 'county',
      code: spec.county.code,
      name: spec.county.name,
      nameEn: spec.county.nameEn,
      path: [county],
    },
  ];
  const gridRows: (typeof grids.$inferInsert)[] = [];
  for (const t of spec.towns) {
    const town = regionId(t.code);
    regionRows.push({
      id: town,
      countyId: county,
      parentId: county,
      level: 'town',
      code: t.code,
      name: t.name,
      nameEn: t.nameEn,
      path: [county, town],
    });
    const big = `g-${t.code}`;
    gridRows.push({
      id: big,
      countyId: county,
      regionId: town,
      parentId: null,
      level: 'big',
      code: `${t.code}00000`,
      name: `${t.name}网格`,
      geometry: null,
    });
    for (const v of t.villages) {
      const village = regionId(v.code);
      regionRows.push({
        id: village,
        countyId: county,
        parentId: town,
        level: 'village',
        code: v.code,
        name: v.name,
        nameEn: v.nameEn,
        path: [county, town, village],
      });
      const medium = `g-${v.code}`;
      gridRows.push({
        id: medium,
        countyId: county,
        regionId: village,
        parentId: big,
        level: 'medium',
        code: `${v.code}00`,
        name: `${v.name}网格`,
        geometry: null,
      });
      for (let s = 1; s <= 3; s++) {
        const small = `${medium}-${s}`;
        gridRows.push({
          id: small,
          countyId: county,
          regionId: village,
          parentId: medium,
          level: 'small',
          code: `${v.code}${s}0`,
          name: `${v.name}第${s}网格`,
          geometry: null,
        });
        for (let m = 1; m <= 2; m++)
          gridRows.push({
            id: `${small}-${m}`,
            countyId: county,
            regionId: village,
            parentId: small,
            level: 'micro',
            code: `${v.code}${s}${m}`,
            name: `${v.name}第${s}网格${m}号微网格`,
            geometry: null,
          });
      }
    }
  }
  const geo = spec.geography ? geographyGrids(spec.geography, county) : null;
  if (geo) {
    for (const r of regionRows) r.geometry = geo.regionGeometry.get(r.code) ?? null;
    gridRows.splice(0, gridRows.length, ...geo.grids);
  }
  await db.insert(regions).values(regionRows);
  for (let i = 0; i < gridRows.length; i += 500) await db.insert(grids).values(gridRows.slice(i, i + 500));
  await db.insert(centers).values(
    regionRows.map((r) => ({
      id: `c-${r.code}`,
      countyId: county,
      regionId: r.id,
      name: r.level === 'village' ? `${r.name}社会治理工作站` : `${r.name}社会治理中心`,
      nameEn: `${r.nameEn} Governance Center`,
    })),
  );
  await db.insert(departments).values(
    spec.departments.map((d) => ({
      id: departmentId(spec.county.code, d.key),
      countyId: county,
      regionId: county,
      name: d.name,
      nameEn: d.nameEn,
    })),
  );
  await db.insert(mediationOrgs).values([
    {
      id: `m-${spec.county.code}`,
      countyId: county,
      regionId: county,
      kind: 'committee',
      name: `${spec.county.name}人民调解委员会`,
      nameEn: `${spec.county.nameEn} People's Mediation Committee`,
    },
    ...spec.towns.map((t) => ({
      id: `m-${t.code}`,
      countyId: county,
      regionId: regionId(t.code),
      kind: 'committee',
      name: `${t.name}人民调解委员会`,
      nameEn: `${t.nameEn} Mediation Committee`,
    })),
    ...spec.towns.flatMap((t) =>
      t.villages.slice(0, 2).map((v) => ({
        id: `m-${v.code}`,
        countyId: county,
        regionId: regionId(v.code),
        kind: 'room',
        name: `${v.name}调解室`,
        nameEn: `${v.nameEn} Mediation Room`,
      })),
    ),
  ]);
  await db.insert(categories).values(categoryRows()).onConflictDoNothing();
  await db.insert(users).values(
    spec.users.map((u) => ({
      id: `u-${u.username}`,
      countyId: county,
      username: u.role === 'resident' ? null : u.username,
      phone: u.phone ?? null,
      passwordHash: u.role === 'resident' ? null : passwordHash,
      displayName: u.displayName,
      role: u.role,
      regionId: u.region ? regionId(u.region) : null,
      departmentId: u.department ? departmentId(spec.county.code, u.department) : null,
      active: true,
      createdAt: at,
    })),
  );
  await insertOrgExtras(db, spec, { county, regionRows, gridRows, at, pii: opts.pii });
  return { countyId: county, regions: regionRows.length, grids: gridRows.length };
}
