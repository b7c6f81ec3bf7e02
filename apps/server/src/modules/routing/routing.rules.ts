// Routing suggestions: which department leads and which co-handle, from category × place. Pure:
// the rules, the responsibility list and the day are passed in. (The domain's triage folder is
// another module's; this stays here, free of I/O, until it moves there.)

export interface RoutingCase {
  categoryCode: string;
  kind: string;
  description: string;
  /** region ids, county first */
  regionPath: readonly string[];
}

export interface Rule {
  id: string;
  name: string;
  priority: number;
  categoryPrefix: string | null;
  regionId: string | null;
  kinds: string[];
  keywords: string[];
  leadDepartmentId: string;
  coDepartmentIds: string[];
  active: boolean;
}

export interface Responsibility {
  id: string;
  categoryCode: string;
  regionId: string;
  departmentId: string;
  role: string;
  validFrom: string;
  validTo: string | null;
}

/** One reason a rule or entry matched, as data: the presenter words it. */
export type Why =
  | { kind: 'category'; code: string }
  | { kind: 'region'; regionId: string }
  | { kind: 'case_kind'; value: string }
  | { kind: 'keyword'; value: string }
  | { kind: 'priority'; value: number };

export interface Suggestion {
  source: 'rule' | 'responsibility';
  ruleId: string | null;
  responsibilityIds: string[];
  leadDepartmentId: string;
  coDepartmentIds: string[];
  why: Why[];
}

/** Why a rule applies to the case, or null when it does not. */
export function matchRule(rule: Rule, c: RoutingCase): Why[] | null {
  if (!rule.active) return null;
  const why: Why[] = [{ kind: 'priority', value: rule.priority }];
  if (rule.categoryPrefix !== null) {
    if (!c.categoryCode.startsWith(rule.categoryPrefix)) return null;
    why.push({ kind: 'category', code: rule.categoryPrefix });
  }
  if (rule.regionId !== null) {
    if (!c.regionPath.includes(rule.regionId)) return null;
    why.push({ kind: 'region', regionId: rule.regionId });
  }
  if (rule.kinds.length) {
    if (!rule.kinds.includes(c.kind)) return null;
    why.push({ kind: 'case_kind', value: c.kind });
  }
  if (rule.keywords.length) {
    const hit = rule.keywords.find((k) => k && c.description.includes(k));
    if (!hit) return null;
    why.push({ kind: 'keyword', value: hit });
  }
  return why;
}

const effective = (r: Responsibility, day: string) =>
  r.validFrom <= day && (r.validTo === null || r.validTo >= day);

/**
 * Entries of the responsibility list for the case: the longest category match wins, then the
 * deepest region holding the place; separately for the lead and for co-handlers.
 */
export function matchResponsibilities(list: readonly Responsibility[], c: RoutingCase, day: string) {
  const best = (role: string) => {
    let score = -1;
    let rows: Responsibility[] = [];
    for (const r of list) {
      if (r.role !== role || !effective(r, day) || !c.categoryCode.startsWith(r.categoryCode)) continue;
      const depth = c.regionPath.indexOf(r.regionId);
      if (depth < 0) continue;
      const s = r.categoryCode.length * 10 + depth;
      if (s > score) [score, rows] = [s, [r]];
      else if (s === score) rows.push(r);
    }
    return rows;
  };
  return { lead: best('lead'), co: best('co') };
}

/**
 * The suggestion for a case: the first matching rule by priority (editable rules say "here, do it
 * differently"), else the responsibility list; and every alternative considered, for the screen.
 */
export function suggestRouting(
  c: RoutingCase,
  rules: readonly Rule[],
  list: readonly Responsibility[],
  day: string,
): { suggestion: Suggestion | null; alternatives: Suggestion[] } {
  const out: Suggestion[] = [];
  const ordered = [...rules].sort((a, b) => b.priority - a.priority || a.id.localeCompare(b.id));
  for (const rule of ordered) {
    const why = matchRule(rule, c);
    if (why)
      out.push({
        source: 'rule',
        ruleId: rule.id,
        responsibilityIds: [],
        leadDepartmentId: rule.leadDepartmentId,
        coDepartmentIds: rule.coDepartmentIds.filter((d) => d !== rule.leadDepartmentId),
        why,
      });
  }
  const { lead, co } = matchResponsibilities(list, c, day);
  if (lead.length) {
    const l = lead[0];
    const coIds = [...new Set(co.map((r) => r.departmentId))].filter((d) => d !== l.departmentId);
    out.push({
      source: 'responsibility',
      ruleId: null,
      responsibilityIds: [l.id, ...co.filter((r) => r.departmentId !== l.departmentId).map((r) => r.id)],
      leadDepartmentId: l.departmentId,
      coDepartmentIds: coIds,
      why: [
        { kind: 'category', code: l.categoryCode },
        { kind: 'region', regionId: l.regionId },
      ],
    });
  }
  return { suggestion: out[0] ?? null, alternatives: out.slice(1) };
}

/** Whether a dispatch followed the suggestion: same lead, same co-handlers in any order. */
export function followsSuggestion(
  s: Suggestion,
  leadDepartmentId: string,
  coDepartmentIds: readonly string[],
) {
  const a = [...s.coDepartmentIds].sort().join(',');
  const b = [...coDepartmentIds].sort().join(',');
  return s.leadDepartmentId === leadDepartmentId && a === b;
}
