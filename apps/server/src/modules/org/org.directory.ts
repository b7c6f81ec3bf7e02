import type { Db } from '../../db/client.ts';
import { categories, departments, mediationOrgs, regions } from '../../db/schema/index.ts';

export type RegionRow = typeof regions.$inferSelect;
export type DepartmentRow = typeof departments.$inferSelect;
export type CategoryRow = typeof categories.$inferSelect;
export type MediationOrgRow = typeof mediationOrgs.$inferSelect;

/**
 * The organisation held in memory: a county has hundreds of regions and departments, read on
 * every request, changed rarely. `refresh()` after an administrative change.
 */
export interface OrgDirectory {
  region(id: string): RegionRow | undefined;
  department(id: string): DepartmentRow | undefined;
  category(code: string): CategoryRow | undefined;
  regions(): RegionRow[];
  departments(): DepartmentRow[];
  categories(): CategoryRow[];
  mediationOrgs(): MediationOrgRow[];
  countyIds(): string[];
  refresh(): Promise<void>;
}

export function createOrgDirectory(db: Db): OrgDirectory {
  let r = new Map<string, RegionRow>();
  let d = new Map<string, DepartmentRow>();
  let c = new Map<string, CategoryRow>();
  let m: MediationOrgRow[] = [];
  return {
    region: (id) => r.get(id),
    department: (id) => d.get(id),
    category: (code) => c.get(code),
    regions: () => [...r.values()],
    departments: () => [...d.values()],
    categories: () => [...c.values()],
    mediationOrgs: () => m,
    countyIds: () => [...r.values()].filter((x) => x.level === 'county').map((x) => x.id),
    async refresh() {
      const [rs, ds, cs, ms] = await Promise.all([
        db.select().from(regions),
        db.select().from(departments),
        db.select().from(categories),
        db.select().from(mediationOrgs),
      ]);
      r = new Map(rs.map((x) => [x.id, x]));
      d = new Map(ds.map((x) => [x.id, x]));
      c = new Map(cs.map((x) => [x.code, x]));
      m = ms;
    },
  };
}
