import type { PGlite } from '@electric-sql/pglite';
import { type CaseState, canView } from '@hewei/domain';
import type pg from 'pg';
import type { AppDeps } from '../../deps.ts';
import type { Viewer } from '../../http/access.ts';
import { CASE_CHANNEL, type CaseNotice } from './events.notify.ts';

/** What a viewer is told: which case changed, to what status and version. Nothing personal. */
export interface CaseSignal {
  caseId: string;
  status: string;
  version: number;
}

interface Subscriber {
  viewer: Viewer;
  send(signal: CaseSignal): void;
}

type Unlisten = () => Promise<void>;

/** The scope part of a case, shaped so the domain's canView decides (it reads nothing else). */
function scopeState(n: CaseNotice): CaseState {
  return {
    regionPath: n.scope.regionPath,
    assignments: n.scope.departmentIds.map((departmentId) => ({ departmentId })),
    poolDepartmentIds: n.scope.poolDepartmentIds,
    applicantUserId: n.scope.applicantUserId,
  } as unknown as CaseState;
}

/** LISTEN on the database: a held pool connection on PostgreSQL, the embedded client on PGlite. */
async function listen(deps: AppDeps, onPayload: (p: string) => void, onLost: () => void): Promise<Unlisten> {
  if (deps.dbKind === 'pglite') {
    const client = (deps.db as unknown as { $client: PGlite }).$client;
    const off = await client.listen(CASE_CHANNEL, onPayload);
    return () => off();
  }
  const pool = (deps.db as unknown as { $client: pg.Pool }).$client;
  const conn = await pool.connect();
  let released = false;
  const release = (err?: Error) => {
    if (released) return;
    released = true;
    conn.release(err);
  };
  conn.on('notification', (m) => {
    if (m.channel === CASE_CHANNEL && m.payload) onPayload(m.payload);
  });
  conn.on('error', (err) => {
    release(err);
    onLost();
  });
  await conn.query(`LISTEN ${CASE_CHANNEL}`);
  return async () => {
    if (released) return;
    await conn.query(`UNLISTEN ${CASE_CHANNEL}`).catch(() => {});
    release();
  };
}

/**
 * Fans committed case changes out to the open streams of this instance. It listens on the database
 * from the first subscriber on, so every instance hears every committed write; each subscriber
 * hears only of cases the domain lets them view.
 */
export function createCaseEventHub(deps: AppDeps) {
  const subscribers = new Set<Subscriber>();
  let listening: Promise<Unlisten> | null = null;
  let closed = false;

  const deliver = (payload: string) => {
    let n: CaseNotice;
    try {
      n = JSON.parse(payload) as CaseNotice;
    } catch {
      return;
    }
    const state = scopeState(n);
    const signal: CaseSignal = { caseId: n.caseId, status: n.status, version: n.version };
    for (const s of subscribers) {
      if (s.viewer.countyId === n.countyId && canView(state, s.viewer)) s.send(signal);
    }
  };

  const ensure = (): Promise<Unlisten> => {
    if (!listening) {
      listening = listen(deps, deliver, () => {
        // the connection broke: listen again while anyone is subscribed (clients also poll slowly)
        listening = null;
        if (!closed && subscribers.size) setTimeout(() => void ensure().catch(() => {}), 1000).unref();
      });
      listening.catch(() => {
        listening = null;
      });
    }
    return listening;
  };

  return {
    /** Resolves once the database listener is in place, so nothing committed later is missed. */
    async subscribe(sub: Subscriber): Promise<() => void> {
      subscribers.add(sub);
      try {
        await ensure();
      } catch (e) {
        subscribers.delete(sub);
        throw e;
      }
      return () => {
        subscribers.delete(sub);
      };
    },
    get size() {
      return subscribers.size;
    },
    async close() {
      closed = true;
      subscribers.clear();
      const current = listening;
      listening = null;
      if (current) await (await current.catch(() => null))?.();
    },
  };
}
