import type { Tx } from '../../db/client.ts';
import type { AppDeps, CaseChange } from '../../deps.ts';

/** The one way a case write runs the modules' hooks, in its own transaction. */
export async function runCaseWriteHooks(deps: Pick<AppDeps, 'hooks'>, tx: Tx, change: CaseChange) {
  for (const hook of deps.hooks.caseWrite) await hook(tx, change);
}

/**
 * Many changes at once (an import, a batch of timers), in the order they happened: each hook's
 * batch form when it has one (a few statements for all), else the hook once per change.
 */
export async function runCaseWriteHooksBatch(deps: Pick<AppDeps, 'hooks'>, tx: Tx, changes: CaseChange[]) {
  if (!changes.length) return;
  for (const hook of deps.hooks.caseWrite) {
    if (hook.batch) await hook.batch(tx, changes);
    else for (const c of changes) await hook(tx, c);
  }
}
