import { applySystemTransition, applyTransition, type CaseAction, canView, HeweiError } from '@hewei/domain';
import type { Tx } from '../../db/client.ts';
import type { AppDeps } from '../../deps.ts';
import type { Viewer } from '../../http/access.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { runCaseWriteHooks } from '../cases/case-hooks.ts';
import { casesRepository } from '../cases/cases.repository.ts';

/**
 * One step of a case's lifecycle taken by a channel module (info requests, partner referrals),
 * inside the caller's transaction: the domain decides, the case row, its timeline event and its
 * outbox message are written together, and the case-write hooks run. `system` stands for what
 * arrives without a signed-in person (a resident's answer through a verified link).
 */
export async function stepCase(
  deps: AppDeps,
  tx: Tx,
  actor: Viewer | 'system',
  countyId: string,
  caseId: string,
  action: CaseAction,
  payload: Record<string, unknown>,
) {
  const before = await casesRepository.loadCase(tx, countyId, caseId, true);
  if (!before || (actor !== 'system' && !canView(before, actor))) throw new HeweiError('NOT_FOUND');
  const now = deps.clock.now();
  const ctx = {
    now,
    calendar: deps.calendar,
    newId: () => uuidv7(now.getTime()),
    deadlinePolicies: deps.deadlinePolicies,
  };
  const result =
    actor === 'system'
      ? applySystemTransition(before, action, payload, ctx)
      : applyTransition(before, action, payload, actor, ctx);
  if (!(await casesRepository.saveTransition(tx, before, result.state, result.event)))
    throw new HeweiError('VERSION_CONFLICT');
  await runCaseWriteHooks(deps, tx, { before, after: result.state, event: result.event });
  return result;
}
