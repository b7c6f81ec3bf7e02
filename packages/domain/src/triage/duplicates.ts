import { jaccard, normalisePhone, sharedWords } from './text.ts';

/** What duplicate scoring needs to know of a case, new or open. */
export interface DuplicateSubject {
  regionId: string;
  gridId: string | null;
  categoryCode: string;
  address: string | null;
  phones: readonly string[];
  names: readonly string[];
  words: ReadonlySet<string>;
}

export type DuplicateReason =
  | { code: 'same_phone' }
  | { code: 'same_party_name'; names: string[] }
  | { code: 'same_grid' }
  | { code: 'same_village' }
  | { code: 'same_address' }
  | { code: 'same_category' }
  | { code: 'similar_text'; similarity: number; words: string[] };

export const DUPLICATE_WEIGHTS = {
  same_phone: 0.35,
  same_party_name: 0.15,
  same_grid: 0.15,
  same_village: 0.1,
  same_address: 0.15,
  same_category: 0.1,
  similar_text: 0.45,
} as const;

/** Below this a pair is not suggested. */
export const DUPLICATE_THRESHOLD = 0.4;

/**
 * How likely two matters are the same one: a weighted sum of the facts they share, each named
 * as a reason, capped at 1. Text similarity is Jaccard over content words, scaled.
 */
export function scoreDuplicate(a: DuplicateSubject, b: DuplicateSubject) {
  const reasons: DuplicateReason[] = [];
  let score = 0;
  const phonesA = new Set(a.phones.map(normalisePhone).filter(Boolean));
  if (b.phones.some((p) => phonesA.has(normalisePhone(p)))) {
    reasons.push({ code: 'same_phone' });
    score += DUPLICATE_WEIGHTS.same_phone;
  }
  const names = b.names.filter((n) => n.length >= 2 && a.names.includes(n));
  if (names.length) {
    reasons.push({ code: 'same_party_name', names });
    score += DUPLICATE_WEIGHTS.same_party_name;
  }
  if (a.gridId && a.gridId === b.gridId) {
    reasons.push({ code: 'same_grid' });
    score += DUPLICATE_WEIGHTS.same_grid;
  } else if (a.regionId === b.regionId) {
    reasons.push({ code: 'same_village' });
    score += DUPLICATE_WEIGHTS.same_village;
  }
  const addrA = normaliseAddress(a.address);
  if (addrA && addrA === normaliseAddress(b.address)) {
    reasons.push({ code: 'same_address' });
    score += DUPLICATE_WEIGHTS.same_address;
  }
  if (a.categoryCode === b.categoryCode) {
    reasons.push({ code: 'same_category' });
    score += DUPLICATE_WEIGHTS.same_category;
  }
  const similarity = jaccard(a.words, b.words);
  if (similarity >= 0.15) {
    const words = sharedWords(a.words, b.words).slice(0, 8);
    reasons.push({ code: 'similar_text', similarity: Math.round(similarity * 100) / 100, words });
    score += DUPLICATE_WEIGHTS.similar_text * Math.min(1, similarity / 0.6);
  }
  return { score: Math.min(1, Math.round(score * 100) / 100), reasons };
}

function normaliseAddress(s: string | null): string | null {
  if (!s) return null;
  const t = s.replace(/[\s，,。.、\-—()（）]/g, '');
  return t.length >= 4 ? t : null;
}
