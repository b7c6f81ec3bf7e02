// The mediation module moves its case only through the lifecycle: applyTransition decides, the
// cases repository writes the row, its timeline event and its outbox message, and the registered
// case-write hooks run, all inside the caller's transaction so the mediation rows commit with it.
import { applyTransition, type CaseAction, type CaseState, canView, HeweiError } from '@hewei/domain';
import type { Tx } from '../../db/client.ts';
import type { AppDeps } from '../../deps.ts';
import type { Viewer } from '../../http/access.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { openParty } from '../../lib/pii/columns.ts';
import { runCaseWriteHooks } from '../cases/case-hooks.ts';
import { casesRepository } from '../cases/cases.repository.ts';

export async function transitionCase(
  deps: AppDeps,
  tx: Tx,
  viewer: Viewer,
  countyId: string,
  caseId: string,
  action: CaseAction,
  payload: Record<string, unknown>,
): Promise<CaseState> {
  const before = await casesRepository.loadCase(tx, countyId, caseId, true);
  if (!before || !canView(before, viewer)) throw new HeweiError('NOT_FOUND');
  const now = deps.clock.now();
  const result = applyTransition(before, action, payload, viewer, {
    now,
    calendar: deps.calendar,
    newId: () => uuidv7(now.getTime()),
  });
  if (!(await casesRepository.saveTransition(tx, before, result.state, result.event)))
    throw new HeweiError('VERSION_CONFLICT');
  await runCaseWriteHooks(deps, tx, { before, after: result.state, event: result.event });
  return result.state;
}

/** The case's parties with their personal fields opened (they are sealed at rest). */
export async function partiesOf(deps: AppDeps, q: Tx | AppDeps['db'], countyId: string, caseId: string) {
  return (await casesRepository.parties(q, countyId, caseId)).map((p) => openParty(deps.pii, p));
}
