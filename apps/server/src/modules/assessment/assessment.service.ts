import { HeweiError, type Role } from '@hewei/domain';
import { and, eq, sql } from 'drizzle-orm';
import { trainings, users } from '../../db/schema/index.ts';
import type { AppDeps } from '../../deps.ts';
import type { Viewer } from '../../http/access.ts';
import type { Locale } from '../../http/messages.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { caseFacts } from './assessment.facts.ts';
import {
  belongs,
  METRICS,
  type MetricKey,
  SCORE_FORMULA,
  type SubjectType,
  scoreSubject,
} from './assessment.score.ts';

export const ASSESSORS: readonly Role[] = ['leader', 'supervisor', 'admin'];
const BOTTOM_SHARE = 0.1;

export function assessmentService(deps: AppDeps) {
  const { db, org } = deps;

  async function subjects(v: Viewer, type: SubjectType, locale: Locale) {
    const name = (r: { name: string; nameEn: string }) => (locale === 'en' ? r.nameEn : r.name);
    if (type === 'department')
      return org
        .departments()
        .filter((d) => d.countyId === v.countyId)
        .map((d) => ({ id: d.id, name: name(d) }));
    if (type === 'town')
      return org
        .regions()
        .filter((r) => r.level === 'town' && r.countyId === v.countyId && r.path.includes(v.regionId ?? ''))
        .map((r) => ({ id: r.id, name: name(r) }));
    const rows = await db
      .select({ id: users.id, name: users.displayName, regionId: users.regionId })
      .from(users)
      .where(and(eq(users.countyId, v.countyId), eq(users.role, 'grid_worker'), eq(users.active, true)));
    return rows
      .filter((u) => u.regionId && org.region(u.regionId)?.path.includes(v.regionId ?? ''))
      .map((u) => ({ id: u.id, name: u.name }));
  }

  async function points(countyId: string, type: SubjectType) {
    const rows = await db
      .select({ subjectId: trainings.subjectId, points: sql<number>`sum(${trainings.points})::int` })
      .from(trainings)
      .where(and(eq(trainings.countyId, countyId), eq(trainings.subjectType, type)))
      .groupBy(trainings.subjectId);
    return new Map(rows.map((r) => [r.subjectId, r.points]));
  }

  return {
    async ranking(v: Viewer, q: { subject: SubjectType; from: Date; to: Date }, locale: Locale) {
      const i = locale === 'en' ? 1 : 0;
      const facts = await caseFacts(db, v, q.from, q.to);
      const pts = await points(v.countyId, q.subject);
      const scored = (await subjects(v, q.subject, locale)).map((s) => ({
        ...s,
        ...scoreSubject(q.subject, s.id, facts, pts.get(s.id) ?? 0),
      }));
      const ranked = scored
        .filter((s) => s.score !== null)
        .sort((a, b) => b.score! - a.score! || a.name.localeCompare(b.name));
      const bottom = Math.max(1, Math.floor(ranked.length * BOTTOM_SHARE));
      return {
        subject: q.subject,
        from: q.from.toISOString(),
        to: q.to.toISOString(),
        formula: SCORE_FORMULA[i],
        metrics: METRICS.map((m) => ({
          key: m.key,
          label: m.label[i],
          formula: m.formula[i],
          weight: m.weight,
          good: m.good,
        })),
        items: [
          ...ranked.map((s, k) => ({
            ...s,
            rank: k + 1,
            flagged: ranked.length >= 3 && k >= ranked.length - bottom,
          })),
          ...scored.filter((s) => s.score === null).map((s) => ({ ...s, rank: null, flagged: false })),
        ],
      };
    },

    /** The cases behind one metric of one subject: each counted in the denominator, and whether in the numerator. */
    async explain(
      v: Viewer,
      q: { subject: SubjectType; id: string; metric: MetricKey; from: Date; to: Date },
    ) {
      const m = METRICS.find((x) => x.key === q.metric);
      if (!m) throw new HeweiError('VALIDATION_FAILED', { field: 'metric' });
      if (!(await subjects(v, q.subject, 'zh-CN')).some((s) => s.id === q.id))
        throw new HeweiError('NOT_FOUND');
      const facts = await caseFacts(db, v, q.from, q.to);
      return facts
        .filter((f) => belongs(q.subject, f, q.id))
        .map((f) => ({ f, r: m.test(f, q.id) }))
        .filter((x) => x.r.in)
        .map(({ f, r }) => ({ caseId: f.id, trackingCode: f.trackingCode, counted: r.hit }));
    },

    async recordTraining(
      v: Viewer,
      b: {
        subjectType: SubjectType;
        subjectId: string;
        kind: 'training' | 'contest';
        title: string;
        heldOn: string;
        points: number;
      },
    ) {
      if (!(await subjects(v, b.subjectType, 'zh-CN')).some((s) => s.id === b.subjectId))
        throw new HeweiError('VALIDATION_FAILED', { field: 'subjectId' });
      const now = deps.clock.now();
      const row = {
        countyId: v.countyId,
        id: uuidv7(now.getTime()),
        ...b,
        recordedBy: v.userId,
        recordedAt: now,
      };
      await db.insert(trainings).values(row);
      return { ...row, recordedAt: now.toISOString() };
    },

    listTrainings: (v: Viewer, subjectType: SubjectType, subjectId: string) =>
      db
        .select()
        .from(trainings)
        .where(
          and(
            eq(trainings.countyId, v.countyId),
            eq(trainings.subjectType, subjectType),
            eq(trainings.subjectId, subjectId),
          ),
        )
        .orderBy(trainings.heldOn),
  };
}
