import type { WorkingCalendar } from '@hewei/domain';
import { hash } from '@node-rs/argon2';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { assignments, caseParties, cases, regions } from '../db/schema/index.ts';
import type { AppDeps } from '../deps.ts';
import { uuidv7 } from '../lib/ids.ts';
import { assignmentRows, eventRow, stateToRow } from '../modules/cases/cases.repository.ts';
import { seedFieldDemo } from '../modules/households/households.demo.ts';
import { seedMediationDemo } from '../modules/mediation/mediation.demo.ts';
import { rebuildAnalysis } from '../modules/overview/overview.hooks.ts';
import { insertOrg } from './org.ts';
import { createRng } from './rng.ts';
import { type SimulatedCase, simulateCounty } from './simulate.ts';
import { demoOrgSpec } from './spec.ts';

export const DEMO_PASSWORD = 'hewei-demo';
const SEED = 20_261_122;

/** Start of the current day in Asia/Shanghai: the demo is the same all day, new each day. */
export function demoAnchor(now: Date): Date {
  const shanghai = new Date(now.getTime() + 8 * 3600_000);
  return new Date(
    Date.UTC(shanghai.getUTCFullYear(), shanghai.getUTCMonth(), shanghai.getUTCDate()) - 8 * 3600_000,
  );
}

export async function seedDemoIfEmpty(deps: AppDeps, opts: { days?: number; perDay?: number } = {}) {
  const [{ n }] = await deps.db.select({ n: sql<number>`count(*)::int` }).from(regions);
  if (n > 0) return null;
  return seedDemo(deps, opts);
}

/** The demo county and its history, lived through the domain rules in memory. */
export function simulateDemo(
  now: Date,
  calendar: WorkingCalendar,
  opts: { days?: number; perDay?: number } = {},
) {
  const rng = createRng(SEED);
  const anchor = demoAnchor(now);
  const spec = demoOrgSpec(rng);
  const cases = simulateCounty(spec, {
    rng,
    calendar,
    anchor,
    days: opts.days ?? 180,
    perDay: opts.perDay ?? 18,
  });
  return { spec, anchor, cases };
}

export async function seedDemo(deps: AppDeps, opts: { days?: number; perDay?: number } = {}) {
  const { spec, anchor, cases: simulated } = simulateDemo(deps.clock.now(), deps.calendar, opts);
  const passwordHash = await hash(DEMO_PASSWORD, { algorithm: 2 });
  await insertOrg(deps.db, spec, passwordHash, new Date(anchor.getTime() - 200 * 86_400_000));
  const events = await persistCases(deps.db, simulated);
  await seedFieldDemo(deps);
  await seedMediationDemo(deps);
  await rebuildAnalysis(deps);
  return { cases: simulated.length, events };
}

/** Writes what the simulation produced, in batches, through the repository's own row mappings. */
export async function persistCases(db: Db, list: SimulatedCase[]) {
  let eventCount = 0;
  for (let i = 0; i < list.length; i += 200) {
    const batch = list.slice(i, i + 200);
    await db.transaction(async (tx) => {
      await tx.insert(cases).values(batch.map((c) => stateToRow(c.state)));
      const as = batch.flatMap((c) => assignmentRows(c.state));
      if (as.length) await tx.insert(assignments).values(as);
      const ps = batch.flatMap((c) =>
        c.parties.map((p, position) => ({
          countyId: c.state.countyId,
          caseId: c.state.id,
          id: uuidv7(Date.parse(c.state.createdAt)),
          role: p.role,
          name: p.name,
          phone: p.phone,
          idNumber: null,
          address: null,
          position,
        })),
      );
      if (ps.length) await tx.insert(caseParties).values(ps);
      // Each event gets the version it produced, as a live transition would.
      const es = batch.flatMap((c) =>
        c.events.map((e, k) => {
          const r = eventRow({ ...c.state, version: k + 1 }, e);
          return {
            county_id: r.countyId,
            case_id: r.caseId,
            seq: r.seq,
            type: r.type,
            at: e.at,
            actor_id: r.actorId,
            actor_role: r.actorRole,
            from_status: r.fromStatus,
            to_status: r.toStatus,
            reason: r.reason,
            data: r.data,
          };
        }),
      );
      // One JSON parameter per batch: far cheaper to bind than tens of thousands of parameters.
      await tx.execute(sql`
        insert into case_events (county_id, case_id, seq, type, at, actor_id, actor_role, from_status, to_status, reason, data)
        select county_id, case_id, seq, type, at, actor_id, actor_role, from_status, to_status, reason, data
        from jsonb_to_recordset(${JSON.stringify(es)}::jsonb) as x(county_id text, case_id text, seq int, type text,
          at timestamptz, actor_id text, actor_role text, from_status text, to_status text, reason text, data jsonb)`);
      eventCount += es.length;
    });
  }
  return eventCount;
}
