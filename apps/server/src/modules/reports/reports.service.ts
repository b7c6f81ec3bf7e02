import { HeweiError } from '@hewei/domain';
import { and, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { assignments, caseLeaders, caseParties, cases, users } from '../../db/schema/index.ts';
import type { AppDeps } from '../../deps.ts';
import type { Viewer } from '../../http/access.ts';
import type { Locale } from '../../http/messages.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { visibleTo } from '../cases/cases.queries.ts';
import { casesService } from '../cases/cases.service.ts';
import type { Period } from './reports.period.ts';

const TAKEN_OUT = ['submitted', 'rejected', 'withdrawn', 'merged'];
const SUCCESS = ['verified', 'called_back', 'closed'];

export interface ScreeningRow {
  regionId: string;
  name: string;
  level: string;
  depth: number;
  screened: number;
  mediated: number;
  succeeded: number;
  successRate: number | null;
}

export function reportsService(deps: AppDeps) {
  const { db, org } = deps;
  const cases$ = casesService(deps);
  const name = (id: string, locale: Locale) => {
    const r = org.region(id);
    return r ? (locale === 'en' ? r.nameEn : r.name) : id;
  };

  return {
    /**
     * 矛盾纠纷排查调处情况统计表: disputes registered in the period (排查), those taken in for
     * handling (调处), and those resolved without a failed or referred mediation (成功), per region.
     */
    async screening(v: Viewer, p: Period, locale: Locale): Promise<ScreeningRow[]> {
      const res = await db
        .select({
          regionId: cases.regionId,
          screened: sql<number>`count(*)::int`,
          mediated: sql<number>`count(*) filter (where ${cases.status} not in (${sql.join(
            TAKEN_OUT.map((s) => sql`${s}`),
            sql`, `,
          )}))::int`,
          succeeded: sql<number>`count(*) filter (where ${cases.status} in (${sql.join(
            SUCCESS.map((s) => sql`${s}`),
            sql`, `,
          )}) and coalesce(${cases.mediationOutcome}, 'agreement') = 'agreement')::int`,
        })
        .from(cases)
        .where(
          and(
            eq(cases.countyId, v.countyId),
            visibleTo(v),
            eq(cases.kind, 'dispute'),
            gte(cases.createdAt, p.from),
            lt(cases.createdAt, p.to),
          ),
        )
        .groupBy(cases.regionId);
      const top = org.region(v.regionId ?? '');
      if (!top) throw new HeweiError('FORBIDDEN');
      const regions = org
        .regions()
        .filter((r) => r.path.includes(top.id))
        .sort((a, b) => (a.path.join('/') < b.path.join('/') ? -1 : 1));
      return regions.map((r) => {
        const mine = res.filter((x) => org.region(x.regionId)?.path.includes(r.id));
        const s = (k: 'screened' | 'mediated' | 'succeeded') => mine.reduce((t, x) => t + x[k], 0);
        const mediated = s('mediated');
        return {
          regionId: r.id,
          name: name(r.id, locale),
          level: r.level,
          depth: r.path.length - top.path.length,
          screened: s('screened'),
          mediated,
          succeeded: s('succeeded'),
          successRate: mediated ? Math.round((s('succeeded') / mediated) * 10000) / 10000 : null,
        };
      });
    },

    /** 矛盾纠纷台账: the complex disputes of the period, each with its lead department and leader in charge. */
    async ledger(v: Viewer, p: Period, locale: Locale) {
      const rows = await db
        .select()
        .from(cases)
        .where(
          and(
            eq(cases.countyId, v.countyId),
            visibleTo(v),
            eq(cases.kind, 'dispute'),
            sql`(${cases.complexity} = 'complex' or ${cases.colour} in ('red', 'orange'))`,
            gte(cases.createdAt, p.from),
            lt(cases.createdAt, p.to),
          ),
        )
        .orderBy(cases.createdAt, cases.id)
        .limit(5000);
      const ids = rows.map((r) => r.id);
      const [leads, leaders, parties] = ids.length
        ? await Promise.all([
            db
              .select()
              .from(assignments)
              .where(
                and(
                  eq(assignments.countyId, v.countyId),
                  inArray(assignments.caseId, ids),
                  eq(assignments.role, 'lead'),
                ),
              ),
            db
              .select({ caseId: caseLeaders.caseId, at: caseLeaders.at, name: users.displayName })
              .from(caseLeaders)
              .innerJoin(users, eq(users.id, caseLeaders.leaderUserId))
              .where(and(eq(caseLeaders.countyId, v.countyId), inArray(caseLeaders.caseId, ids)))
              .orderBy(desc(caseLeaders.at), desc(caseLeaders.id)),
            db
              .select({ caseId: caseParties.caseId, role: caseParties.role, name: caseParties.name })
              .from(caseParties)
              .where(and(eq(caseParties.countyId, v.countyId), inArray(caseParties.caseId, ids))),
          ])
        : [[], [], []];
      return rows.map((c, i) => {
        const lead = leads
          .filter((a) => a.caseId === c.id)
          .sort((a, b) => b.assignedAt.getTime() - a.assignedAt.getTime())[0];
        const dept = lead && org.department(lead.departmentId);
        const cat = org.category(c.categoryCode);
        return {
          no: i + 1,
          caseId: c.id,
          trackingCode: c.trackingCode,
          registeredAt: c.createdAt.toISOString(),
          place: name(c.regionId, locale),
          category: cat ? (locale === 'en' ? cat.nameEn : cat.name) : c.categoryCode,
          parties: parties
            .filter((x) => x.caseId === c.id)
            .map((x) => maskName(x.name))
            .join('、'),
          summary: c.description.length > 80 ? `${c.description.slice(0, 80)}…` : c.description,
          status: c.status,
          colour: c.colour,
          leadDepartment: dept ? (locale === 'en' ? dept.nameEn : dept.name) : '',
          leaderInCharge: leaders.find((l) => l.caseId === c.id)?.name ?? '',
          closedAt: c.closedAt?.toISOString() ?? null,
        };
      });
    },

    /** Names the leader in charge of a case (包案领导); the log keeps every change. */
    async setLeader(v: Viewer, caseId: string, leaderUserId: string) {
      await cases$.get(v, caseId);
      if (!['leader', 'supervisor', 'dispatcher', 'admin'].includes(v.role))
        throw new HeweiError('FORBIDDEN');
      const [u] = await db.select().from(users).where(eq(users.id, leaderUserId));
      if (!u || u.countyId !== v.countyId || !['leader', 'supervisor'].includes(u.role))
        throw new HeweiError('RULE_VIOLATION', { field: 'leaderUserId', rule: 'NOT_A_LEADER' });
      const now = deps.clock.now();
      await db.insert(caseLeaders).values({
        countyId: v.countyId,
        id: uuidv7(now.getTime()),
        caseId,
        leaderUserId,
        assignedBy: v.userId,
        at: now,
      });
      return { caseId, leaderUserId, leaderName: u.displayName, at: now.toISOString() };
    },
  };
}

/** 张三 → 张*, 欧阳娜娜 → 欧**娜: a ledger printed on paper names parties by surname. */
export function maskName(n: string): string {
  if (n.length <= 1) return n;
  if (n.length === 2) return `${n[0]}*`;
  return `${n[0]}${'*'.repeat(n.length - 2)}${n[n.length - 1]}`;
}
