import type { Viewer } from '../../http/access.ts';
import type { CasesService } from '../cases/cases.service.ts';
import type { CaseConflict } from './sync.schemas.ts';

const COMPARED = ['status', 'colour', 'complexity', 'description', 'categoryCode', 'ownerRegionId'] as const;

/**
 * What happened to a case since the phone read it: the current version and status, the fields
 * that differ from what the phone saw, and the timeline steps taken meanwhile.
 */
export async function caseConflict(
  cases: CasesService,
  v: Viewer,
  caseId: string,
  yourVersion: number,
  base: Record<string, unknown> | undefined,
): Promise<CaseConflict> {
  const state = await cases.get(v, caseId);
  const timeline = await cases.timeline(v, caseId);
  const now = state as unknown as Record<string, unknown>;
  const differs = COMPARED.filter((k) => base && k in base && base[k] !== now[k]).map((k) => ({
    field: k,
    was: base![k],
    now: now[k],
  }));
  return {
    caseId,
    yourVersion,
    current: {
      version: state.version,
      status: state.status,
      colour: state.colour,
      updatedAt: state.updatedAt,
      allowedActions: cases.allowedActions(state, v),
    },
    differs,
    changes: timeline
      .filter(({ event }) => event.seq > yourVersion)
      .map(({ event, actorName }) => ({
        seq: event.seq,
        type: event.type,
        at: event.at.toISOString(),
        actorName: actorName ?? event.actorId,
        toStatus: event.toStatus,
        reason: event.reason,
      })),
  };
}
