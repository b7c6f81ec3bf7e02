import type { Locale } from '../../http/messages.ts';

type Counts = Record<string, Record<string, number>>;
const sum = (m: Record<string, number> | undefined, keys: string[]) =>
  keys.reduce((s, k) => s + (m?.[k] ?? 0), 0);
const allBut = (m: Record<string, number> | undefined, skip: string[]) =>
  Object.entries(m ?? {}).reduce((s, [k, n]) => (skip.includes(k) ? s : s + n), 0);

export const RESOLVED = ['verified', 'called_back', 'closed'];
const NOT_TAKEN_IN = ['submitted', 'rejected', 'withdrawn', 'merged'];

interface RateDef {
  key: string;
  label: [string, string];
  formula: [string, string];
  num(c: Counts): number;
  den(c: Counts): number;
}

/** The four headline rates, each with the formula it is computed by. */
export const RATES: RateDef[] = [
  {
    key: 'resolutionRate',
    label: ['化解率', 'Resolution rate'],
    formula: [
      '已化解（已核查、已回访、已结案）÷ 已受理（除待受理、不予受理、撤回、合并外的全部事项）',
      'resolved (verified, called back, closed) ÷ taken in (all but submitted, rejected, withdrawn, merged)',
    ],
    num: (c) => sum(c.status, RESOLVED),
    den: (c) => allBut(c.status, NOT_TAKEN_IN),
  },
  {
    key: 'mediationSuccessRate',
    label: ['调解成功率', 'Mediation success rate'],
    formula: [
      '达成调解协议 ÷ 调解已有结果（协议、失败、转诉讼/仲裁）',
      'agreements ÷ mediations concluded (agreement, failed, referred)',
    ],
    num: (c) => sum(c.mediation, ['agreement']),
    den: (c) => sum(c.mediation, ['agreement', 'failed', 'referred']),
  },
  {
    key: 'satisfactionRate',
    label: ['满意率', 'Satisfaction rate'],
    formula: [
      '（满意 + 基本满意）÷ 已回访评价（满意、基本满意、不满意）',
      '(satisfied + partly) ÷ rated (satisfied, partly, dissatisfied)',
    ],
    num: (c) => sum(c.satisfaction, ['satisfied', 'partly']),
    den: (c) => sum(c.satisfaction, ['satisfied', 'partly', 'dissatisfied']),
  },
  {
    key: 'onTimeRate',
    label: ['按期办结率', 'On-time rate'],
    formula: [
      '最近一次反馈结果在当时办理时限内的事项 ÷ 已反馈结果的事项',
      'cases whose latest result came by the deadline then running ÷ cases with a result',
    ],
    num: (c) => sum(c.timeliness, ['on_time']),
    den: (c) => sum(c.timeliness, ['on_time', 'late']),
  },
];

export function computeRates(c: Counts, locale: Locale) {
  const i = locale === 'en' ? 1 : 0;
  return RATES.map((r) => {
    const numerator = r.num(c);
    const denominator = r.den(c);
    return {
      key: r.key,
      label: r.label[i],
      formula: r.formula[i],
      numerator,
      denominator,
      value: denominator ? Math.round((numerator / denominator) * 10000) / 10000 : null,
    };
  });
}

const TERMINAL = ['closed', 'rejected', 'withdrawn', 'merged'];
export const openCount = (c: Counts) => allBut(c.status, TERMINAL);
