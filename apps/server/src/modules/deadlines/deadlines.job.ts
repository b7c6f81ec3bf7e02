import { applySystemTransition, escalationPolicyFor, HeweiError, timerAction } from '@hewei/domain';
import type { AppDeps } from '../../deps.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { runCaseWriteHooks } from '../cases/case-hooks.ts';
import { casesRepository } from '../cases/cases.repository.ts';
import { fireClaimed } from './deadlines.batch.ts';
import { claimBatch } from './deadlines.claim.ts';
import { type DueTimer, deadlinesRepository as repo } from './deadlines.repository.ts';

export interface FireOptions {
  batch?: number;
  /** stop claiming new batches after this long, so a catch-up leaves room for the next tick */
  budgetMs?: number;
}

/**
 * Fires what is due, set-based: each batch claims its timers (and locks their cases) in one
 * UPDATE … WHERE (…) IN (SELECT … FOR UPDATE SKIP LOCKED LIMIT n) RETURNING, runs every firing
 * through the lifecycle in memory and writes the case rows, timeline events, outbox messages,
 * supervision records, notifications and timer outcomes in bulk, all in one transaction; a crash
 * rolls the batch back and another instance takes it. Several instances never claim the same timer.
 */
export async function fireDueTimers(deps: AppDeps, opts: FireOptions = {}): Promise<number> {
  const batch = opts.batch ?? 500;
  const started = Date.now();
  let total = 0;
  for (;;) {
    let claimed: DueTimer[] = [];
    try {
      claimed = await deps.db.transaction(async (tx) => {
        const now = deps.clock.now();
        const due = await claimBatch(tx, now, batch);
        await fireClaimed(tx, deps, due, now);
        return due;
      });
    } catch {
      // one firing failed unexpectedly: the batch rolled back; take them one at a time
      claimed = await fireSingly(deps, Math.min(batch, 50));
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
  const { action, payload } = timerAction(
    t,
    escalationPolicyFor(before.colour, deps.deadlines?.escalation(before.countyId)),
  );
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
  await runCaseWriteHooks(deps, tx, { before, after: result.state, event: result.event });
}
