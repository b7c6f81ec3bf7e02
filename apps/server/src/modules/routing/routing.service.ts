import { type Assignment, HeweiError } from '@hewei/domain';
import { and, asc, eq } from 'drizzle-orm';
import { bulkInsert } from '../../db/bulk.ts';
import type { Tx } from '../../db/client.ts';
import { caseGridStamps, routingOverrides, routingRules } from '../../db/schema/index.ts';
import type { AppDeps, CaseChange, CaseWriteHook } from '../../deps.ts';
import type { Viewer } from '../../http/access.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { casesService } from '../cases/cases.service.ts';
import { recordOrgChange } from '../org/org.audit.ts';
import { shanghaiDay } from '../org/org.locate.ts';
import { followsSuggestion, type RoutingCase, suggestRouting } from './routing.rules.ts';

export interface RuleInput {
  name: string;
  priority: number;
  categoryPrefix: string | null;
  regionId: string | null;
  kinds: string[];
  keywords: string[];
  leadDepartmentId: string;
  coDepartmentIds: string[];
  active: boolean;
  note: string | null;
}

export function routingService(deps: AppDeps) {
  const { db, org, clock } = deps;
  const cases = casesService(deps);

  /** for a case, or a sample case an administrator tries the rules on */
  function suggest(state: RoutingCase & { countyId: string }, at: Date) {
    const county = (x: { countyId: string }) => x.countyId === state.countyId;
    return suggestRouting(
      state,
      org.routingRules().filter(county),
      org.responsibilities().filter(county),
      shanghaiDay(at),
    );
  }

  function checkRule(v: Viewer, r: RuleInput) {
    for (const [field, id] of [
      ['leadDepartmentId', r.leadDepartmentId],
      ...r.coDepartmentIds.map((d) => ['coDepartmentIds', d]),
    ]) {
      const d = org.department(id);
      if (!d || d.countyId !== v.countyId)
        throw new HeweiError('VALIDATION_FAILED', { field, rule: 'UNKNOWN_DEPARTMENT', params: { id } });
    }
    if (r.regionId && org.region(r.regionId)?.countyId !== v.countyId)
      throw new HeweiError('VALIDATION_FAILED', {
        field: 'regionId',
        rule: 'UNKNOWN_REGION',
        params: { id: r.regionId },
      });
    if (r.coDepartmentIds.includes(r.leadDepartmentId))
      throw new HeweiError('VALIDATION_FAILED', { field: 'coDepartmentIds', rule: 'LEAD_NOT_CO' });
  }

  return {
    suggest,

    /** The suggestion for a case the viewer may see, with its place and the overrides so far. */
    async forCase(v: Viewer, id: string) {
      const state = await cases.get(v, id);
      if (v.role === 'resident') throw new HeweiError('FORBIDDEN');
      const [stamp] = await db
        .select()
        .from(caseGridStamps)
        .where(and(eq(caseGridStamps.countyId, state.countyId), eq(caseGridStamps.caseId, id)));
      const overrides = await db
        .select()
        .from(routingOverrides)
        .where(and(eq(routingOverrides.countyId, state.countyId), eq(routingOverrides.caseId, id)))
        .orderBy(asc(routingOverrides.eventSeq));
      return { state, stamp: stamp ?? null, overrides, ...suggest(state, clock.now()) };
    },

    async createRule(v: Viewer, input: RuleInput) {
      checkRule(v, input);
      const now = clock.now();
      const row = { countyId: v.countyId, id: uuidv7(now.getTime()), ...input };
      await db.transaction(async (tx) => {
        await tx.insert(routingRules).values(row);
        await recordOrgChange(tx, {
          countyId: v.countyId,
          actorId: v.userId,
          action: 'routing.rule.created',
          target: row.id,
          data: { after: row },
          at: now,
        });
      });
      await org.refresh();
      return row;
    },

    async updateRule(v: Viewer, id: string, patch: Partial<RuleInput>) {
      const before = org.routingRules().find((r) => r.id === id && r.countyId === v.countyId);
      if (!before) throw new HeweiError('NOT_FOUND');
      const after = { ...before, ...patch };
      checkRule(v, after);
      const now = clock.now();
      await db.transaction(async (tx) => {
        await tx
          .update(routingRules)
          .set(patch)
          .where(and(eq(routingRules.countyId, v.countyId), eq(routingRules.id, id)));
        await recordOrgChange(tx, {
          countyId: v.countyId,
          actorId: v.userId,
          action: 'routing.rule.updated',
          target: id,
          data: { before, after },
          at: now,
        });
      });
      await org.refresh();
      return after;
    },
  };
}

/**
 * When a dispatcher sends a case elsewhere than suggested, the difference is recorded beside the
 * timeline event, in the same transaction: the suggestion, the choice, and the reason given.
 */
export function routingOverrideHook(deps: AppDeps): CaseWriteHook {
  const service = routingService(deps);
  const rowOf = ({ after, event }: CaseChange) => {
    if (event.type !== 'case.dispatched' && event.type !== 'case.redispatched') return null;
    const at = new Date(event.at);
    const { suggestion } = service.suggest(after, at);
    if (!suggestion) return null;
    const assignments = (event.data.assignments ?? []) as Assignment[];
    const lead = assignments.find((a) => a.role === 'lead')?.departmentId ?? '';
    const co = assignments.filter((a) => a.role === 'co').map((a) => a.departmentId);
    if (followsSuggestion(suggestion, lead, co)) return null;
    return {
      countyId: after.countyId,
      id: uuidv7(at.getTime()),
      caseId: after.id,
      eventSeq: after.version,
      at,
      actorId: event.actor.id,
      suggested: suggestion,
      chosen: { leadDepartmentId: lead, coDepartmentIds: co },
      reason: event.reason ?? (event.data.note as string | undefined) ?? null,
    };
  };
  // many changes (an import): one insert for every override among them
  const batch = (tx: Tx, changes: CaseChange[]) =>
    bulkInsert(
      tx,
      routingOverrides,
      changes.map(rowOf).filter((r) => r !== null),
    );
  return Object.assign((tx: Tx, change: CaseChange) => batch(tx, [change]), { batch });
}
