import type { CaseState } from '@hewei/domain';

/** Events that report what was done: the case's timeliness is judged at the latest one. */
export const RESULT_EVENTS = new Set(['case.result_reported', 'case.resolved_on_spot']);
export const SLOTS = 8;

type RollupInput = Pick<
  CaseState,
  | 'id'
  | 'regionPath'
  | 'gridId'
  | 'status'
  | 'colour'
  | 'kind'
  | 'channel'
  | 'categoryCode'
  | 'satisfaction'
  | 'mediationOutcome'
>;

export const gridNode = (gridId: string) => `g:${gridId}`;
/** The statuses a case ends in (it has a closedAt): not open. */
export const TERMINAL = new Set(['closed', 'rejected', 'withdrawn', 'merged']);

/** Every node a case counts under: each region on its path, and its grid. */
export function nodesOf(c: Pick<CaseState, 'regionPath' | 'gridId'>): string[] {
  return c.gridId ? [...c.regionPath, gridNode(c.gridId)] : [...c.regionPath];
}

/** The rollup keys (`node \t dim \t value`) one case contributes in its current state. */
export function rollupKeys(c: RollupInput, timeliness: string | null): string[] {
  const dims: [string, string][] = [
    ['status', c.status],
    ['colour', c.colour ?? 'none'],
    ['kind', c.kind],
    ['channel', c.channel],
    ['category', c.categoryCode],
  ];
  // open cases by colour (the overview's four-colour figure), so it is read from the rollup too
  if (!TERMINAL.has(c.status)) dims.push(['open_colour', c.colour ?? 'none']);
  if (c.satisfaction) dims.push(['satisfaction', c.satisfaction]);
  if (c.mediationOutcome) dims.push(['mediation', c.mediationOutcome]);
  if (timeliness) dims.push(['timeliness', timeliness]);
  const keys: string[] = [];
  for (const node of nodesOf(c)) for (const [dim, value] of dims) keys.push(`${node}\t${dim}\t${value}`);
  const leaf = c.regionPath[c.regionPath.length - 1];
  keys.push(`${leaf}\tgrid\t${c.gridId ?? '-'}`);
  return keys;
}

/** A result is on time when it came by the deadline then running (none: on time). */
export function timelinessOf(resultAt: string, resolveBy: string | null): 'on_time' | 'late' {
  return !resolveBy || Date.parse(resultAt) <= Date.parse(resolveBy) ? 'on_time' : 'late';
}

export function slotOf(caseId: string): number {
  let h = 2166136261;
  for (let i = 0; i < caseId.length; i++) h = Math.imul(h ^ caseId.charCodeAt(i), 16777619);
  return (h >>> 0) % SLOTS;
}

/** The Asia/Shanghai calendar day of an instant, as YYYY-MM-DD. */
export function shanghaiDay(at: string | Date): string {
  const t = typeof at === 'string' ? Date.parse(at) : at.getTime();
  return new Date(t + 8 * 3600_000).toISOString().slice(0, 10);
}
