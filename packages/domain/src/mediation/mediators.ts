// Choosing a mediator: conflicts of interest (回避) and the marketplace ranking (调解超市 / 点将).
import { chineseSurname } from './people.ts';

/** Where someone belongs, from the county down. */
export interface RegionPath {
  countyId: string;
  townId?: string;
  villageId?: string;
}

export interface Relative {
  name: string;
  idNumber?: string;
  /** 配偶, 父母, 子女, 兄弟姐妹, 姻亲 … */
  relation: string;
}

export interface MediatorProfile {
  id: string;
  name: string;
  idNumber?: string;
  organisationId: string;
  /** Dispute category codes, dotted from general to specific: 'family', 'family.inheritance', 'general'. */
  specialties: string[];
  region: RegionPath;
  /** The 村(居)民委员会 the mediator sits on or belongs to. */
  villageCommitteeId?: string;
  /** Close relatives the mediator has declared. */
  relatives?: Relative[];
  /** Mediations in progress. */
  activeCases: number;
  /** Most mediations at once; default 10. */
  capacity?: number;
  /** Closed mediations and how many ended in an agreement. */
  record?: { closed: number; succeeded: number };
  /** False while on leave. */
  available?: boolean;
}

export interface DisputeParty {
  id: string;
  name: string;
  idNumber?: string;
  region?: RegionPath;
  /** The 村(居)民委员会 the party belongs to (as resident or member). */
  villageCommitteeId?: string;
}

export interface DisputeContext {
  category: string;
  region: RegionPath;
  parties: DisputeParty[];
}

export type ConflictCode =
  | 'is_party'
  | 'listed_relative'
  | 'same_surname_same_village'
  | 'same_village_committee';

export interface ConflictReason {
  code: ConflictCode;
  partyId: string;
  /** 'block': must not mediate; 'warn': may, if the parties agree after being told. */
  severity: 'block' | 'warn';
  detail: string;
}

const norm = (s: string | undefined) => (s ?? '').replace(/\s+/g, '').toUpperCase();

/**
 * Reasons the mediator should stand aside or disclose (回避). A mediator who is a party or a
 * declared close relative of one is blocked; the same surname in the same village (a likely clan
 * tie) and the same village committee are warnings to be disclosed to the parties.
 */
export function conflictsOfInterest(
  mediator: MediatorProfile,
  parties: readonly DisputeParty[],
): ConflictReason[] {
  const out: ConflictReason[] = [];
  const surname = chineseSurname(mediator.name);
  for (const p of parties) {
    const sameId = norm(mediator.idNumber) !== '' && norm(mediator.idNumber) === norm(p.idNumber);
    if (sameId || (mediator.id === p.id && mediator.id !== '')) {
      out.push({
        code: 'is_party',
        partyId: p.id,
        severity: 'block',
        detail: `调解员${mediator.name}本人是当事人`,
      });
      continue;
    }
    const relative = (mediator.relatives ?? []).find((r) =>
      norm(r.idNumber) !== '' && norm(p.idNumber) !== ''
        ? norm(r.idNumber) === norm(p.idNumber)
        : norm(r.name) === norm(p.name),
    );
    if (relative !== undefined)
      out.push({
        code: 'listed_relative',
        partyId: p.id,
        severity: 'block',
        detail: `当事人${p.name}是调解员${mediator.name}申报的近亲属（${relative.relation}）`,
      });
    const village = mediator.region.villageId;
    if (
      village !== undefined &&
      village === p.region?.villageId &&
      surname !== '' &&
      surname === chineseSurname(p.name)
    )
      out.push({
        code: 'same_surname_same_village',
        partyId: p.id,
        severity: 'warn',
        detail: `调解员与当事人${p.name}同村同姓（${surname}），可能存在宗亲关系`,
      });
    if (mediator.villageCommitteeId !== undefined && mediator.villageCommitteeId === p.villageCommitteeId)
      out.push({
        code: 'same_village_committee',
        partyId: p.id,
        severity: 'warn',
        detail: `调解员与当事人${p.name}属同一村（居）民委员会`,
      });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Ranking

export type RecommendationFactor = 'specialty' | 'region' | 'caseload' | 'success';

export interface FactorScore {
  factor: RecommendationFactor;
  /** 0..1 */
  score: number;
  weight: number;
  /** Why, in Chinese, for the applicant choosing in the marketplace. */
  text: string;
}

export interface Recommendation {
  mediator: MediatorProfile;
  /** Weighted sum, 0..1; 0 for an ineligible mediator. */
  score: number;
  eligible: boolean;
  /** Why not eligible: blocking conflicts, unavailable, at capacity. */
  excludedBecause: string[];
  factors: FactorScore[];
  conflicts: ConflictReason[];
  /** Other things said about the score (warnings that lowered it). */
  notes: string[];
}

export interface RecommendWeights {
  specialty: number;
  region: number;
  caseload: number;
  success: number;
}

export const DEFAULT_RECOMMEND_WEIGHTS: RecommendWeights = {
  specialty: 0.4,
  region: 0.25,
  caseload: 0.15,
  success: 0.2,
};

export const DEFAULT_MEDIATOR_CAPACITY = 10;

/** Each kind of 'warn' conflict multiplies the score by this. */
export const WARNING_PENALTY = 0.85;

/** How well a specialty list covers a dotted category code: 1 exact, 0.8 a broader specialty, … */
export function specialtyMatch(
  specialties: readonly string[],
  category: string,
): { score: number; matched?: string } {
  let best: { score: number; matched?: string } = { score: 0 };
  const top = category.split('.')[0];
  for (const s of specialties) {
    let score = 0;
    if (s === category) score = 1;
    else if (category.startsWith(`${s}.`)) score = 0.8;
    else if (s.startsWith(`${category}.`)) score = 0.7;
    else if (s.split('.')[0] === top) score = 0.5;
    else if (s === 'general') score = 0.3;
    if (score > best.score) best = { score, matched: s };
  }
  return best;
}

/** 1 same village, 0.7 same town, 0.4 same county, 0 elsewhere. */
export function regionProximity(a: RegionPath, b: RegionPath): number {
  if (a.countyId !== b.countyId) return 0;
  if (a.townId === undefined || a.townId !== b.townId) return 0.4;
  if (a.villageId === undefined || a.villageId !== b.villageId) return 0.7;
  return 1;
}

/**
 * Success rate smoothed towards 50 % (two agreements in four prior cases), so a newcomer with one
 * lucky case does not outrank a mediator with a long record.
 */
export function smoothedSuccessRate(record: { closed: number; succeeded: number } | undefined): number {
  const closed = record?.closed ?? 0;
  const succeeded = record?.succeeded ?? 0;
  return (succeeded + 2) / (closed + 4);
}

/** Ranks mediators for a dispute, best first, with the reasons; ineligible ones come last. */
export function recommendMediators(
  mediators: readonly MediatorProfile[],
  dispute: DisputeContext,
  weights: RecommendWeights = DEFAULT_RECOMMEND_WEIGHTS,
): Recommendation[] {
  const total = weights.specialty + weights.region + weights.caseload + weights.success || 1;
  const recs = mediators.map((m): Recommendation => {
    const conflicts = conflictsOfInterest(m, dispute.parties);
    const excludedBecause: string[] = [];
    for (const c of conflicts) if (c.severity === 'block') excludedBecause.push(c.detail);
    if (m.available === false) excludedBecause.push('调解员暂不接案');
    const capacity = m.capacity ?? DEFAULT_MEDIATOR_CAPACITY;
    if (m.activeCases >= capacity) excludedBecause.push(`在办案件已满（${m.activeCases}/${capacity}）`);

    const spec = specialtyMatch(m.specialties, dispute.category);
    const prox = regionProximity(m.region, dispute.region);
    const load = Math.max(0, 1 - m.activeCases / capacity);
    const rate = smoothedSuccessRate(m.record);
    const closed = m.record?.closed ?? 0;
    const factors: FactorScore[] = [
      {
        factor: 'specialty',
        score: spec.score,
        weight: weights.specialty,
        text:
          spec.score === 1
            ? `擅长该类纠纷（${spec.matched}）`
            : spec.score > 0
              ? `专长相关（${spec.matched}）`
              : '无相关专长',
      },
      {
        factor: 'region',
        score: prox,
        weight: weights.region,
        text: prox === 1 ? '同村' : prox === 0.7 ? '同乡镇' : prox === 0.4 ? '同县' : '外县',
      },
      {
        factor: 'caseload',
        score: load,
        weight: weights.caseload,
        text: `在办 ${m.activeCases} 件，上限 ${capacity} 件`,
      },
      {
        factor: 'success',
        score: rate,
        weight: weights.success,
        text:
          closed === 0
            ? '暂无办结案件（按平均水平计）'
            : `办结 ${closed} 件，调解成功 ${m.record?.succeeded ?? 0} 件`,
      },
    ];
    const eligible = excludedBecause.length === 0;
    const notes: string[] = [];
    const warnings = new Set(conflicts.filter((c) => c.severity === 'warn').map((c) => c.code)).size;
    let score = eligible ? factors.reduce((a, f) => a + f.score * f.weight, 0) / total : 0;
    if (eligible && warnings > 0) {
      score *= WARNING_PENALTY ** warnings;
      notes.push(`存在 ${warnings} 项需向当事人说明的关联情形，推荐分下调`);
    }
    return {
      mediator: m,
      score: Math.round(score * 10_000) / 10_000,
      eligible,
      excludedBecause,
      factors,
      conflicts,
      notes,
    };
  });
  return recs.sort(
    (a, b) =>
      Number(b.eligible) - Number(a.eligible) ||
      b.score - a.score ||
      (a.mediator.id < b.mediator.id ? -1 : a.mediator.id > b.mediator.id ? 1 : 0),
  );
}
