import { applySystemTransition, escalationPolicyFor, HeweiError, timerAction } from '@hewei/domain';
import type { AppDeps } from '../../deps.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { casesRepository } from '../cases/cases.repository.ts';
import { type DueTimer, deadlinesRepository as repo } from './deadlines.repository.ts';

export interface FireOptions {
  batch?: number;
  /** stop claiming new batches after this long, so a catch-up leaves room for the next tick */
  budgetMs?: number;
}

/**
 * Fires what is due, in batches: each batch claims its timers (and their cases) with SKIP LOCKED,
 * writes each firing through the lifecycle (case row, timeline event, outbox, hooks) and marks the
 * timer fired, all in one transaction; a crash rolls the batch back and another instance takes it.
 */
export async function fireDueTimers(deps: AppDeps, opts: FireOptions = {}): Promise<number> {
  const batch = opts.batch ?? 200;
  const started = Date.now();
  let total = 0;
  for (;;) {
    let claimed: DueTimer[] = [];
    try {
      claimed = await deps.db.transaction(async (tx) => {
        const now = deps.clock.now();
        const due = await repo.claimDue(tx, now, batch);
        for (const t of due) await fireOne(tx, deps, t, now);
        return due;
      });
    } catch {
      // one firing failed unexpectedly: the batch rolled back; take them one at a time
      claimed = await fireSingly(deps, batch);
    }
    total += claimed.length;
    if (claimed.length < batch || Date.now() - started > (opts.budgetMs ?? 5000)) return total;
  }
}

/** The slow path: one transaction per timer; a timer that fails again is postponed with its error. */
async function fireSingly(deps: AppDeps, limit: number): Promise<DueTimer[]> {
  const done: DueTimer[] = [];
  for (let i = 0; i < limit; i++) {
    const t = await deps.db.transaction(async (tx) => {
      const now = deps.clock.now();
      const [one] = await repo.claimDue(tx, now, 1);
      if (!one) return null;
      try {
        await tx.transaction((sp) => fireOne(sp, deps, one, now));
      } catch (e) {
        await repo.postpone(tx, one, new Date(now.getTime() + 60_000), (e as Error).message);
      }
      return one;
    });
    if (!t) break;
    done.push(t);
  }
  return done;
}

/** The job the scheduler runs: follow policy changes made on other instances, then fire what is due. */
export async function deadlinesTick(deps: AppDeps) {
  await deps.deadlines?.refreshIfOlderThan(5000);
  return fireDueTimers(deps);
}

type Tx = Parameters<Parameters<AppDeps['db']['transaction']>[0]>[0];

async function fireOne(tx: Tx, deps: AppDeps, t: DueTimer, now: Date) {
  const before = await casesRepository.loadCase(tx, t.countyId, t.caseId);
  if (!before) return repo.markFired(tx, t, now, 'skipped:CASE_GONE', null);
  const { action, payload } = timerAction(t, escalationPolicyFor(before.colour));
  let result: ReturnType<typeof applySystemTransition>;
  try {
    result = applySystemTransition(before, action, payload, {
      now,
      calendar: deps.calendar,
      deadlinePolicies: deps.deadlinePolicies,
      newId: () => uuidv7(now.getTime()),
    });
  } catch (e) {
    if (e instanceof HeweiError && e.status < 500)
      return repo.markFired(tx, t, now, `skipped:${e.rule ?? e.code}`, null);
    throw e;
  }
  await repo.markFired(tx, t, now, 'fired', result.state.version);
  if (!(await casesRepository.saveTransition(tx, before, result.state, result.event)))
    throw new Error('case changed under a held lock');
  for (const hook of deps.hooks.caseWrite)
    await hook(tx, { before, after: result.state, event: result.event });
}
