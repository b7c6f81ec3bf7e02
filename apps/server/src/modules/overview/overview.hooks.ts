import { sql } from 'drizzle-orm';
import type { AppDeps, CaseWriteHook } from '../../deps.ts';
import { topicsInvalidationHook } from '../analysis/hot-topics.cache.ts';
import { rebuildSearch, searchHook } from '../search/search.index.ts';
import { overviewHook, rebuildOverview } from './overview.rollup.ts';

/** The rows this issue keeps in step with cases: overview rollups and the search entry; and the hot-topic cache's county generation. */
export function analysisHooks(deps: Pick<AppDeps, 'org' | 'db'>): CaseWriteHook[] {
  return [overviewHook, searchHook(deps.org), topicsInvalidationHook(deps.db)];
}

/** After a bulk load without hooks (the demo seeder): rebuild rollups and search for each county. */
export async function rebuildAnalysis(deps: Pick<AppDeps, 'db' | 'org'>) {
  await deps.org.refresh();
  for (const countyId of deps.org.countyIds()) {
    await rebuildOverview(deps.db, countyId);
    await rebuildSearch(deps.db, countyId, deps.org);
  }
  // a bulk load leaves the planner without statistics; PostgreSQL's autovacuum would catch up later
  await deps.db.execute(sql`analyze`);
}
