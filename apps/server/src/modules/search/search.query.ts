import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { caseSearch, cases } from '../../db/schema/index.ts';
import { indexTerms, words } from './segment.ts';

const lexeme = (t: string) => `'${t.replace(/\\/g, '').replace(/'/g, "''")}'`;

/** A tsquery over pre-segmented lexemes (cast, so PostgreSQL's own parser never re-splits them). */
export function tsqueryOf(terms: string[], op: '&' | '|' = '&') {
  return sql`${terms.map(lexeme).join(` ${op} `)}::tsquery`;
}

/** The query's words as jieba cuts them, deduplicated, at most 12. */
export function queryTerms(q: string): string[] {
  return [...new Set(words(q))].slice(0, 12);
}

/**
 * Every word must match, either whole or through the smaller words it contains: jieba may cut
 * 拖欠工资 as one word in a query and as 拖欠 + 工资 in a document; documents carry both forms.
 */
export function matchAllQuery(terms: string[]) {
  const groups = terms.map((w) => {
    const parts = indexTerms(w).filter((p) => p !== w && p.length > 1);
    return parts.length ? `(${lexeme(w)} | (${parts.map(lexeme).join(' & ')}))` : lexeme(w);
  });
  return sql`${groups.join(' & ')}::tsquery`;
}

/** How many of the newest matches are ranked: at least the deepest page (offset 1000 + limit 100 + 1). */
export const CANDIDATES = 1200;

/**
 * One page of matches, best first. Ranks a bounded set — the newest CANDIDATES matches the
 * viewer may see (`where` carries scope and filters, applied before the cut) — and reads the
 * full rows of the final page only. Returns limit + 1 rows at most (the extra one means "more").
 */
export function rankedPage(
  db: Db,
  match: SQL,
  where: SQL | undefined,
  page: { limit: number; offset: number },
) {
  const cand = db
    .select({ countyId: caseSearch.countyId, caseId: caseSearch.caseId, createdAt: cases.createdAt })
    .from(caseSearch)
    .innerJoin(cases, and(eq(cases.countyId, caseSearch.countyId), eq(cases.id, caseSearch.caseId)))
    .where(where)
    .orderBy(desc(cases.createdAt), desc(cases.id))
    .limit(CANDIDATES)
    .as('cand');
  const top = db
    .select({
      countyId: cand.countyId,
      caseId: cand.caseId,
      createdAt: cand.createdAt,
      rank: sql<number>`ts_rank(${caseSearch.doc}, ${match})`.as('rank'),
    })
    .from(cand)
    .innerJoin(caseSearch, and(eq(caseSearch.countyId, cand.countyId), eq(caseSearch.caseId, cand.caseId)))
    .orderBy(desc(sql`rank`), desc(cand.createdAt), desc(cand.caseId))
    .limit(page.limit + 1)
    .offset(page.offset)
    .as('top');
  return db
    .select({ c: cases, rank: top.rank })
    .from(top)
    .innerJoin(cases, and(eq(cases.countyId, top.countyId), eq(cases.id, top.caseId)))
    .orderBy(desc(top.rank), desc(top.createdAt), desc(top.caseId));
}
