import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import { caseKeys } from './case-keys.ts';

/**
 * One EventSource per tab on the server's live case events (GET /api/v1/events/stream), shared
 * by every live queue on the page. Each `case` event invalidates the case lists and that case's
 * detail and timeline, so boards refresh without a reload. Polling stays on as the fallback,
 * slow while the stream is connected.
 */
const STREAM_URL = '/api/v1/events/stream';
const DEBOUNCE_MS = 250;
const RETRY_CLOSED_MS = 30_000;

let source: EventSource | null = null;
let users = 0;
let connected = false;
let everConnected = false;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let flushTimer: ReturnType<typeof setTimeout> | undefined;
const pending = new Set<string>();
const listeners = new Set<() => void>();

function setConnected(value: boolean) {
  if (connected === value) return;
  connected = value;
  for (const l of listeners) l();
}

function flush(qc: QueryClient) {
  flushTimer = undefined;
  const ids = [...pending];
  pending.clear();
  void qc.invalidateQueries({ queryKey: caseKeys.lists() });
  for (const id of ids) {
    void qc.invalidateQueries({ queryKey: caseKeys.detail(id) });
    void qc.invalidateQueries({ queryKey: caseKeys.timeline(id) });
  }
}

function open(qc: QueryClient) {
  if (typeof EventSource === 'undefined') return;
  const es = new EventSource(STREAM_URL, { withCredentials: true });
  source = es;
  es.addEventListener('ready', () => {
    // after a gap (reconnect), refetch once: changes made while away were not announced to us
    if (everConnected) void qc.invalidateQueries({ queryKey: caseKeys.lists() });
    everConnected = true;
    setConnected(true);
  });
  es.addEventListener('case', (e) => {
    try {
      const { caseId } = JSON.parse((e as MessageEvent<string>).data) as { caseId: string };
      pending.add(caseId);
    } catch {
      return;
    }
    if (flushTimer === undefined) flushTimer = setTimeout(() => flush(qc), DEBOUNCE_MS);
  });
  es.addEventListener('error', () => {
    setConnected(false);
    // the browser retries by itself unless the server refused (closed): then try again later
    if (es.readyState === EventSource.CLOSED && source === es) {
      source = null;
      retryTimer = setTimeout(() => {
        retryTimer = undefined;
        if (users > 0 && !source) open(qc);
      }, RETRY_CLOSED_MS);
    }
  });
}

function acquire(qc: QueryClient): () => void {
  users++;
  if (!source && !retryTimer) open(qc);
  return () => {
    users--;
    if (users > 0) return;
    clearTimeout(retryTimer);
    retryTimer = undefined;
    source?.close();
    source = null;
    setConnected(false);
  };
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

/** Keeps the live stream open while mounted (when enabled); returns whether it is connected. */
export function useCaseEvents(enabled: boolean): boolean {
  const qc = useQueryClient();
  useEffect(() => (enabled ? acquire(qc) : undefined), [enabled, qc]);
  return useSyncExternalStore(
    subscribe,
    () => connected && enabled,
    () => false,
  );
}
