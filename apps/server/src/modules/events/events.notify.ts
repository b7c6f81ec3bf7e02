import type { CaseEvent, CaseState } from '@hewei/domain';
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import type { AppDeps, CaseWriteHook } from '../../deps.ts';

/** The one NOTIFY channel of committed case changes (lower case: PostgreSQL folds identifiers). */
export const CASE_CHANNEL = 'hewei_case';

/**
 * What a committed case change announces: the case, its status and version, and only what the
 * listeners need to decide who may know about it (no personal data). The scope is the union of
 * before and after, so a case that leaves a queue is announced to that queue as well.
 */
export interface CaseNotice {
  countyId: string;
  caseId: string;
  status: string;
  version: number;
  scope: {
    regionPath: string[];
    departmentIds: string[];
    poolDepartmentIds: string[];
    applicantUserId: string | null;
  };
}

type Change = { before: CaseState | null; after: CaseState; event: CaseEvent };

export function noticeOf({ before, after }: Change): CaseNotice {
  const union = (f: (s: CaseState) => string[]) => [...new Set([...(before ? f(before) : []), ...f(after)])];
  return {
    countyId: after.countyId,
    caseId: after.id,
    status: after.status,
    version: after.version,
    scope: {
      regionPath: union((s) => s.regionPath),
      departmentIds: union((s) => s.assignments.map((a) => a.departmentId)),
      poolDepartmentIds: union((s) => s.poolDepartmentIds),
      applicantUserId: after.applicantUserId,
    },
  };
}

/**
 * Announces every case write with pg_notify inside the writing transaction: PostgreSQL (and
 * PGlite, which is PostgreSQL) delivers it only when the transaction commits, so listeners never
 * hear of a change that rolled back, and every instance listening on the database hears it.
 */
export function caseNoticeHook(): CaseWriteHook & {
  batch: (tx: Tx, changes: Change[]) => Promise<void>;
} {
  const hook = async (tx: Tx, change: Change) => {
    await tx.execute(sql`select pg_notify(${CASE_CHANNEL}, ${JSON.stringify(noticeOf(change))})`);
  };
  return Object.assign(hook, {
    batch: async (tx: Tx, changes: Change[]) => {
      if (!changes.length) return;
      const payloads = JSON.stringify(changes.map((c) => JSON.stringify(noticeOf(c))));
      await tx.execute(
        sql`select pg_notify(${CASE_CHANNEL}, p) from json_array_elements_text(${payloads}::json) as p`,
      );
    },
  });
}

export function registerEvents(deps: AppDeps) {
  deps.hooks.caseWrite.push(caseNoticeHook());
}
