import { sql } from 'drizzle-orm';
import type { AppDeps } from '../../deps.ts';
import type { Detected } from './warnings.detect.ts';

const DAY = 86_400_000;
export const HOUSEHOLD_WINDOW_DAYS = 30;
export const HOUSEHOLD_MIN_INCIDENTS = 2;

const LEVEL: Record<string, [string, string]> = {
  safe: ['平安', 'safe'],
  micro: ['微风险', 'micro-risk'],
  low: ['低风险', 'low-risk'],
  medium: ['中风险', 'medium-risk'],
  high: ['高风险', 'high-risk'],
};
const COLOUR: Record<string, Detected['colour']> = {
  safe: 'blue',
  micro: 'blue',
  low: 'yellow',
  medium: 'orange',
  high: 'red',
};

/**
 * A household on the risk register with repeated incidents (cases linked to it, by phone at intake
 * or by hand) within 30 days: warned at the household's village, with its level and the cases.
 * No name, phone or address in the warning: the cases behind it carry those, masked.
 */
export async function householdIncidentWarnings(
  deps: Pick<AppDeps, 'db' | 'org'>,
  countyId: string,
  now: Date,
  week: string,
): Promise<Detected[]> {
  const since = new Date(now.getTime() - HOUSEHOLD_WINDOW_DAYS * DAY);
  const res = await deps.db.execute(sql`
    select h.id, h.risk_level as level, h.region_id as region, h.region_path as path,
           array_agg(i.case_id order by i.at) as ids
    from household_incidents i
    join households h on h.county_id = i.county_id and h.id = i.household_id
    where i.county_id = ${countyId} and i.at >= ${since.toISOString()}::timestamptz
    group by h.id, h.risk_level, h.region_id, h.region_path
    having count(*) >= ${HOUSEHOLD_MIN_INCIDENTS}`);
  return (res.rows as { id: string; level: string; region: string; path: string[]; ids: string[] }[]).map(
    (h) => {
      const [zh, en] = LEVEL[h.level] ?? [h.level, h.level];
      const place = deps.org.region(h.region);
      return {
        dedupKey: `household_incidents:${h.id}:${week}`,
        kind: 'household_incidents',
        colour: COLOUR[h.level] ?? 'yellow',
        regionPath: h.path,
        title: `${place?.name ?? ''}${zh}家庭 ${HOUSEHOLD_WINDOW_DAYS} 天内发生 ${h.ids.length} 起事件`,
        titleEn: `A ${en} household in ${place?.nameEn ?? h.region}: ${h.ids.length} incidents in ${HOUSEHOLD_WINDOW_DAYS} days`,
        facts: { household: h.id, riskLevel: h.level, incidents: h.ids.length, days: HOUSEHOLD_WINDOW_DAYS },
        caseIds: h.ids,
      };
    },
  );
}
