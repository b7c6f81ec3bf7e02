import { sql } from 'drizzle-orm';
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
