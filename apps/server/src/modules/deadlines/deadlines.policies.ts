import {
  type DeadlinePolicy,
  defaultDeadlinePolicies,
  defaultEscalationPolicies,
  type EscalationPolicy,
} from '@hewei/domain';
import type { Db } from '../../db/client.ts';
import { deadlinesRepository as repo } from './deadlines.repository.ts';

interface CountyPolicies {
  version: number;
  policies: readonly DeadlinePolicy[];
  escalation: readonly EscalationPolicy[];
}

/**
 * Each county's deadline policies and escalation ladder, read by the lifecycle and the timers on
 * every action (so kept in memory) and reloaded from the database by the deadlines job and after
 * every save, so every instance follows an administrator's change within a job interval.
 */
export function createPolicyStore(db: Db) {
  let byCounty = new Map<string, CountyPolicies>();
  let loadedAt = 0;
  const store = {
    policies: (countyId: string): readonly DeadlinePolicy[] =>
      byCounty.get(countyId)?.policies ?? defaultDeadlinePolicies,
    escalation: (countyId: string): readonly EscalationPolicy[] =>
      byCounty.get(countyId)?.escalation ?? defaultEscalationPolicies,
    version: (countyId: string) => byCounty.get(countyId)?.version ?? 0,
    /** hooks run after a refresh (the working calendar follows its overrides the same way) */
    onRefresh: [] as (() => Promise<void>)[],
    async refresh() {
      const rows = await repo.latestPolicies(db);
      byCounty = new Map(
        rows.map((r) => [
          r.county_id,
          {
            version: r.version,
            policies: Object.freeze(r.policies),
            escalation: Object.freeze(r.escalation ?? defaultEscalationPolicies),
          },
        ]),
      );
      for (const f of store.onRefresh) await f();
      loadedAt = Date.now();
    },
    async refreshIfOlderThan(ms: number) {
      if (Date.now() - loadedAt >= ms) await store.refresh();
    },
  };
  return store;
}

export type PolicyStore = ReturnType<typeof createPolicyStore>;
