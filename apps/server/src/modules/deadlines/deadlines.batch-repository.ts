import type { CaseState, PlannedTimer } from '@hewei/domain';
import { sql } from 'drizzle-orm';
import { bulkInsert } from '../../db/bulk.ts';
import type { Tx } from '../../db/client.ts';
import { caseSupervisions } from '../../db/schema/index.ts';
import type { CaseWriteHook } from '../../deps.ts';

type Change = Parameters<CaseWriteHook>[1];

export interface Notice {
  id: string;
  countyId: string;
  caseId: string;
  kind: string;
  payload: object;
  at: Date;
  departments: string[];
  regionId: string;
  roles: string[];
}

/** The set-based twins of deadlinesRepository's per-case writes, for batches of firings. */
export const batchRepository = {
  /** syncTimers for many cases in two statements: pending timers no longer planned go, new ones come. */
  async syncTimersMany(tx: Tx, items: { state: CaseState; plan: PlannedTimer[] }[]) {
    if (!items.length) return;
    const cases = items.map((i) => [i.state.countyId, i.state.id, i.plan.map((t) => t.key)]);
    const rows = items.flatMap((i) =>
      i.plan.map((t) => [
        i.state.countyId,
        i.state.id,
        t.key,
        t.kind,
        t.stage,
        t.deadline,
        t.step,
        t.ord,
        t.fireAt.toISOString(),
      ]),
    );
    await tx.execute(sql`
      delete from case_timers t
      using jsonb_array_elements(${JSON.stringify(cases)}::jsonb) c
      where t.county_id = c->>0 and t.case_id = c->>1 and t.fired_at is null
        and not (t.key in (select jsonb_array_elements_text(c->2)))`);
    if (!rows.length) return;
    await tx.execute(sql`
      insert into case_timers (county_id, case_id, key, kind, stage, deadline, step, ord, fire_at)
      select r->>0, r->>1, r->>2, r->>3, r->>4, (r->>5)::timestamptz, (r->>6)::int, (r->>7)::int, (r->>8)::timestamptz
      from jsonb_array_elements(${JSON.stringify(rows)}::jsonb) r
      on conflict do nothing`);
  },

  /** Urges and supervision orders, one row each, as recordSupervision writes them. */
  async recordSupervisions(tx: Tx, changes: Change[]) {
    await bulkInsert(
      tx,
      caseSupervisions,
      changes.map(({ after: s, event: e }) => ({
        countyId: s.countyId,
        caseId: s.id,
        eventSeq: s.version,
        kind: e.type === 'case.urged' ? 'urge' : 'supervise',
        byId: e.actor.id,
        byRole: e.actor.role,
        automatic: e.actor.role === 'system',
        at: new Date(e.at),
        reason: e.reason ?? '',
        dueAt: typeof e.data.dueAt === 'string' ? new Date(e.data.dueAt) : null,
        ownerRegionId: s.ownerRegionId,
      })),
    );
  },

  /** In-app notices for many events in one statement, to the same people notifyWhoMustAct picks. */
  async notifyMany(tx: Tx, notices: Notice[]) {
    if (!notices.length) return;
    const json = JSON.stringify(
      notices.map((n) => ({
        id: n.id,
        county_id: n.countyId,
        case_id: n.caseId,
        kind: n.kind,
        payload: n.payload,
        at: n.at.toISOString(),
        departments: n.departments,
        region_id: n.regionId,
        roles: n.roles,
      })),
    );
    await tx.execute(sql`
      insert into notifications (id, county_id, user_id, case_id, kind, payload, created_at)
      select n.id || '-' || u.id, n.county_id, u.id, n.case_id, n.kind, n.payload, n.at
      from jsonb_to_recordset(${json}::jsonb)
        as n(id text, county_id text, case_id text, kind text, payload jsonb, at timestamptz,
             departments jsonb, region_id text, roles jsonb)
      join users u on u.county_id = n.county_id and u.active
        and (u.department_id in (select jsonb_array_elements_text(n.departments))
             or (u.region_id = n.region_id and u.role in (select jsonb_array_elements_text(n.roles))))`);
  },
};
