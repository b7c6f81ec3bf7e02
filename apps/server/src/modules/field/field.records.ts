import { HeweiError } from '@hewei/domain';
import { addDays } from '@hewei/domain/risk/index.ts';
import { and, eq, sql } from 'drizzle-orm';
import { users } from '../../db/schema/index.ts';
import type { AppDeps } from '../../deps.ts';
import type { Viewer } from '../../http/access.ts';
import { fieldRepository as repo } from './field.repository.ts';

// Work records that feed assessment, from what was recorded: patrol coverage (share of the
// worker's micro grids with a patrol point), follow-ups done against those due, visits to people
// of concern against their cadence, reports, on-the-spot resolutions and verification timeliness.

const SUPERVISING = ['supervisor', 'leader', 'dispatcher', 'admin'];
const dayStart = (date: string) => new Date(`${date}T00:00:00+08:00`);

export function fieldRecords(deps: AppDeps) {
  const { db, org, clock } = deps;

  /** The grid workers the viewer may look at: themself, or everyone under a supervisor's region. */
  async function workersFor(v: Viewer, regionId?: string, workerId?: string) {
    const scope = regionId ?? v.regionId;
    if (v.role === 'grid_worker') {
      if (workerId && workerId !== v.userId) throw new HeweiError('NOT_FOUND');
      return db.select().from(users).where(eq(users.id, v.userId));
    }
    if (!SUPERVISING.includes(v.role) || !scope || !org.region(scope)?.path.includes(v.regionId ?? ''))
      throw new HeweiError('NOT_FOUND');
    const all = await db
      .select()
      .from(users)
      .where(and(eq(users.countyId, v.countyId), eq(users.role, 'grid_worker'), eq(users.active, true)));
    const mine = all.filter((u) => u.regionId && org.region(u.regionId)?.path.includes(scope));
    if (workerId) {
      const one = mine.filter((u) => u.id === workerId);
      if (!one.length) throw new HeweiError('NOT_FOUND');
      return one;
    }
    return mine;
  }

  async function caseCounts(countyId: string, ids: string[], from: Date, to: Date) {
    if (!ids.length) return [];
    const r = await db.execute(sql`
      select e.actor_id as "workerId",
        count(*) filter (where e.type = 'case.submitted') as reports,
        count(*) filter (where e.type = 'case.resolved_on_spot') as "onSpot",
        count(*) filter (where e.type = 'case.verified') as verifications,
        count(*) filter (where e.type = 'case.verified' and e.at <= (
          select (r.data->>'verifyBy')::timestamptz from case_events r
          where r.county_id = e.county_id and r.case_id = e.case_id and r.type = 'case.result_reported' and r.seq < e.seq
          order by r.seq desc limit 1)) as "verifiedOnTime"
      from case_events e
      where e.county_id = ${countyId} and e.actor_id in (${sql.join(
        ids.map((i) => sql`${i}`),
        sql`, `,
      )})
        and e.at >= ${from.toISOString()}::timestamptz and e.at < ${to.toISOString()}::timestamptz
        and e.type in ('case.submitted', 'case.resolved_on_spot', 'case.verified')
      group by e.actor_id`);
    return (r as unknown as { rows: Record<string, string | number>[] }).rows.map((x) => ({
      workerId: String(x.workerId),
      reports: Number(x.reports),
      onSpot: Number(x.onSpot),
      verifications: Number(x.verifications),
      verifiedOnTime: Number(x.verifiedOnTime),
    }));
  }

  return {
    workersFor,

    /** One record per worker for the local dates [from, to]. */
    async records(v: Viewer, q: { from: string; to: string; regionId?: string }) {
      const workers = await workersFor(v, q.regionId);
      const ids = workers.map((w) => w.id);
      const from = dayStart(q.from);
      const to = dayStart(addDays(q.to, 1));
      const days = Math.round((to.getTime() - from.getTime()) / 86_400_000);
      const [ps, vs, ts, cs] = await Promise.all([
        repo.patrolsOf(db, v.countyId, ids, from, to),
        repo.visitsOf(db, v.countyId, ids, from, to),
        repo.tasksOf(db, v.countyId, ids, q.from, q.to),
        caseCounts(v.countyId, ids, from, to),
      ]);
      const points = await repo.pointsOf(
        db,
        v.countyId,
        ps.map((p) => p.id),
      );
      const watched = (await repo.entries(db, v.countyId, v.regionId ?? '', 'person', true)).filter((e) =>
        e.regionPath.includes(q.regionId ?? v.regionId ?? ''),
      );
      const now = clock.now();
      return workers.map((w) => {
        const micro = org.grids().filter((g) => g.regionId === w.regionId && g.level === 'micro' && g.active);
        const mapped = micro.filter((g) => g.geometry).length > 0;
        const mine = new Set(ps.filter((p) => p.workerId === w.id).map((p) => p.id));
        const visited = new Set(points.filter((p) => mine.has(p.patrolId) && p.gridId).map((p) => p.gridId));
        const tasks = ts.filter((t) => t.task.workerId === w.id && t.task.status !== 'cancelled');
        const people = watched.filter((e) => e.regionId === w.regionId);
        const c = cs.find((x) => x.workerId === w.id);
        const myVisits = vs.filter((x) => x.workerId === w.id);
        return {
          workerId: w.id,
          name: w.displayName,
          regionId: w.regionId,
          patrols: mine.size,
          patrolPoints: points.filter((p) => mine.has(p.patrolId)).length,
          coverage: mapped
            ? Math.round((micro.filter((g) => visited.has(g.id)).length / micro.length) * 1000) / 1000
            : null,
          visits: myVisits.length,
          followUpsDue: tasks.length,
          followUpsDone: tasks.filter((t) => t.task.status === 'done').length,
          followUpsOverdue: tasks.filter((t) => t.task.status === 'open' && t.task.dueAt < now).length,
          watchedVisitsExpected: people.reduce(
            (n, e) => n + Math.round(((e.visitsPerWeek ?? 0) * days) / 7),
            0,
          ),
          watchedVisitsDone: myVisits.filter((x) => x.watchedPersonId).length,
          reports: c?.reports ?? 0,
          onSpotResolutions: c?.onSpot ?? 0,
          verifications: c?.verifications ?? 0,
          verificationsOnTime: c?.verifiedOnTime ?? 0,
        };
      });
    },

    /** A worker's day or week for a supervisor: patrols with their points (for the map), visits, follow-ups. */
    async days(v: Viewer, workerId: string, q: { from: string; to: string }) {
      const [w] = await workersFor(v, undefined, workerId);
      const from = dayStart(q.from);
      const to = dayStart(addDays(q.to, 1));
      const ps = await repo.patrolsOf(db, v.countyId, [w.id], from, to);
      const points = await repo.pointsOf(
        db,
        v.countyId,
        ps.map((p) => p.id),
      );
      return {
        worker: { id: w.id, name: w.displayName, regionId: w.regionId },
        patrols: ps.map((p) => ({ ...p, points: points.filter((x) => x.patrolId === p.id) })),
        visits: await repo.visitsOf(db, v.countyId, [w.id], from, to),
        followUps: await repo.tasksOf(db, v.countyId, [w.id], q.from, q.to),
      };
    },
  };
}
