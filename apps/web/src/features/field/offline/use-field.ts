import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../../lib/api/client.ts';
import type { User } from '../../../lib/api/types.ts';
import { fetchMe } from '../../../lib/auth.ts';
import { fieldApi } from '../api/field-api.ts';
import type { QueuedAction, Today } from '../api/types.ts';
import { idb } from './idb.ts';
import { type FlushOutcome, flush, isOffline, onQueueChange, queuedActions } from './queue.ts';

export interface Snapshot {
  today: Today;
  savedAt: string;
}

/**
 * What the phone keeps belongs to one worker: another worker signing in starts from nothing, and a
 * session that ended (signed out elsewhere, revoked) leaves nothing behind unless unsent work would be
 * lost; that waits for the same worker to sign in again.
 */
async function keepOnlyFor(user: User | null) {
  const last = await idb.get<User>('kv', 'user');
  if (user) {
    if (last && last.id !== user.id) await idb.clear();
    await idb.put('kv', user, 'user');
  } else if (!(await queuedActions()).length) await idb.clear();
}

/** The signed-in grid worker; with no signal, the one who last signed in on this phone. */
export function useFieldUser() {
  const [state, setState] = useState<{ loading: boolean; user: User | null; offline: boolean }>({
    loading: true,
    user: null,
    offline: false,
  });
  useEffect(() => {
    let live = true;
    (async () => {
      try {
        const user = await fetchMe();
        await keepOnlyFor(user);
        if (live) setState({ loading: false, user, offline: false });
      } catch (e) {
        const user = isOffline(e) ? ((await idb.get<User>('kv', 'user')) ?? null) : null;
        if (live) setState({ loading: false, user, offline: true });
      }
    })();
    return () => {
      live = false;
    };
  }, []);
  return state;
}

export function useOnline() {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  return online;
}

/** Today's work as last fetched (kept on the phone), the queue, and syncing when the signal returns. */
export function useFieldData() {
  const online = useOnline();
  const [snapshot, setSnapshot] = useState<Snapshot | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [queue, setQueue] = useState<QueuedAction[]>([]);
  const [syncing, setSyncing] = useState(false);
  const [lastSync, setLastSync] = useState<FlushOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reloadQueue = useCallback(async () => setQueue(await queuedActions()), []);

  const refresh = useCallback(async () => {
    try {
      const today = await fieldApi.today();
      const snap = { today, savedAt: new Date().toISOString() };
      await idb.put('kv', snap, 'today');
      setSnapshot(snap);
      setError(null);
    } catch (e) {
      if (!isOffline(e)) setError((e as ApiError).message);
    }
  }, []);

  const sync = useCallback(async () => {
    setSyncing(true);
    try {
      const out = await flush();
      setLastSync(out);
      setError(null);
      await refresh();
    } catch (e) {
      // the session ended: the queue stays on the phone until the worker signs in again
      if (e instanceof ApiError && e.status === 401) window.location.assign('/login?next=%2Ffield');
      else if (!isOffline(e)) setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setSyncing(false);
      await reloadQueue();
    }
  }, [refresh, reloadQueue]);

  useEffect(() => {
    (async () => {
      const snap = await idb.get<Snapshot>('kv', 'today');
      if (snap) setSnapshot(snap);
      await reloadQueue();
      setLoaded(true);
    })();
    return onQueueChange(() => void reloadQueue());
  }, [reloadQueue]);

  useEffect(() => {
    if (online) void sync();
  }, [online, sync]);

  return { online, snapshot, loaded, queue, syncing, lastSync, error, sync, refresh };
}
