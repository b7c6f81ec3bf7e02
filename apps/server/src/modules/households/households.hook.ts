import type { CaseState } from '@hewei/domain';
import { sql } from 'drizzle-orm';
import { inSlices } from '../../db/bulk.ts';
import type { Tx } from '../../db/client.ts';
import type { AppDeps, CaseChange, CaseWriteHook } from '../../deps.ts';
import { PARTY_PURPOSE } from '../../lib/pii/columns.ts';
import { type HouseholdRow, householdsRepository as repo } from './households.repository.ts';
import { promptRegrade } from './households.service.ts';

const DIGESTS_PER_QUERY = 10_000;

/**
 * A new case (live or imported) naming a household's phone is an incident: it is linked to the household and
 * prompts re-grading, in the transaction that opens the case. The batch form reads the phones of
 * all new cases in one query and the households they name in one more, then links in case order.
 */
export function householdIncidentHook(deps: Pick<AppDeps, 'pii'>): CaseWriteHook {
  const batch = async (tx: Tx, changes: CaseChange[]) => {
    // a new case: opened live, or imported with its history (its last event is then not the opening)
    const opened = changes.filter((c) => c.before === null);
    if (!opened.length) return;
    const phones = await phoneDigestsOf(
      tx,
      deps,
      opened.map((c) => c.after),
    );
    const byCounty = new Map<string, Set<string>>();
    for (const c of opened)
      for (const d of phones.get(`${c.after.countyId}\t${c.after.id}`) ?? [])
        byCounty.set(c.after.countyId, (byCounty.get(c.after.countyId) ?? new Set()).add(d));
    const named = new Map<string, HouseholdRow[]>();
    for (const [countyId, digests] of byCounty) {
      for (const slice of inSlices([...digests], DIGESTS_PER_QUERY))
        for (const h of await repo.byPhoneDigests(tx, countyId, slice)) {
          const k = `${countyId}\t${h.headPhoneDigest}`;
          named.set(k, [...(named.get(k) ?? []), h]);
        }
    }
    if (!named.size) return;
    // a household named by several new cases moves on with each one (its version goes up)
    const current = new Map<string, HouseholdRow>();
    for (const { after, event } of opened) {
      const seen = new Set<string>();
      for (const d of phones.get(`${after.countyId}\t${after.id}`) ?? [])
        for (const h of named.get(`${after.countyId}\t${d}`) ?? []) {
          if (seen.has(h.id)) continue;
          seen.add(h.id);
          const row = current.get(h.id) ?? h;
          const { linked: _, ...next } = await promptRegrade(
            tx,
            row,
            after.id,
            'phone',
            { kind: after.kind, urgent: after.colour === 'red', colour: after.colour },
            new Date(event.at),
          );
          current.set(h.id, next);
        }
    }
  };
  return Object.assign((tx: Tx, change: CaseChange) => batch(tx, [change]), { batch });
}

/** The blind phone digests of each case's parties (`county \t case` → digests), in one query. */
async function phoneDigestsOf(
  tx: Tx,
  deps: Pick<AppDeps, 'pii'>,
  list: Pick<CaseState, 'countyId' | 'id'>[],
) {
  const keys = JSON.stringify(list.map((c) => [c.countyId, c.id]));
  const { rows } = await tx.execute<{ county_id: string; case_id: string; phone: string | null }>(sql`
    select p.county_id, p.case_id, p.phone from case_parties p
      join json_array_elements(${keys}::json) k on p.county_id = k->>0 and p.case_id = k->>1`);
  const out = new Map<string, string[]>();
  for (const r of rows) {
    const phone = deps.pii.open(r.phone, PARTY_PURPOSE.phone);
    if (!phone) continue;
    const k = `${r.county_id}\t${r.case_id}`;
    out.set(k, [...(out.get(k) ?? []), deps.pii.blind('phone', phone)]);
  }
  return out;
}
