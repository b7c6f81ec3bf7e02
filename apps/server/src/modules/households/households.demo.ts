import { type AreaGeometry, createRng, randomPointIn, shanghaiDate } from '@hewei/domain';
import { addDays, RISK_LEVELS, type RiskLevel } from '@hewei/domain/risk/index.ts';
import { eq } from 'drizzle-orm';
import {
  householdRiskChanges,
  households,
  patrolPoints,
  patrols,
  users,
  visits,
} from '../../db/schema/index.ts';
import type { AppDeps } from '../../deps.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { scheduleFollowUps } from './followups.ts';
import { HOUSEHOLD_PHONE_PURPOSE } from './households.presenter.ts';
import type { HouseholdRow } from './households.repository.ts';

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴', '徐', '孙'];
const REASONS: Record<RiskLevel, string> = {
  safe: '建档，家庭和睦',
  micro: '夫妻偶有口角',
  low: '婆媳矛盾反复',
  medium: '夫妻多次争吵，邻居反映',
  high: '扬言离婚并有肢体冲突',
};

/** The demo grid worker's village: a dozen households on the risk register, yesterday's patrol and visits. */
export async function seedFieldDemo(deps: AppDeps) {
  const { db, org, clock } = deps;
  // phones are sealed with the keyring: a caller that brings none (the replay test) gets no field demo
  if (!deps.pii) return { households: 0 };
  await org.refresh();
  const [worker] = await db.select().from(users).where(eq(users.username, 'gridworker'));
  const village = worker?.regionId ? org.region(worker.regionId) : undefined;
  if (!worker || !village) return { households: 0 };
  const now = clock.now();
  // inside the village (not only its bounding box), so a report from a household's door lands in the village
  const rng = createRng(`households:${village.id}`);
  const at = (_i: number) => {
    if (!village.geometry) return { lon: null, lat: null };
    const [lon, lat] = randomPointIn(village.geometry as AreaGeometry, rng);
    return { lon, lat };
  };
  const levels: RiskLevel[] = [
    'safe',
    'safe',
    'safe',
    'safe',
    'micro',
    'micro',
    'low',
    'low',
    'medium',
    'medium',
    'high',
    'safe',
  ];
  const rows: HouseholdRow[] = levels.map((level, i) => {
    const phone = `1390000${String(1000 + i).padStart(4, '0')}`;
    return {
      countyId: worker.countyId,
      id: uuidv7(now.getTime() - (levels.length - i) * 1000),
      regionId: village.id,
      regionPath: village.path,
      gridId: null,
      address: `${village.name}${(i % 4) + 1}组${10 + i}号`,
      headName: `${SURNAMES[i % SURNAMES.length]}${i % 2 ? '大姐' : '大哥'}`,
      headPhone: deps.pii.seal(phone, HOUSEHOLD_PHONE_PURPOSE),
      headPhoneDigest: deps.pii.blind('phone', phone),
      memberCount: 2 + (i % 4),
      ...at(i),
      workerId: worker.id,
      riskLevel: level,
      riskSince: addDays(shanghaiDate(now), -((i * 3) % 10)),
      regradeCaseId: null,
      regradeSuggested: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
  });
  await db.transaction(async (tx) => {
    await tx.insert(households).values(rows);
    await tx.insert(householdRiskChanges).values(
      rows.map((h) => ({
        countyId: h.countyId,
        householdId: h.id,
        seq: 1,
        at: new Date(`${h.riskSince}T09:00:00+08:00`),
        fromLevel: null,
        toLevel: h.riskLevel,
        reason: REASONS[h.riskLevel as RiskLevel],
        actorId: worker.id,
        actorRole: 'grid_worker',
        caseId: null,
      })),
    );
    for (const h of rows) await scheduleFollowUps(tx, h, now);
    const yesterday = new Date(now.getTime() - 86_400_000);
    const patrolId = uuidv7(yesterday.getTime());
    await tx.insert(patrols).values({
      countyId: worker.countyId,
      id: patrolId,
      workerId: worker.id,
      regionId: village.id,
      startedAt: yesterday,
      endedAt: new Date(yesterday.getTime() + 2 * 3_600_000),
      note: '日常巡查',
    });
    const points = rows.filter((h) => h.lat !== null).slice(0, 5);
    if (points.length)
      await tx.insert(patrolPoints).values(
        points.map((h, k) => ({
          countyId: h.countyId,
          patrolId,
          seq: k + 1,
          at: new Date(yesterday.getTime() + k * 1_200_000),
          lat: h.lat!,
          lon: h.lon!,
          gridId: org.locate(h.countyId, h.lon!, h.lat!)?.grids.micro?.id ?? null,
          note: `经过${h.address}`,
          photos: [],
        })),
      );
    await tx.insert(visits).values(
      rows.slice(6, 9).map((h, k) => ({
        countyId: h.countyId,
        id: uuidv7(yesterday.getTime() + k),
        workerId: worker.id,
        kind: k === 0 ? 'routine' : 'follow_up',
        householdId: h.id,
        watchedPersonId: null,
        taskId: null,
        at: new Date(yesterday.getTime() + 3_600_000 + k * 600_000),
        lat: h.lat,
        lon: h.lon,
        note: '走访了解家庭近况',
        photos: [],
      })),
    );
  });
  return { households: rows.length, atRisk: rows.filter((h) => h.riskLevel !== RISK_LEVELS[0]).length };
}
