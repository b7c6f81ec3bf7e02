import type { CaseEvent, CaseState, DeadlinePolicy, EscalationPolicy, PlannedTimer } from '@hewei/domain';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { caseSupervisions, caseTimers, deadlinePolicyVersions, users } from '../../db/schema/index.ts';

type Q = Db | Tx;

export interface DueTimer {
  countyId: string;
  caseId: string;
  key: string;
  kind: PlannedTimer['kind'];
  stage: PlannedTimer['stage'];
  deadline: string;
  fireAt: Date;
}

export const deadlinesRepository = {
  /**
   * Makes the case's pending timers equal to the plan in one statement; fired rows stay, so nothing
   * fires twice, and a pending row whose key is still planned keeps its fire time.
   */
  async syncTimers(tx: Tx, s: CaseState, plan: PlannedTimer[]) {
    const keys = plan.map((t) => t.key);
    const rows = plan.map((t) => [t.key, t.kind, t.stage, t.deadline, t.step, t.ord, t.fireAt.toISOString()]);
    await tx.execute(sql`
      with gone as (
        delete from case_timers
        where county_id = ${s.countyId} and case_id = ${s.id} and fired_at is null
          and not (key = any(${sql.param(keys)}::text[]))
      )
      insert into case_timers (county_id, case_id, key, kind, stage, deadline, step, ord, fire_at)
      select ${s.countyId}, ${s.id}, r->>0, r->>1, r->>2, (r->>3)::timestamptz, (r->>4)::int, (r->>5)::int, (r->>6)::timestamptz
      from jsonb_array_elements(${JSON.stringify(rows)}::jsonb) r
      on conflict do nothing`);
  },

  /**
   * Due timers, locked with their cases, skipping any another instance holds: a timer and its case
   * are always locked together, so a firing never waits on another one and never doubles.
   */
  async claimDue(tx: Tx, now: Date, limit: number): Promise<DueTimer[]> {
    const r = await tx.execute<{
      county_id: string;
      case_id: string;
      key: string;
      kind: DueTimer['kind'];
      stage: DueTimer['stage'];
      deadline: Date | string;
      fire_at: Date | string;
    }>(sql`
      select t.county_id, t.case_id, t.key, t.kind, t.stage, t.deadline, t.fire_at
      from case_timers t
      join cases c on c.county_id = t.county_id and c.id = t.case_id
      where t.fired_at is null and t.fire_at <= ${now.toISOString()}::timestamptz
      order by t.fire_at, t.ord
      limit ${limit}
      for update of t, c skip locked`);
    return r.rows.map((x) => ({
      countyId: x.county_id,
      caseId: x.case_id,
      key: x.key,
      kind: x.kind,
      stage: x.stage,
      deadline: new Date(x.deadline).toISOString(),
      fireAt: new Date(x.fire_at),
    }));
  },

  async markFired(tx: Tx, t: DueTimer, now: Date, outcome: string, eventSeq: number | null) {
    await tx
      .update(caseTimers)
      .set({ firedAt: now, outcome, eventSeq, attempts: sql`${caseTimers.attempts} + 1` })
      .where(
        and(eq(caseTimers.countyId, t.countyId), eq(caseTimers.caseId, t.caseId), eq(caseTimers.key, t.key)),
      );
  },

  /** A firing that failed for an unexpected reason is retried later, with its error kept. */
  async postpone(q: Q, t: DueTimer, until: Date, error: string) {
    await q
      .update(caseTimers)
      .set({ fireAt: until, lastError: error.slice(0, 500), attempts: sql`${caseTimers.attempts} + 1` })
      .where(
        and(eq(caseTimers.countyId, t.countyId), eq(caseTimers.caseId, t.caseId), eq(caseTimers.key, t.key)),
      );
  },

  timersOf: (q: Q, countyId: string, caseId: string) =>
    q
      .select()
      .from(caseTimers)
      .where(and(eq(caseTimers.countyId, countyId), eq(caseTimers.caseId, caseId)))
      .orderBy(caseTimers.fireAt, caseTimers.ord),

  async recordSupervision(tx: Tx, s: CaseState, e: CaseEvent) {
    await tx.insert(caseSupervisions).values({
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
    });
  },

  /** An in-app notice to the case's current departments' handlers and the owning center's staff in `roles`. */
  async notifyWhoMustAct(
    tx: Tx,
    n: { countyId: string; caseId: string; kind: string; payload: object; at: Date; id: string },
    departmentIds: string[],
    regionId: string,
    roles: string[],
  ) {
    await tx.execute(sql`
      insert into notifications (id, county_id, user_id, case_id, kind, payload, created_at)
      select ${n.id} || '-' || u.id, ${n.countyId}, u.id, ${n.caseId}, ${n.kind}, ${JSON.stringify(n.payload)}::jsonb, ${n.at.toISOString()}::timestamptz
      from users u
      where u.county_id = ${n.countyId} and u.active
        and (u.department_id = any(${sql.param(departmentIds)}::text[])
             or (u.region_id = ${regionId} and u.role = any(${sql.param(roles)}::text[])))`);
  },

  async latestPolicies(q: Q) {
    const r = await q.execute<{
      county_id: string;
      version: number;
      policies: DeadlinePolicy[];
      escalation: EscalationPolicy[] | null;
    }>(sql`
      select distinct on (county_id) county_id, version, policies, escalation
      from deadline_policy_versions order by county_id, version desc`);
    return r.rows;
  },

  async policyHistory(q: Q, countyId: string) {
    return q
      .select({
        version: deadlinePolicyVersions.version,
        changedBy: sql<string>`coalesce(${users.displayName}, ${deadlinePolicyVersions.changedBy})`,
        changedAt: deadlinePolicyVersions.changedAt,
        reason: deadlinePolicyVersions.reason,
      })
      .from(deadlinePolicyVersions)
      .leftJoin(users, eq(users.id, deadlinePolicyVersions.changedBy))
      .where(eq(deadlinePolicyVersions.countyId, countyId))
      .orderBy(desc(deadlinePolicyVersions.version))
      .limit(50);
  },

  async policiesAt(q: Q, countyId: string, version: number) {
    const [row] = await q
      .select({ policies: deadlinePolicyVersions.policies, escalation: deadlinePolicyVersions.escalation })
      .from(deadlinePolicyVersions)
      .where(and(eq(deadlinePolicyVersions.countyId, countyId), eq(deadlinePolicyVersions.version, version)));
    return row
      ? {
          policies: row.policies as DeadlinePolicy[],
          escalation: row.escalation as EscalationPolicy[] | null,
        }
      : null;
  },

  /** A new version; false when someone saved another version first. */
  async savePolicies(tx: Tx, row: typeof deadlinePolicyVersions.$inferInsert) {
    const r = await tx
      .insert(deadlinePolicyVersions)
      .values(row)
      .onConflictDoNothing()
      .returning({ v: deadlinePolicyVersions.version });
    return r.length > 0;
  },
};
