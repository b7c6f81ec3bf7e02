import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Viewer } from '../../http/access.ts';
import { visibleTo } from '../cases/cases.queries.ts';

/** What the record says about one case, for judging whoever handled it. */
export interface CaseFact {
  id: string;
  trackingCode: string;
  regionPath: string[];
  leadDepartmentId: string | null;
  timeliness: string | null;
  satisfaction: string | null;
  reopened: boolean;
  verifierId: string | null;
  verifyOnTime: boolean | null;
  objectedBy: string[];
  assignedTo: string[];
}

/**
 * The facts of every case the viewer may see, created in the period: the lead department, the
 * timeliness of the latest result (kept by the overview hook), the verification against the
 * deadline the result set, and which departments objected.
 */
export async function caseFacts(db: Db, v: Viewer, from: Date, to: Date): Promise<CaseFact[]> {
  const res = await db.execute(sql`
    select cases.id, cases.tracking_code, cases.region_path, cases.satisfaction, cases.reopen_count,
      k.timeliness,
      (select a.department_id from assignments a where a.county_id = cases.county_id and a.case_id = cases.id and a.role = 'lead'
        order by a.assigned_at desc, a.position desc limit 1) as lead,
      (select array_agg(distinct a.department_id) from assignments a where a.county_id = cases.county_id and a.case_id = cases.id) as assigned,
      (select array_agg(distinct u.department_id) from case_events e join users u on u.id = e.actor_id
        where e.county_id = cases.county_id and e.case_id = cases.id and e.type = 'case.objected' and u.department_id is not null) as objected,
      v.actor_id as verifier, v.on_time as verify_on_time
    from cases
    left join overview_case_keys k on k.county_id = cases.county_id and k.case_id = cases.id
    left join lateral (
      select e.actor_id, e.at <= coalesce((
        select (r.data->>'verifyBy')::timestamptz from case_events r
        where r.county_id = e.county_id and r.case_id = e.case_id and r.type = 'case.result_reported' and r.seq < e.seq
        order by r.seq desc limit 1), e.at) as on_time
      from case_events e where e.county_id = cases.county_id and e.case_id = cases.id and e.type = 'case.verified'
      order by e.seq desc limit 1) v on true
    where cases.county_id = ${v.countyId} and ${visibleTo(v)}
      and cases.created_at >= ${from.toISOString()}::timestamptz and cases.created_at < ${to.toISOString()}::timestamptz`);
  return (res.rows as Record<string, any>[]).map((r) => ({
    id: r.id,
    trackingCode: r.tracking_code,
    regionPath: r.region_path,
    leadDepartmentId: r.lead,
    timeliness: r.timeliness,
    satisfaction: r.satisfaction,
    reopened: Number(r.reopen_count) > 0,
    verifierId: r.verifier,
    verifyOnTime:
      r.verify_on_time === null || r.verify_on_time === undefined ? null : Boolean(r.verify_on_time),
    objectedBy: r.objected ?? [],
    assignedTo: r.assigned ?? [],
  }));
}
