import { allowedActions, shanghaiDate } from '@hewei/domain';
import { addDays } from '@hewei/domain/risk/index.ts';
import { and, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { cases } from '../../db/schema/index.ts';
import type { AppDeps } from '../../deps.ts';
import type { Viewer } from '../../http/access.ts';
import type { Locale } from '../../http/messages.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { rowToState } from '../cases/cases.repository.ts';
import { presentHousehold, presentTask } from '../households/households.presenter.ts';
import { householdsRepository } from '../households/households.repository.ts';
import { fieldRepository as repo } from './field.repository.ts';

/**
 * Everything a grid worker needs for the day, in one response the app stores for offline use:
 * cases to verify, green matters to settle on the spot, follow-ups owed and coming, screenings,
 * the households of their villages, and the categories a report may take.
 */
export async function todayFor(deps: AppDeps, v: Viewer, locale: Locale) {
  const { db, org, clock, calendar } = deps;
  const now = clock.now();
  const today = shanghaiDate(now);
  const scope = sql`${cases.regionPath} @> array[${v.regionId}]::text[]`;
  const [toVerify, toSettle] = await Promise.all([
    db
      .select()
      .from(cases)
      .where(and(eq(cases.countyId, v.countyId), scope, eq(cases.status, 'resolved')))
      .orderBy(cases.dueAt)
      .limit(100),
    db
      .select()
      .from(cases)
      .where(
        and(
          eq(cases.countyId, v.countyId),
          scope,
          inArray(cases.status, ['submitted', 'accepted', 'triaged']),
          eq(cases.channel, 'grid_report'),
          or(isNull(cases.colour), eq(cases.colour, 'green')),
        ),
      )
      .orderBy(desc(cases.createdAt))
      .limit(100),
  ]);
  const ctx = { now, calendar, newId: () => uuidv7(now.getTime()) };
  const presentCase = (row: typeof cases.$inferSelect) => {
    const state = rowToState(row, []);
    const cat = org.category(row.categoryCode);
    return {
      id: row.id,
      trackingCode: row.trackingCode,
      version: row.version,
      status: row.status,
      colour: row.colour,
      complexity: row.complexity,
      kind: row.kind,
      description: row.description,
      address: row.address,
      lat: row.lat,
      lon: row.lon,
      categoryCode: row.categoryCode,
      categoryName: cat ? (locale === 'en' ? cat.nameEn : cat.name) : row.categoryCode,
      dueAt: row.dueAt?.toISOString() ?? null,
      allowedActions: allowedActions(state, v, ctx),
    };
  };
  const [owed, coming, campaigns, households] = await Promise.all([
    repo.owedTasks(db, v.countyId, v.userId, today),
    repo.tasksOf(db, v.countyId, [v.userId], addDays(today, 1), addDays(today, 7)),
    repo.activeCampaigns(db, v.countyId, org.region(v.regionId ?? '')?.path ?? [], today),
    householdsRepository.list(db, v.countyId, v.regionId ?? '', { limit: 2000 }),
  ]);
  const task = (x: (typeof owed)[number]) => ({
    ...presentTask(x.task, now, calendar),
    address: x.address,
    headName: x.headName,
  });
  return {
    date: today,
    generatedAt: now.toISOString(),
    verifications: toVerify.map(presentCase),
    onSpot: toSettle.map(presentCase),
    followUps: owed.map(task),
    upcoming: coming.filter((x) => x.task.status === 'open').map(task),
    screenings: campaigns.map((c) => ({
      id: c.id,
      title: c.title,
      form: c.form,
      startsOn: c.startsOn,
      endsOn: c.endsOn,
    })),
    households: households.map((h) => presentHousehold(h, deps, locale)),
    categories: org
      .categories()
      .filter((c) => c.active && c.code.length === 4)
      .map((c) => ({ code: c.code, name: locale === 'en' ? c.nameEn : c.name, kinds: c.kinds })),
  };
}
