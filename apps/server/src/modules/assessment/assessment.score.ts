import type { CaseFact } from './assessment.facts.ts';

export type SubjectType = 'department' | 'town' | 'grid_worker';
export type MetricKey = 'onTime' | 'satisfaction' | 'objection' | 'reopen' | 'verifyOnTime';

interface MetricDef {
  key: MetricKey;
  weight: number;
  /** higher is better, or a rate of something bad (counted as 1 − rate) */
  good: boolean;
  label: [string, string];
  formula: [string, string];
  /** whether a case counts in the denominator, and in the numerator */
  test(f: CaseFact, subject: string): { in: boolean; hit: boolean };
}

export const METRICS: MetricDef[] = [
  {
    key: 'onTime',
    weight: 0.35,
    good: true,
    label: ['按期办结率', 'On-time rate'],
    formula: [
      '最近一次结果按期的事项 ÷ 有结果的事项',
      'cases whose latest result was on time ÷ cases with a result',
    ],
    test: (f) => ({ in: f.timeliness !== null, hit: f.timeliness === 'on_time' }),
  },
  {
    key: 'satisfaction',
    weight: 0.25,
    good: true,
    label: ['满意率', 'Satisfaction rate'],
    formula: ['（满意 + 基本满意）÷ 已评价', '(satisfied + partly) ÷ rated'],
    test: (f) => ({
      in: f.satisfaction !== null,
      hit: f.satisfaction === 'satisfied' || f.satisfaction === 'partly',
    }),
  },
  {
    key: 'objection',
    weight: 0.15,
    good: false,
    label: ['退回（异议）率', 'Return (objection) rate'],
    formula: ['提出异议的交办 ÷ 收到的交办', 'assignments objected to ÷ assignments received'],
    test: (f, s) => ({ in: f.assignedTo.includes(s), hit: f.objectedBy.includes(s) }),
  },
  {
    key: 'reopen',
    weight: 0.15,
    good: false,
    label: ['重办率', 'Reopen rate'],
    formula: ['被重办的事项 ÷ 事项', 'cases reopened ÷ cases'],
    test: (f) => ({ in: true, hit: f.reopened }),
  },
  {
    key: 'verifyOnTime',
    weight: 0.1,
    good: true,
    label: ['核查及时率', 'Verification timeliness'],
    formula: ['在核查时限内完成的核查 ÷ 核查', 'verifications within their deadline ÷ verifications'],
    test: (f) => ({ in: f.verifyOnTime !== null, hit: f.verifyOnTime === true }),
  },
];

/** Which metrics judge which kind of subject (the department's own objections; a worker's checks). */
export const METRICS_OF: Record<SubjectType, MetricKey[]> = {
  department: ['onTime', 'satisfaction', 'objection', 'reopen'],
  town: ['onTime', 'satisfaction', 'reopen', 'verifyOnTime'],
  grid_worker: ['verifyOnTime', 'satisfaction', 'reopen'],
};

/** The cases a subject answers for. */
export function belongs(type: SubjectType, f: CaseFact, subject: string): boolean {
  if (type === 'department') return f.assignedTo.includes(subject);
  if (type === 'town') return f.regionPath[1] === subject;
  return f.verifierId === subject;
}

export const TRAINING_POINT = 0.5;
export const TRAINING_CAP = 5;
export const SCORE_FORMULA: [string, string] = [
  '得分 = 100 × Σ(权重 × 指标) ÷ Σ(有数据指标的权重)，“坏”指标取 1 − 比率；培训竞赛每分加 0.5，最多加 5 分',
  'score = 100 × Σ(weight × metric) ÷ Σ(weights of metrics with data), bad rates as 1 − rate; +0.5 per training point, at most +5',
];

export function scoreSubject(type: SubjectType, subject: string, facts: CaseFact[], trainingPoints: number) {
  const mine = facts.filter((f) => belongs(type, f, subject));
  let weighted = 0;
  let weights = 0;
  const metrics = METRICS.filter((m) => METRICS_OF[type].includes(m.key)).map((m) => {
    let den = 0;
    let num = 0;
    for (const f of mine) {
      const r = m.test(f, subject);
      if (r.in) {
        den++;
        if (r.hit) num++;
      }
    }
    const rate = den ? num / den : null;
    if (rate !== null) {
      weighted += m.weight * (m.good ? rate : 1 - rate);
      weights += m.weight;
    }
    return {
      key: m.key,
      numerator: num,
      denominator: den,
      rate: rate === null ? null : round(rate),
      weight: m.weight,
      good: m.good,
    };
  });
  const bonus = Math.min(TRAINING_CAP, trainingPoints * TRAINING_POINT);
  const base = weights ? (100 * weighted) / weights : null;
  return {
    cases: mine.length,
    metrics,
    trainingPoints,
    score: base === null ? null : round(base + bonus, 1),
  };
}

const round = (x: number, d = 4) => Math.round(x * 10 ** d) / 10 ** d;
