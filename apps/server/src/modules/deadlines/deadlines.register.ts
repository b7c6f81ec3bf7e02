import type { AppDeps } from '../../deps.ts';
import { calendarStoreOf } from '../calendar/calendar.store.ts';
import { deadlineTimersHook } from './deadlines.hook.ts';
import { createPolicyStore } from './deadlines.policies.ts';

/** Wires deadlines into the app: the county policies the lifecycle reads, and the timer hook. */
export function registerDeadlines(deps: AppDeps) {
  deps.deadlines = createPolicyStore(deps.db);
  deps.deadlinePolicies = deps.deadlines.policies;
  // administrators' holiday edits reach deps.calendar with every policy refresh (job tick, save)
  const calendar = calendarStoreOf(deps);
  deps.deadlines.onRefresh.push(() => calendar.refresh());
  deps.hooks.caseWrite.push(deadlineTimersHook(deps));
}
