import { applyTransition, type CaseAction, HeweiError } from '@hewei/domain';
import { and, asc, eq, sql } from 'drizzle-orm';
import { consultationDecisions, consultationParticipants, consultations } from '../../db/schema/index.ts';
import type { AppDeps } from '../../deps.ts';
import type { Viewer } from '../../http/access.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { runCaseWriteHooks } from '../cases/case-hooks.ts';
import { casesRepository } from '../cases/cases.repository.ts';
import { casesService } from '../cases/cases.service.ts';

export interface ConveneInput {
  title: string;
  agenda: string;
  scheduledAt: string;
  departmentIds: string[];
  people: { userId?: string; name: string }[];
}
export interface ConcludeInput {
  minutes: string;
  attended: number[];
  decisions: { text: string; leadDepartmentId?: string; coDepartmentIds?: string[]; workingDays?: number }[];
}

const CONVENERS: readonly string[] = ['dispatcher', 'supervisor', 'leader'];

/** Joint consultations (会商研判): convene departments on a case, record minutes and decisions, assign. */
export function consultationsService(deps: AppDeps, cases = casesService(deps)) {
  const { db, clock, org } = deps;
  const department = (id: string, countyId: string, field: string) => {
    const d = org.department(id);
    if (!d || d.countyId !== countyId)
      throw new HeweiError('VALIDATION_FAILED', { field, rule: 'UNKNOWN_DEPARTMENT', params: { id } });
    return d;
  };

  const mayConvene = (v: Viewer) => {
    if (!CONVENERS.includes(v.role)) throw new HeweiError('FORBIDDEN');
  };

  async function load(v: Viewer, id: string) {
    const [c] = await db
      .select()
      .from(consultations)
      .where(and(eq(consultations.countyId, v.countyId), eq(consultations.id, id)));
    if (!c) throw new HeweiError('NOT_FOUND');
    await cases.get(v, c.caseId); // 404 unless the viewer may see the case
    return c;
  }

  return {
    async convene(v: Viewer, caseId: string, input: ConveneInput) {
      const state = await cases.get(v, caseId);
      mayConvene(v);
      if (state.closedAt) throw new HeweiError('RULE_VIOLATION', { rule: 'CONSULTATION_CASE_ENDED' });
      const depts = input.departmentIds.map((d) => department(d, v.countyId, 'departmentIds'));
      if (depts.length + input.people.length < 2)
        throw new HeweiError('VALIDATION_FAILED', {
          field: 'departmentIds',
          rule: 'CONSULTATION_NEEDS_PARTIES',
        });
      const now = clock.now();
      const id = uuidv7(now.getTime());
      await db.transaction(async (tx) => {
        await tx.insert(consultations).values({
          countyId: v.countyId,
          id,
          caseId,
          title: input.title,
          agenda: input.agenda,
          status: 'convened',
          convenedBy: v.userId,
          convenedAt: now,
          scheduledAt: new Date(input.scheduledAt),
        });
        const rows = [
          ...depts.map((d) => ({ departmentId: d.id, userId: null, name: d.name })),
          ...input.people.map((p) => ({ departmentId: null, userId: p.userId ?? null, name: p.name })),
        ];
        await tx.insert(consultationParticipants).values(
          rows.map((r, position) => ({
            ...r,
            countyId: v.countyId,
            consultationId: id,
            position,
            attendance: 'invited',
          })),
        );
        await recordAudit(tx, {
          at: now,
          action: 'consultation.convened',
          actorId: v.userId,
          target: `${caseId}/${id}`,
        });
      });
      return this.get(v, id);
    },

    async conclude(v: Viewer, id: string, input: ConcludeInput) {
      const c = await load(v, id);
      mayConvene(v);
      const assigning = input.decisions.filter((d) => d.leadDepartmentId);
      if (assigning.length > 1)
        throw new HeweiError('VALIDATION_FAILED', {
          field: 'decisions',
          rule: 'ONE_ASSIGNMENT_PER_CONSULTATION',
        });
      for (const d of assigning)
        for (const dep of [d.leadDepartmentId!, ...(d.coDepartmentIds ?? [])])
          department(dep, v.countyId, 'decisions');
      const now = clock.now();
      await db.transaction(async (tx) => {
        const done = await tx
          .update(consultations)
          .set({ status: 'concluded', minutes: input.minutes, concludedBy: v.userId, concludedAt: now })
          .where(
            and(
              eq(consultations.countyId, v.countyId),
              eq(consultations.id, id),
              eq(consultations.status, 'convened'),
            ),
          )
          .returning({ id: consultations.id });
        if (!done.length) throw new HeweiError('RULE_VIOLATION', { rule: 'CONSULTATION_CONCLUDED' });
        let seq: number | null = null;
        let dueAt: Date | null = null;
        const a = assigning[0];
        if (a) {
          // the decision becomes the case's assignment, through the lifecycle, in this transaction
          const before = (await casesRepository.loadCase(tx, v.countyId, c.caseId, true))!;
          const action: CaseAction = before.status === 'triaged' ? 'dispatch' : 'redispatch';
          const payload = {
            leadDepartmentId: a.leadDepartmentId,
            coDepartmentIds: a.coDepartmentIds ?? [],
            ...(action === 'redispatch'
              ? { reason: `会商决定：${a.text}`, workingDays: a.workingDays }
              : { note: a.text }),
          };
          const ctx = {
            now,
            calendar: deps.calendar,
            deadlinePolicies: deps.deadlinePolicies,
            newId: () => uuidv7(now.getTime()),
          };
          const result = applyTransition(before, action, payload, v, ctx);
          if (!(await casesRepository.saveTransition(tx, before, result.state, result.event)))
            throw new HeweiError('VERSION_CONFLICT');
          await runCaseWriteHooks(deps, tx, { before, after: result.state, event: result.event });
          seq = result.state.version;
          dueAt = result.state.resolveBy ? new Date(result.state.resolveBy) : null;
        }
        await tx.insert(consultationDecisions).values(
          input.decisions.map((d, position) => ({
            countyId: v.countyId,
            consultationId: id,
            position,
            text: d.text,
            leadDepartmentId: d.leadDepartmentId ?? null,
            coDepartmentIds: d.coDepartmentIds ?? [],
            workingDays: d.workingDays ?? null,
            dueAt: d === a ? dueAt : null,
            caseEventSeq: d === a ? seq : null,
          })),
        );
        await tx
          .update(consultationParticipants)
          .set({
            attendance: sql`case when ${consultationParticipants.position} = any(${sql.param(input.attended)}::int[]) then 'attended' else 'absent' end`,
          })
          .where(
            and(
              eq(consultationParticipants.countyId, v.countyId),
              eq(consultationParticipants.consultationId, id),
            ),
          );
        await recordAudit(tx, {
          at: now,
          action: 'consultation.concluded',
          actorId: v.userId,
          target: `${c.caseId}/${id}`,
          data: { decisions: input.decisions.length, caseEventSeq: seq },
        });
      });
      return this.get(v, id);
    },

    async get(v: Viewer, id: string) {
      const c = await load(v, id);
      const where = (t: typeof consultationParticipants | typeof consultationDecisions) =>
        and(eq(t.countyId, v.countyId), eq(t.consultationId, id));
      const participants = await db
        .select()
        .from(consultationParticipants)
        .where(where(consultationParticipants))
        .orderBy(asc(consultationParticipants.position));
      const decisions = await db
        .select()
        .from(consultationDecisions)
        .where(where(consultationDecisions))
        .orderBy(asc(consultationDecisions.position));
      return { ...c, participants, decisions };
    },

    async listForCase(v: Viewer, caseId: string) {
      await cases.get(v, caseId);
      const rows = await db
        .select({ id: consultations.id })
        .from(consultations)
        .where(and(eq(consultations.countyId, v.countyId), eq(consultations.caseId, caseId)))
        .orderBy(asc(consultations.convenedAt));
      return Promise.all(rows.map((r) => this.get(v, r.id)));
    },
  };
}
