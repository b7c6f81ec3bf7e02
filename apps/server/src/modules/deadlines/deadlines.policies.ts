import { type DeadlinePolicy, defaultDeadlinePolicies } from '@hewei/domain';
import type { Db } from '../../db/client.ts';
import { deadlinesRepository as repo } from './deadlines.repository.ts';

/**
 * Each county's deadline policies, read by the lifecycle on every action (so kept in memory) and
 * reloaded from the database by the deadlines job and after every save, so every instance follows
 * an administrator's change within a job interval.
 */
export function createPolicyStore(db: Db) {
  let byCounty = new Map<string, { version: number; policies: readonly DeadlinePolicy[] }>();
  let loadedAt = 0;
  const store = {
    policies: (countyId: string): readonly DeadlinePolicy[] =>
      byCounty.get(countyId)?.policies ?? defaultDeadlinePolicies,
    version: (countyId: string) => byCounty.get(countyId)?.version ?? 0,
    async refresh() {
      const rows = await repo.latestPolicies(db);
      byCounty = new Map(
        rows.map((r) => [r.county_id, { version: r.version, policies: Object.freeze(r.policies) }]),
      );
      loadedAt = Date.now();
    },
    async refreshIfOlderThan(ms: number) {
      if (Date.now() - loadedAt >= ms) await store.refresh();
    },
  };
  return store;
}

export type PolicyStore = ReturnType<typeof createPolicyStore>;
