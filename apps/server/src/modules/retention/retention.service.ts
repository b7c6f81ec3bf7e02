import { ANONYMISED, applySystemTransition } from '@hewei/domain';
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import {
  appMeta,
  attachments,
  caseAnonymisations,
  caseParties,
  householdIncidents,
  notifications,
  outbox,
} from '../../db/schema/index.ts';
import type { AppDeps } from '../../deps.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { runCaseWriteHooks } from '../cases/case-hooks.ts';
import { casesRepository as repo } from '../cases/cases.repository.ts';

/** A case ends in one of these; the period runs from its last change. */
const FINISHED = ['closed', 'rejected', 'withdrawn', 'merged'];
const metaKey = (countyId: string) => `retention_days:${countyId}`;

/** The county's retention period in days (admin setting, else HEWEI_RETENTION_DAYS), or null: keep. */
export async function retentionDays(deps: AppDeps, countyId: string): Promise<number | null> {
  const [row] = await deps.db
    .select()
    .from(appMeta)
    .where(eq(appMeta.key, metaKey(countyId)));
  if (row) return (row.value as { days: number | null }).days;
  const env = Number(process.env.HEWEI_RETENTION_DAYS);
  return Number.isInteger(env) && env > 0 ? env : null;
}

export async function setRetentionDays(
  deps: AppDeps,
  countyId: string,
  days: number | null,
  actorId: string,
) {
  const value = { days };
  await deps.db.transaction(async (tx) => {
    await tx
      .insert(appMeta)
      .values({ key: metaKey(countyId), value })
      .onConflictDoUpdate({ target: appMeta.key, set: { value } });
    await recordAudit(tx, {
      at: deps.clock.now(),
      action: 'retention.configured',
      actorId,
      target: `county:${countyId}`,
      data: value,
    });
  });
}

const cutoffOf = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000);

/** Finished cases of the county past the period and not yet anonymised, oldest first. */
export async function dueCases(
  deps: AppDeps,
  countyId: string,
  days: number,
  limit: number,
): Promise<string[]> {
  const cutoff = cutoffOf(deps.clock.now(), days);
  const r = await deps.db.execute(sql`
    select c.id from cases c
    where c.county_id = ${countyId} and c.status in (${sql.join(
      FINISHED.map((s) => sql`${s}`),
      sql`, `,
    )})
      and coalesce(c.closed_at, c.updated_at) < ${cutoff.toISOString()}
      and not exists (select 1 from case_anonymisations a where a.county_id = c.county_id and a.case_id = c.id)
    order by coalesce(c.closed_at, c.updated_at), c.id
    limit ${limit}`);
  return (r.rows as { id: string }[]).map((x) => x.id);
}

/**
 * Removes one finished case's personal data in one transaction, through the lifecycle's
 * `anonymise` transition (so the timeline says when and why) and its write hooks (so search
 * forgets the words): the case's text, place and applicant; its parties' names, phones, ID
 * numbers and addresses and their lookup digests; its files; the personal text of its timeline
 * and of its outbox messages. Returns the storage keys of the files to delete after commit.
 */
async function anonymiseOne(deps: AppDeps, tx: Tx, countyId: string, id: string, days: number) {
  const before = await repo.loadCase(tx, countyId, id, true);
  if (!before) return null;
  const ctx = {
    now: deps.clock.now(),
    calendar: deps.calendar,
    newId: () => uuidv7(deps.clock.now().getTime()),
    deadlinePolicies: deps.deadlinePolicies,
  };
  const { state, event } = applySystemTransition(before, 'anonymise', { retentionDays: days }, ctx);
  if (!(await repo.saveTransition(tx, before, state, event))) return null;
  await runCaseWriteHooks(deps, tx, { before, after: state, event });

  const of = <T extends { countyId: any; caseId: any }>(t: T) =>
    and(eq(t.countyId, countyId), eq(t.caseId, id));
  await tx.execute(sql`delete from party_pii_index where county_id = ${countyId}
    and party_id in (select id from case_parties where county_id = ${countyId} and case_id = ${id})`);
  const parties = await tx
    .update(caseParties)
    .set({ name: ANONYMISED, phone: null, idNumber: null, address: null })
    .where(of(caseParties))
    .returning({ id: caseParties.id });
  const files = await tx
    .delete(attachments)
    .where(of(attachments))
    .returning({ key: attachments.storageKey });
  const messages = await tx
    .update(outbox)
    .set({ payload: sql`hewei_redact(${outbox.payload})` })
    .where(of(outbox))
    .returning({ id: outbox.id });
  const notices = await tx
    .update(notifications)
    .set({ payload: sql`hewei_redact(${notifications.payload})` })
    .where(of(notifications))
    .returning({ id: notifications.id });
  // the household register keeps its own lifecycle; only this case's link to it goes
  const links = await tx
    .delete(householdIncidents)
    .where(of(householdIncidents))
    .returning({ id: householdIncidents.householdId });
  const removed = {
    parties: parties.length,
    attachments: files.length,
    outbox: messages.length,
    notifications: notices.length,
    householdLinks: links.length,
    events: 0,
  };
  await tx
    .insert(caseAnonymisations)
    .values({ countyId, caseId: id, at: ctx.now, retentionDays: days, removed });
  const [r] = (await tx.execute(sql`select hewei_redact_case_events(${countyId}, ${id}) as n`)).rows as {
    n: number;
  }[];
  removed.events = Number(r.n);
  await tx
    .update(caseAnonymisations)
    .set({ removed })
    .where(and(eq(caseAnonymisations.countyId, countyId), eq(caseAnonymisations.caseId, id)));
  return { state, files: files.map((f) => f.key), removed };
}

export interface RetentionRun {
  retentionDays: number | null;
  anonymised: number;
  files: number;
}

/** Anonymises up to `limit` due cases of the county, each in its own transaction; audited. */
export async function runRetention(
  deps: AppDeps,
  countyId: string,
  actorId: string | null,
  limit = 500,
): Promise<RetentionRun> {
  const days = await retentionDays(deps, countyId);
  if (!days) return { retentionDays: null, anonymised: 0, files: 0 };
  const ids = await dueCases(deps, countyId, days, limit);
  let anonymised = 0;
  let files = 0;
  for (const id of ids) {
    const done = await deps.db.transaction((tx) => anonymiseOne(deps, tx, countyId, id, days));
    if (!done) continue;
    anonymised++;
    for (const key of done.files) {
      await deps.storage.delete(key);
      files++;
    }
  }
  if (anonymised)
    await recordAudit(deps.db, {
      at: deps.clock.now(),
      action: 'retention.anonymised',
      actorId,
      target: `county:${countyId}`,
      data: { retentionDays: days, cases: anonymised, files },
    });
  return { retentionDays: days, anonymised, files };
}

/** The daily job: every county. */
export async function retentionSweep(deps: AppDeps): Promise<number> {
  let n = 0;
  for (const countyId of deps.org.countyIds()) n += (await runRetention(deps, countyId, null)).anonymised;
  return n;
}
