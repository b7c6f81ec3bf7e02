// The household risk register (家庭风险五级分类): five levels, each with its follow-up cadence and,
// for the four risk levels, a warning colour and the body that handles it, rising with the risk.

export const RISK_LEVELS = ['safe', 'micro', 'low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const FOLLOW_UP_CADENCES = ['observe', 'monthly', 'twice_monthly', 'weekly', 'twice_weekly'] as const;
export type FollowUpCadence = (typeof FOLLOW_UP_CADENCES)[number];

export const WARNING_COLOURS = ['blue', 'yellow', 'orange', 'red'] as const;
export type WarningColour = (typeof WARNING_COLOURS)[number];

export const RISK_HANDLERS = [
  'village_womens_federation',
  'village_mediation_room',
  'town_mediation_center',
  'county_mediation_center',
] as const;
export type RiskHandler = (typeof RISK_HANDLERS)[number];

/** The region level at which a handler sits: its region is the household's ancestor at that level. */
export const HANDLER_REGION_LEVEL: Readonly<Record<RiskHandler, 'village' | 'town' | 'county'>> = {
  village_womens_federation: 'village',
  village_mediation_room: 'village',
  town_mediation_center: 'town',
  county_mediation_center: 'county',
};

export interface RiskProfile {
  level: RiskLevel;
  cadence: FollowUpCadence;
  /** null for a safe household: no warning, nobody beyond the grid worker */
  warning: WarningColour | null;
  handler: RiskHandler | null;
}

export const RISK_PROFILES: Readonly<Record<RiskLevel, RiskProfile>> = {
  safe: { level: 'safe', cadence: 'observe', warning: null, handler: null },
  micro: { level: 'micro', cadence: 'monthly', warning: 'blue', handler: 'village_womens_federation' },
  low: { level: 'low', cadence: 'twice_monthly', warning: 'yellow', handler: 'village_mediation_room' },
  medium: { level: 'medium', cadence: 'weekly', warning: 'orange', handler: 'town_mediation_center' },
  high: { level: 'high', cadence: 'twice_weekly', warning: 'red', handler: 'county_mediation_center' },
};

export const RISK_LABELS: Readonly<Record<RiskLevel, { zh: string; en: string }>> = {
  safe: { zh: '平安', en: 'Safe' },
  micro: { zh: '微风险', en: 'Micro risk' },
  low: { zh: '低风险', en: 'Low risk' },
  medium: { zh: '中风险', en: 'Medium risk' },
  high: { zh: '高风险', en: 'High risk' },
};

export const HANDLER_LABELS: Readonly<Record<RiskHandler, { zh: string; en: string }>> = {
  village_womens_federation: { zh: '村妇联执委', en: 'Village women’s federation member' },
  village_mediation_room: { zh: '村婚姻调解室', en: 'Village marriage-mediation room' },
  town_mediation_center: { zh: '乡镇婚姻调解中心', en: 'Town marriage-mediation center' },
  county_mediation_center: { zh: '县婚姻调解中心', en: 'County marriage-mediation center' },
};

export function isRiskLevel(v: unknown): v is RiskLevel {
  return typeof v === 'string' && (RISK_LEVELS as readonly string[]).includes(v);
}

/** 0 for safe … 4 for high. */
export function riskRank(level: RiskLevel): number {
  const i = RISK_LEVELS.indexOf(level);
  if (i < 0) throw new RangeError(`unknown risk level: ${String(level)}`);
  return i;
}

export const riskProfile = (level: RiskLevel): RiskProfile => {
  riskRank(level);
  return RISK_PROFILES[level];
};

/** The handler's region: the household's ancestor (path county → town → village) at the handler's level. */
export function handlerRegionId(handler: RiskHandler, regionPath: readonly string[]): string | null {
  const index = { county: 0, town: 1, village: 2 }[HANDLER_REGION_LEVEL[handler]];
  return regionPath[index] ?? null;
}
