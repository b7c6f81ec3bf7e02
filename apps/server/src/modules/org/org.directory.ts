import {
  type AreaGeometry,
  buildGridIndex,
  type GridIndex,
  type GridLevel,
  type RegionLevel,
} from '@hewei/domain';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  categories,
  departments,
  grids,
  mediationOrgs,
  orgPeople,
  orgState,
  regions,
  responsibilities,
  routingRules,
} from '../../db/schema/index.ts';

export type RegionRow = typeof regions.$inferSelect;
export type GridRow = typeof grids.$inferSelect;
export type DepartmentRow = typeof departments.$inferSelect;
export type CategoryRow = typeof categories.$inferSelect;
export type MediationOrgRow = typeof mediationOrgs.$inferSelect;
export type PersonRow = typeof orgPeople.$inferSelect;
export type ResponsibilityRow = typeof responsibilities.$inferSelect;
export type RoutingRuleRow = typeof routingRules.$inferSelect;

/** What a point falls in: grids finest first and the regions around it (ids). */
export interface Located {
  grids: Partial<Record<GridLevel, GridRow>>;
  regions: Partial<Record<RegionLevel, RegionRow>>;
}

/**
 * The organisation held in memory: a county has hundreds of regions and departments and
 * thousands of grids, read on every request, changed rarely. Every administrative change bumps
 * `org_state`; `refresh()` reloads at once, `refreshIfChanged()` (a job on each instance) reloads
 * when another instance changed something.
 */
export interface OrgDirectory {
  region(id: string): RegionRow | undefined;
  regionByCode(countyId: string, code: string): RegionRow | undefined;
  grid(id: string): GridRow | undefined;
  gridByCode(countyId: string, code: string): GridRow | undefined;
  department(id: string): DepartmentRow | undefined;
  category(code: string): CategoryRow | undefined;
  regions(): RegionRow[];
  grids(): GridRow[];
  departments(): DepartmentRow[];
  categories(): CategoryRow[];
  mediationOrgs(): MediationOrgRow[];
  people(): PersonRow[];
  responsibilities(): ResponsibilityRow[];
  routingRules(): RoutingRuleRow[];
  countyIds(): string[];
  /** the grids and regions holding a WGS-84 point in the county, or null outside every one */
  locate(countyId: string, lon: number, lat: number): Located | null;
  /** whether the county has any grid or region geometry to locate with */
  hasGeometry(countyId: string): boolean;
  /** the sum of the counties' change stamps this directory was loaded at */
  stamp(): number;
  refresh(): Promise<void>;
  refreshIfChanged(): Promise<boolean>;
}

const GRID_LEVELS_FINE_FIRST = ['micro', 'small', 'medium', 'big'] as const;

export function createOrgDirectory(db: Db): OrgDirectory {
  let r = new Map<string, RegionRow>();
  let g = new Map<string, GridRow>();
  let byCode = new Map<string, RegionRow | GridRow>();
  let d = new Map<string, DepartmentRow>();
  let c = new Map<string, CategoryRow>();
  let m: MediationOrgRow[] = [];
  let people: PersonRow[] = [];
  let resp: ResponsibilityRow[] = [];
  let rules: RoutingRuleRow[] = [];
  let indexes = new Map<string, GridIndex>();
  let loadedStamp = -1;

  const readStamp = async () => {
    const [row] = await db
      .select({ v: sql<number>`coalesce(sum(${orgState.version}), 0)::int` })
      .from(orgState);
    return row?.v ?? 0;
  };

  const self: OrgDirectory = {
    region: (id) => r.get(id),
    regionByCode: (countyId, code) => {
      const x = byCode.get(`${countyId}|r|${code}`);
      return x as RegionRow | undefined;
    },
    grid: (id) => g.get(id),
    gridByCode: (countyId, code) => byCode.get(`${countyId}|g|${code}`) as GridRow | undefined,
    department: (id) => d.get(id),
    category: (code) => c.get(code),
    regions: () => [...r.values()],
    grids: () => [...g.values()],
    departments: () => [...d.values()],
    categories: () => [...c.values()],
    mediationOrgs: () => m,
    people: () => people,
    responsibilities: () => resp,
    routingRules: () => rules,
    countyIds: () => [...r.values()].filter((x) => x.level === 'county').map((x) => x.id),
    locate(countyId, lon, lat) {
      const index = indexes.get(countyId);
      if (!index) return null;
      const hitGrids = index.locate(lon, lat);
      // the region of the finest grid decides; region polygons answer where no grid is drawn
      const hitRegions = hitGrids?.regionCode ? null : index.locateRegion(lon, lat);
      if (!hitGrids && !hitRegions) return null;
      const out: Located = { grids: {}, regions: {} };
      for (const level of GRID_LEVELS_FINE_FIRST) {
        const id = hitGrids?.[level];
        if (id) out.grids[level] = g.get(id);
      }
      const regionId = hitGrids?.regionCode ?? hitRegions?.village ?? hitRegions?.town ?? hitRegions?.county;
      for (const id of regionId ? (r.get(regionId)?.path ?? []) : []) {
        const row = r.get(id);
        if (row) out.regions[row.level as RegionLevel] = row;
      }
      return out;
    },
    hasGeometry: (countyId) => indexes.has(countyId),
    stamp: () => loadedStamp,
    async refresh() {
      const stamp = await readStamp();
      const [rs, gs, ds, cs, ms, ps, rps, rus] = await Promise.all([
        db.select().from(regions),
        db.select().from(grids),
        db.select().from(departments),
        db.select().from(categories),
        db.select().from(mediationOrgs),
        db.select().from(orgPeople),
        db.select().from(responsibilities),
        db.select().from(routingRules),
      ]);
      r = new Map(rs.map((x) => [x.id, x]));
      g = new Map(gs.map((x) => [x.id, x]));
      byCode = new Map<string, RegionRow | GridRow>([
        ...rs.map((x) => [`${x.countyId}|r|${x.code}`, x] as const),
        ...gs.map((x) => [`${x.countyId}|g|${x.code}`, x] as const),
      ]);
      d = new Map(ds.map((x) => [x.id, x]));
      c = new Map(cs.map((x) => [x.code, x]));
      m = ms;
      people = ps;
      resp = rps;
      rules = rus;
      indexes = buildIndexes(rs, gs);
      loadedStamp = stamp;
    },
    async refreshIfChanged() {
      if ((await readStamp()) === loadedStamp) return false;
      await self.refresh();
      return true;
    },
  };
  return self;
}

/** One point index per county, over active grids and regions that have geometry (ids as codes). */
function buildIndexes(rs: RegionRow[], gs: GridRow[]): Map<string, GridIndex> {
  const out = new Map<string, GridIndex>();
  for (const countyId of new Set(rs.filter((x) => x.level === 'county').map((x) => x.id))) {
    const gridUnits = gs
      .filter((x) => x.countyId === countyId && x.active && x.geometry)
      .map((x) => ({
        code: x.id,
        level: x.level as GridLevel,
        parentCode: x.parentId,
        regionCode: x.regionId,
        geometry: x.geometry as AreaGeometry,
      }));
    const regionUnits = rs
      .filter((x) => x.countyId === countyId && x.geometry)
      .map((x) => ({
        code: x.id,
        level: x.level as RegionLevel,
        parentCode: x.parentId,
        geometry: x.geometry as AreaGeometry,
      }));
    if (gridUnits.length || regionUnits.length) out.set(countyId, buildGridIndex(gridUnits, regionUnits));
  }
  return out;
}
