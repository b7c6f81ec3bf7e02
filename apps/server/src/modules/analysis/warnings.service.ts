import { HeweiError } from '@hewei/domain';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { cases, warningActions, warnings } from '../../db/schema/index.ts';
import type { AppDeps } from '../../deps.ts';
import type { Viewer } from '../../http/access.ts';
import type { Locale } from '../../http/messages.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { presentRow } from '../cases/cases.presenter.ts';
import { visibleTo } from '../cases/cases.queries.ts';

export const WARNING_ACTIONS = ['acknowledge', 'handle', 'dismiss', 'reopen'] as const;
export type WarningAction = (typeof WARNING_ACTIONS)[number];
const STATE_AFTER: Record<WarningAction, string> = {
  acknowledge: 'acknowledged',
  handle: 'handled',
  dismiss: 'dismissed',
  reopen: 'open',
};
const ALLOWED_FROM: Record<WarningAction, string[]> = {
  acknowledge: ['open'],
  handle: ['open', 'acknowledged'],
  dismiss: ['open', 'acknowledged'],
  reopen: ['handled', 'dismissed'],
};

/** A warning is seen by the staff of the region it was routed to and of every region above. */
const routedTo = (v: Viewer) => sql`${warnings.regionPath} @> array[${v.regionId}]::text[]`;

export function warningsService(deps: AppDeps) {
  const { db } = deps;

  async function actionsOf(countyId: string, ids: string[]) {
    if (!ids.length) return [];
    return db
      .select()
      .from(warningActions)
      .where(and(eq(warningActions.countyId, countyId), inArray(warningActions.warningId, ids)))
      .orderBy(warningActions.at, warningActions.id);
  }

  async function present(v: Viewer, rows: (typeof warnings.$inferSelect)[], locale: Locale) {
    const acts = await actionsOf(
      v.countyId,
      rows.map((w) => w.id),
    );
    const caseIds = [...new Set(rows.flatMap((w) => w.caseIds))];
    const visible = caseIds.length
      ? await db
          .select()
          .from(cases)
          .where(and(eq(cases.countyId, v.countyId), inArray(cases.id, caseIds), visibleTo(v)))
      : [];
    const now = deps.clock.now();
    return rows.map((w) => {
      const history = acts.filter((a) => a.warningId === w.id);
      const ev = w.evidence as { titleEn: string; facts: Record<string, unknown> };
      return {
        id: w.id,
        kind: w.kind,
        level: w.level,
        colour: w.colour,
        regionId: w.regionId,
        regionName: deps.org.region(w.regionId)?.[locale === 'en' ? 'nameEn' : 'name'] ?? w.regionId,
        title: locale === 'en' ? ev.titleEn : w.title,
        facts: ev.facts,
        detectedAt: w.detectedAt.toISOString(),
        state: history.length ? STATE_AFTER[history[history.length - 1].action as WarningAction] : 'open',
        history: history.map((a) => ({
          action: a.action,
          note: a.note,
          actorId: a.actorId,
          at: a.at.toISOString(),
        })),
        caseCount: w.caseIds.length,
        cases: visible
          .filter((c) => w.caseIds.includes(c.id))
          .slice(0, 10)
          .map((c) => presentRow(c, deps.org, locale, now)),
      };
    });
  }

  async function load(v: Viewer, id: string) {
    const [w] = await db
      .select()
      .from(warnings)
      .where(and(eq(warnings.countyId, v.countyId), eq(warnings.id, id), routedTo(v)));
    if (!w) throw new HeweiError('NOT_FOUND');
    return w;
  }

  return {
    async list(
      v: Viewer,
      q: { state?: string; kind?: string; regionId?: string; limit: number },
      locale: Locale,
    ) {
      const where = [eq(warnings.countyId, v.countyId), routedTo(v)];
      if (q.kind) where.push(eq(warnings.kind, q.kind));
      // narrowed to the warnings routed to a region (inside the viewer's) or below it
      if (q.regionId) where.push(sql`${warnings.regionPath} @> array[${q.regionId}]::text[]`);
      const rows = await db
        .select()
        .from(warnings)
        .where(and(...where))
        .orderBy(desc(warnings.detectedAt), desc(warnings.id))
        .limit(500);
      const all = await present(v, rows, locale);
      return all.filter((w) => !q.state || w.state === q.state).slice(0, q.limit);
    },

    async act(v: Viewer, id: string, action: WarningAction, note: string | null, locale: Locale) {
      const w = await load(v, id);
      const [current] = await present(v, [w], locale);
      if (!ALLOWED_FROM[action].includes(current.state))
        throw new HeweiError('RULE_VIOLATION', { rule: 'WARNING_STATE', params: { state: current.state } });
      if ((action === 'handle' || action === 'dismiss') && !note)
        throw new HeweiError('VALIDATION_FAILED', { field: 'note' });
      // the log is ordered by time: an action never sorts before the one it follows
      const last = current.history[current.history.length - 1];
      const now = new Date(Math.max(deps.clock.now().getTime(), last ? Date.parse(last.at) + 1 : 0));
      await db.insert(warningActions).values({
        countyId: v.countyId,
        id: uuidv7(now.getTime()),
        warningId: id,
        action,
        note,
        actorId: v.userId,
        at: now,
      });
      return (await present(v, [w], locale))[0];
    },
  };
}
