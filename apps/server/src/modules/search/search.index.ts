import type { CaseState } from '@hewei/domain';
import { asc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { caseSearch, cases } from '../../db/schema/index.ts';
import type { CaseWriteHook } from '../../deps.ts';
import type { OrgDirectory } from '../org/org.directory.ts';
import { indexTerms } from './segment.ts';

type Indexed = Pick<
  CaseState,
  'countyId' | 'id' | 'trackingCode' | 'description' | 'address' | 'categoryCode'
>;

/** The terms a case is found by: its words (segmented), its place, its category in both languages. */
export function caseTerms(c: Indexed, org: OrgDirectory): string[] {
  const cat = org.category(c.categoryCode);
  const text = [c.description, c.address ?? '', cat?.name ?? '', cat?.nameEn ?? '', c.trackingCode].join(' ');
  return [...new Set([...indexTerms(text), c.trackingCode.toLowerCase()])];
}

// terms joined by one separator in one text parameter (drizzle would spread an array into a row)
const SEP = '\u001f';
const docOf = (terms: string[]) => sql`array_to_tsvector(string_to_array(${terms.join(SEP)}, chr(31)))`;

type Change = Parameters<CaseWriteHook>[1];
const textChanged = ({ before, after }: Change) =>
  !before ||
  before.description !== after.description ||
  before.address !== after.address ||
  before.categoryCode !== after.categoryCode;

/** Keeps each case's search entry in step with its text, in the write's own transaction. */
export function searchHook(
  org: OrgDirectory,
): CaseWriteHook & { batch(tx: Tx, changes: Change[]): Promise<void> } {
  const batch = async (tx: Tx, changes: Change[]) => {
    // the last text of each case in the batch, one upsert for all
    const latest = new Map<string, Indexed>();
    for (const c of changes) if (textChanged(c)) latest.set(`${c.after.countyId}\t${c.after.id}`, c.after);
    if (!latest.size) return;
    const rows = [...latest.values()].map((c) => ({
      c: c.countyId,
      i: c.id,
      t: caseTerms(c, org).join(SEP),
    }));
    // one upsert per 5,000 cases: the terms travel as text, PostgreSQL builds each tsvector
    for (let i = 0; i < rows.length; i += 5000)
      await tx.execute(sql`
        insert into case_search (county_id, case_id, doc)
        select x.c, x.i, array_to_tsvector(string_to_array(x.t, chr(31)))
          from json_to_recordset(${JSON.stringify(rows.slice(i, i + 5000))}::json) as x(c text, i text, t text)
        on conflict (county_id, case_id) do update set doc = excluded.doc`);
  };
  return Object.assign((tx: Tx, change: Change) => batch(tx, [change]), { batch });
}

/** Indexes every case of a county again (after a bulk load that bypassed the hooks). */
export async function rebuildSearch(db: Db, countyId: string, org: OrgDirectory) {
  await db.delete(caseSearch).where(eq(caseSearch.countyId, countyId));
  let after = '';
  for (;;) {
    const rows = await db
      .select({
        countyId: cases.countyId,
        id: cases.id,
        trackingCode: cases.trackingCode,
        description: cases.description,
        address: cases.address,
        categoryCode: cases.categoryCode,
      })
      .from(cases)
      .where(sql`${cases.countyId} = ${countyId} and ${cases.id} > ${after}`)
      .orderBy(asc(cases.id))
      .limit(500);
    if (!rows.length) return;
    await db
      .insert(caseSearch)
      .values(rows.map((c) => ({ countyId: c.countyId, caseId: c.id, doc: docOf(caseTerms(c, org)) })));
    after = rows[rows.length - 1].id;
  }
}
