// The rows the server keeps in step with cases through its case-write hooks, built for generated
// cases with the modules' own functions (rollup keys and slots, search terms, timer plans, grid
// stamps, phone blind indexes) and loaded by COPY with the base rows: a tier is what the live hooks would have left.
import { planTimers } from '@hewei/domain';
import type { AppDeps } from '../../apps/server/src/deps.ts';
import { gridStampRow } from '../../apps/server/src/modules/org/org.intake.ts';
import {
  nodesOf,
  rollupKeys,
  SLOTS,
  shanghaiDay,
  slotOf,
  timelinessOf,
} from '../../apps/server/src/modules/overview/overview.keys.ts';
import { caseTerms } from '../../apps/server/src/modules/search/search.index.ts';
import { line } from './columns.ts';
import type { Generated } from './dataset.ts';

export interface DerivedRows {
  partyIndex: string[];
  caseKeys: string[];
  search: string[];
  stamps: string[];
  timers: string[];
}

/** The text form of the tsvector search.index.ts builds with array_to_tsvector (no positions). */
export const tsvectorOf = (terms: string[]) =>
  terms.map((t) => `'${t.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`).join(' ');

type Deps = Pick<AppDeps, 'org' | 'calendar' | 'deadlinePolicies' | 'deadlines' | 'pii'>;

export function createDeriver(deps: Deps) {
  // one map per slot keeps each well under a Map's size limit at 10 M cases
  const counts = Array.from({ length: SLOTS }, () => new Map<string, number>());
  const daily = Array.from({ length: SLOTS }, () => new Map<string, number>());
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  const addDaily = (m: Map<string, number>, g: Generated, metric: string, at: string) => {
    const day = shanghaiDay(at);
    for (const node of nodesOf(g.state)) bump(m, `${node}\t${metric}\t${day}`);
  };
  let countyId = '';

  return {
    /** Appends the derived rows of one generated case; the rollup sums are kept for the end. */
    add(g: Generated, out: DerivedRows) {
      const s = g.state;
      countyId = s.countyId;
      // overview.rollup.ts: the case's keys with its timeliness, counted in its slot
      const timeliness = g.resultAt ? timelinessOf(g.resultAt, s.resolveBy) : null;
      const keys = rollupKeys(s, timeliness);
      const slot = slotOf(s.id);
      for (const k of keys) bump(counts[slot], k);
      addDaily(daily[slot], g, 'created', s.createdAt);
      if (s.closedAt) addDaily(daily[slot], g, 'closed', s.closedAt);
      out.caseKeys.push(line([s.countyId, s.id, timeliness, keys]));
      // search.index.ts: the case's terms, as the tsvector its docOf builds
      out.search.push(line([s.countyId, s.id, tsvectorOf(caseTerms(s, deps.org))]));
      // pii/columns.ts indexParty: the blind index of the applicant's phone
      const { phone } = g.party;
      if (phone) {
        out.partyIndex.push(line([s.countyId, g.party.id, 'phone', deps.pii.blind('phone', phone)]));
        out.partyIndex.push(
          line([s.countyId, g.party.id, 'phone4', deps.pii.blind('phone4', phone.slice(-4))]),
        );
      }
      // org.intake.ts: the grid the case was registered in
      const stamp = gridStampRow(deps.org, s);
      if (stamp)
        out.stamps.push(
          line([
            stamp.countyId,
            stamp.caseId,
            stamp.gridId,
            stamp.gridVersion,
            stamp.gridCode,
            stamp.resolvedBy,
          ]),
        );
      // deadlines.hook.ts: the plan of the running deadline, its window opened by the latest event
      if (!s.closedAt) {
        const plan = planTimers(s, new Date(g.lastAt), {
          calendar: deps.calendar,
          deadlinePolicies: deps.deadlinePolicies,
          escalationPolicies: deps.deadlines?.escalation(s.countyId),
        });
        for (const t of plan)
          out.timers.push(
            line([
              s.countyId,
              s.id,
              t.key,
              t.kind,
              t.stage,
              t.deadline,
              t.step,
              t.ord,
              t.fireAt,
              null,
              null,
              null,
              0,
            ]),
          );
      }
    },
    /** overview_counts and overview_daily rows: the sums of every case added. */
    *rollups(): Generator<{ table: 'overview_counts' | 'overview_daily'; line: string }> {
      for (let slot = 0; slot < SLOTS; slot++) {
        for (const [k, n] of counts[slot]) {
          const [node, dim, value] = k.split('\t');
          yield { table: 'overview_counts', line: line([countyId, node, dim, value, slot, n]) };
        }
        for (const [k, n] of daily[slot]) {
          const [node, metric, day] = k.split('\t');
          yield { table: 'overview_daily', line: line([countyId, node, metric, day, slot, n]) };
        }
      }
    },
  };
}
