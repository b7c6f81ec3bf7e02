import { isGroupDispute, readSignals } from '@hewei/domain/triage/index.ts';
import { and, eq, gte, sql } from 'drizzle-orm';
import { cases, warnings } from '../../db/schema/index.ts';
import type { AppDeps } from '../../deps.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { shanghaiDay } from '../overview/overview.keys.ts';
import { householdIncidentWarnings } from './warnings.households.ts';

const DAY = 86_400_000;
type Level = 'village' | 'town' | 'county';

export interface Detected {
  dedupKey: string;
  kind: string;
  colour: 'blue' | 'yellow' | 'orange' | 'red';
  regionPath: string[];
  title: string;
  titleEn: string;
  facts: Record<string, unknown>;
  caseIds: string[];
}

/** The deepest region all the paths share: where a warning about these cases is handled. */
export function commonPath(paths: string[][]): string[] {
  const [first, ...rest] = paths;
  const out: string[] = [];
  for (let i = 0; i < (first?.length ?? 0); i++) {
    if (rest.every((p) => p[i] === first[i])) out.push(first[i]);
    else break;
  }
  return out;
}
const upTo = (path: string[], depth: number) => path.slice(0, Math.min(depth, path.length));

/**
 * Looks over the recent cases of a county for the situations that call for a warning. Each
 * finding names its evidence and the region that must handle it; the dedup key makes a scan
 * repeatable (the same situation in the same period is one warning).
 */
export async function detectWarnings(deps: AppDeps, countyId: string, now: Date): Promise<Detected[]> {
  const { db } = deps;
  const since30 = new Date(now.getTime() - 30 * DAY);
  const week = shanghaiDay(new Date(now.getTime() - ((now.getUTCDay() + 6) % 7) * DAY));
  const recent = await db
    .select({
      id: cases.id,
      kind: cases.kind,
      description: cases.description,
      address: cases.address,
      regionId: cases.regionId,
      regionPath: cases.regionPath,
      gridId: cases.gridId,
      categoryCode: cases.categoryCode,
      reopenCount: cases.reopenCount,
      createdAt: cases.createdAt,
      closedAt: cases.closedAt,
    })
    .from(cases)
    .where(and(eq(cases.countyId, countyId), gte(cases.createdAt, since30)));
  const byId = new Map(recent.map((c) => [c.id, c]));
  const out: Detected[] = [];

  // repeat callers: one phone (by its blind index) behind three or more cases in 30 days
  const callers = await db.execute(sql`
    select x.digest, array_agg(distinct p.case_id) as ids
    from party_pii_index x join case_parties p on p.county_id = x.county_id and p.id = x.party_id
    join cases c on c.county_id = p.county_id and c.id = p.case_id
    where x.county_id = ${countyId} and x.field = 'phone' and c.created_at >= ${since30.toISOString()}::timestamptz
    group by x.digest having count(distinct p.case_id) >= 3`);
  for (const row of callers.rows as { digest: string; ids: string[] }[]) {
    const list = row.ids.map((id) => byId.get(id)).filter((c) => !!c);
    out.push({
      dedupKey: `repeat_caller:${row.digest.slice(0, 24)}:${week}`,
      kind: 'repeat_caller',
      colour: list.length >= 5 ? 'orange' : 'yellow',
      regionPath: commonPath(list.map((c) => c.regionPath)),
      title: `同一来电人 30 天内反映 ${list.length} 件`,
      titleEn: `One caller raised ${list.length} cases in 30 days`,
      facts: { cases: list.length, days: 30 },
      caseIds: list.map((c) => c.id),
    });
  }

  // repeat places: one address (or grid) with three or more cases in 30 days
  const places = new Map<string, typeof recent>();
  for (const c of recent) {
    // an address that names no more than the village is not one place
    const village = deps.org.region(c.regionId)?.name ?? '';
    const addr = c.address?.replace(/\s/g, '') ?? '';
    const specific = addr && !(village && addr.endsWith(village)) ? `addr:${c.regionId}:${addr}` : null;
    const place = c.gridId ? `grid:${c.gridId}` : specific;
    if (place) places.set(place, [...(places.get(place) ?? []), c]);
  }
  for (const [place, list] of places) {
    if (list.length < 3) continue;
    const where = list[0].address ?? place;
    out.push({
      dedupKey: `repeat_place:${place}:${week}`,
      kind: 'repeat_place',
      colour: list.length >= 6 ? 'orange' : 'yellow',
      regionPath: commonPath(list.map((c) => c.regionPath)),
      title: `同一地点 30 天内发生 ${list.length} 件：${where}`,
      titleEn: `${list.length} cases at one place in 30 days: ${where}`,
      facts: { place: where, cases: list.length, days: 30 },
      caseIds: list.map((c) => c.id),
    });
  }

  // a category rising in a town: at least 5 this week and twice the week before
  const thisWeek = now.getTime() - 7 * DAY;
  const rising = new Map<string, { now: typeof recent; before: number }>();
  for (const c of recent) {
    if (c.regionPath.length < 2 || c.createdAt.getTime() < now.getTime() - 14 * DAY) continue;
    const key = `${c.regionPath[1]}|${c.categoryCode.slice(0, 2)}`;
    const e = rising.get(key) ?? { now: [], before: 0 };
    if (c.createdAt.getTime() >= thisWeek) e.now.push(c);
    else e.before++;
    rising.set(key, e);
  }
  for (const [key, e] of rising) {
    if (e.now.length < 5 || e.now.length < 2 * Math.max(1, e.before)) continue;
    const [town, cat] = key.split('|');
    const name = deps.org.category(cat);
    out.push({
      dedupKey: `rising_category:${key}:${week}`,
      kind: 'rising_category',
      colour: e.now.length >= 4 * Math.max(1, e.before) ? 'orange' : 'yellow',
      regionPath: upTo(e.now[0].regionPath, 2),
      title: `${name?.name ?? cat}类事项近 7 天 ${e.now.length} 件，前 7 天 ${e.before} 件`,
      titleEn: `${name?.nameEn ?? cat}: ${e.now.length} cases in 7 days, ${e.before} the week before`,
      facts: { town, category: cat, last7: e.now.length, previous7: e.before },
      caseIds: e.now.map((c) => c.id),
    });
  }

  // per case: group disputes, escalation language, petitions that come back
  for (const c of recent) {
    if (c.closedAt) continue;
    const s = readSignals(c.description);
    if (isGroupDispute(s))
      out.push({
        dedupKey: `group_dispute:${c.id}`,
        kind: 'group_dispute',
        colour: s.people >= 20 ? 'red' : 'orange',
        regionPath: upTo(c.regionPath, s.people >= 20 ? 1 : 2),
        title: `疑似群体性事件${s.people ? `（约 ${s.people} 人）` : ''}`,
        titleEn: `Possible group dispute${s.people ? ` (about ${s.people} people)` : ''}`,
        facts: { people: s.people, words: s.groupWords },
        caseIds: [c.id],
      });
    if (s.escalation.length)
      out.push({
        dedupKey: `escalation_language:${c.id}`,
        kind: 'escalation_language',
        colour: 'red',
        regionPath: upTo(c.regionPath, 2),
        title: `诉求中出现激化言辞：${s.escalation.join('、')}`,
        titleEn: `Escalation language: ${s.escalation.join(', ')}`,
        facts: { words: s.escalation },
        caseIds: [c.id],
      });
    if (c.kind === 'petition' && c.reopenCount > 0)
      out.push({
        dedupKey: `returning_petition:${c.id}:${c.reopenCount}`,
        kind: 'returning_petition',
        colour: 'orange',
        regionPath: upTo(c.regionPath, 2),
        title: `信访事项重复反映（第 ${c.reopenCount + 1} 次办理）`,
        titleEn: `A petition has come back (round ${c.reopenCount + 1})`,
        facts: { reopenCount: c.reopenCount },
        caseIds: [c.id],
      });
  }
  out.push(...(await householdIncidentWarnings(deps, countyId, now, week)));
  return out.filter((w) => w.regionPath.length > 0);
}

export const levelOf = (path: string[]): Level =>
  path.length >= 3 ? 'village' : path.length === 2 ? 'town' : 'county';

/** Stores what a scan found; a situation already warned about in the same period is skipped. */
export async function saveWarnings(deps: AppDeps, countyId: string, found: Detected[], now: Date) {
  let created = 0;
  for (const w of found) {
    const rows = await deps.db
      .insert(warnings)
      .values({
        countyId,
        id: uuidv7(now.getTime()),
        dedupKey: w.dedupKey,
        kind: w.kind,
        level: levelOf(w.regionPath),
        colour: w.colour,
        regionId: w.regionPath[w.regionPath.length - 1],
        regionPath: w.regionPath,
        title: w.title,
        evidence: { titleEn: w.titleEn, facts: w.facts },
        caseIds: w.caseIds,
        detectedAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: warnings.id });
    created += rows.length;
  }
  return created;
}

export async function scanWarnings(deps: AppDeps) {
  const now = deps.clock.now();
  let created = 0;
  for (const countyId of deps.org.countyIds())
    created += await saveWarnings(deps, countyId, await detectWarnings(deps, countyId, now), now);
  return created;
}
