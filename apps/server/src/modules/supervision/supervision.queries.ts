import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Viewer } from '../../http/access.ts';

export type DueRow = {
  id: string;
  tracking_code: string;
  status: string;
  colour: string | null;
  category_code: string;
  owner_region_id: string;
  region_id: string;
  due_at: Date | string;
  lead_department_id: string | null;
  urged: number;
  supervised: number;
  escalated: number;
};

/** Staff see what lies in their region; a handler sees what is assigned to their department. */
function scope(v: Viewer) {
  if (v.role === 'handler' && v.departmentId)
    return sql`exists (select 1 from assignments a where a.county_id = c.county_id and a.case_id = c.id and a.department_id = ${v.departmentId})`;
  if (v.regionId) return sql`c.region_path @> array[${v.regionId}]::text[]`;
  return sql`false`;
}

/**
 * Open cases whose running deadline has passed, or whose due-soon warning has fired for it: what
 * supervisors watch. Overdue uses the partial due index; due soon is read from the fired timers.
 */
export async function findDueWork(
  db: Db,
  v: Viewer,
  now: Date,
  state: 'overdue' | 'due_soon',
  limit: number,
) {
  const when =
    state === 'overdue'
      ? sql`c.due_at < ${now.toISOString()}::timestamptz`
      : sql`c.due_at >= ${now.toISOString()}::timestamptz and exists (
          select 1 from case_timers t where t.county_id = c.county_id and t.case_id = c.id
            and t.kind = 'due_soon' and t.fired_at is not null and t.deadline = c.due_at)`;
  const r = await db.execute<DueRow>(sql`
    select c.id, c.tracking_code, c.status, c.colour, c.category_code, c.owner_region_id, c.region_id, c.due_at,
      (select a.department_id from assignments a where a.county_id = c.county_id and a.case_id = c.id
         and a.role = 'lead' and a.status in ('pending', 'acknowledged', 'objected') limit 1) as lead_department_id,
      (select count(*)::int from case_supervisions s where s.county_id = c.county_id and s.case_id = c.id and s.kind = 'urge') as urged,
      (select count(*)::int from case_supervisions s where s.county_id = c.county_id and s.case_id = c.id and s.kind = 'supervise') as supervised,
      (select count(*)::int from case_events e where e.county_id = c.county_id and e.case_id = c.id and e.type = 'case.escalated') as escalated
    from cases c
    where c.county_id = ${v.countyId} and c.closed_at is null and c.due_at is not null and ${scope(v)} and ${when}
    order by c.due_at, c.id
    limit ${limit}`);
  return r.rows;
}

export type OrderRow = {
  case_id: string;
  tracking_code: string;
  kind: string;
  by_role: string;
  automatic: boolean;
  at: Date | string;
  reason: string;
  due_at: Date | string | null;
  closed_at: Date | string | null;
  owner_region_id: string;
  status: string;
};

/** Urges and supervision orders in the viewer's scope, newest first. */
export async function findOrders(db: Db, v: Viewer, limit: number) {
  const r = await db.execute<OrderRow>(sql`
    select s.case_id, c.tracking_code, s.kind, s.by_role, s.automatic, s.at, s.reason, s.due_at, c.closed_at, c.owner_region_id, c.status
    from case_supervisions s join cases c on c.county_id = s.county_id and c.id = s.case_id
    where s.county_id = ${v.countyId} and ${scope(v)}
    order by s.at desc, s.event_seq desc
    limit ${limit}`);
  return r.rows;
}
