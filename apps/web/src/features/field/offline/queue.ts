import { ApiError, newIdempotencyKey } from '../../../lib/api/client.ts';
import { fieldApi } from '../api/field-api.ts';
import type { QueuedAction, SyncKind, SyncResult } from '../api/types.ts';
import { idb } from './idb.ts';

type Listener = () => void;
const listeners = new Set<Listener>();
export const onQueueChange = (f: Listener) => {
  listeners.add(f);
  return () => {
    listeners.delete(f);
  };
};
const changed = () => {
  for (const f of listeners) f();
};

export const queuedActions = async () =>
  (await idb.all<QueuedAction>('queue')).sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));

const MAX_SIDE = 1600;

/**
 * A camera photo redrawn at most 1600 px on its long side as JPEG: a few hundred kB to send over a
 * weak signal instead of several MB, and without the file's metadata (EXIF, its GPS position).
 */
async function shrink(file: Blob): Promise<Blob> {
  try {
    const img = await createImageBitmap(file);
    const scale = Math.min(1, MAX_SIDE / Math.max(img.width, img.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(img.width * scale));
    canvas.height = Math.max(1, Math.round(img.height * scale));
    canvas.getContext('2d')?.drawImage(img, 0, 0, canvas.width, canvas.height);
    img.close();
    const out = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.82));
    return out ?? file;
  } catch {
    return file;
  }
}

/** Keeps a photo on the phone until it is uploaded; it is addressed by its sha-256. */
export async function keepPhoto(original: Blob): Promise<string> {
  const file = await shrink(original);
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  const sha256 = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
  await idb.put('photos', { sha256, blob: file, mime: file.type || 'image/jpeg' });
  return sha256;
}

/** Records an action on the phone with its idempotency key; it is sent when there is a signal. */
export async function enqueue(kind: SyncKind, payload: Record<string, unknown>, photos: string[] = []) {
  const action: QueuedAction = {
    key: `fa-${newIdempotencyKey()}`,
    kind,
    payload,
    photos,
    createdAt: new Date().toISOString(),
    state: 'pending',
  };
  await idb.put('queue', action);
  changed();
  return action;
}

export async function discard(seq: number) {
  await idb.delete('queue', seq);
  changed();
}

export interface FlushOutcome {
  sent: number;
  applied: number;
  conflicts: number;
  rejected: number;
  waiting: number;
}

let running: Promise<FlushOutcome> | null = null;

/** Sends the queue: photos first (resumably), then the actions in order; one flush at a time. */
export function flush(): Promise<FlushOutcome> {
  running ??= send().finally(() => {
    running = null;
  });
  return running;
}

const BATCH = 100;

async function send(): Promise<FlushOutcome> {
  const out: FlushOutcome = { sent: 0, applied: 0, conflicts: 0, rejected: 0, waiting: 0 };
  for (;;) {
    const pending = (await queuedActions()).filter((a) => a.state === 'pending').slice(0, BATCH);
    if (!pending.length) return out;
    const before = out.waiting;
    await sendBatch(pending, out);
    if (pending.length < BATCH || out.waiting > before) return out;
  }
}

/** A photo the server refuses (too large, not an image) is not retried for ever: its actions say why. */
async function uploadPhotos(pending: QueuedAction[], out: FlushOutcome) {
  for (const sha of new Set(pending.flatMap((a) => a.photos))) {
    const photo = await idb.get<{ blob: Blob }>('photos', sha);
    if (!photo) continue;
    try {
      await fieldApi.upload(sha, photo.blob);
    } catch (e) {
      if (!(e instanceof ApiError) || e.status === 0 || e.status >= 500) throw e;
      for (const a of pending.filter((x) => x.photos.includes(sha))) {
        out.rejected++;
        await idb.put('queue', { ...a, state: 'rejected', error: { code: e.code, message: e.message } });
      }
    }
  }
}

async function sendBatch(batch: QueuedAction[], out: FlushOutcome) {
  await uploadPhotos(batch, out);
  const pending = (await queuedActions()).filter(
    (a) => a.state === 'pending' && batch.some((b) => b.key === a.key),
  );
  if (!pending.length) return;
  const { results } = await fieldApi.sync(pending);
  out.sent += results.length;
  const byKey = new Map(results.map((r) => [r.key, r]));
  for (const a of pending) {
    const r = byKey.get(a.key);
    if (!r) continue;
    await settle(a, r, out);
  }
  await forgetSentPhotos();
  changed();
}

async function settle(a: QueuedAction, r: SyncResult, out: FlushOutcome) {
  if (r.outcome === 'applied' || r.outcome === 'duplicate') {
    out.applied++;
    await idb.delete('queue', a.seq!);
  } else if (r.outcome === 'conflict') {
    out.conflicts++;
    await idb.put('queue', { ...a, state: 'conflict', conflict: r.conflict });
  } else if (r.outcome === 'rejected') {
    out.rejected++;
    await idb.put('queue', { ...a, state: 'rejected', error: r.error });
  } else out.waiting++;
}

async function forgetSentPhotos() {
  const still = new Set((await queuedActions()).flatMap((a) => a.photos));
  for (const p of await idb.all<{ sha256: string }>('photos'))
    if (!still.has(p.sha256)) await idb.delete('photos', p.sha256);
}

export const isOffline = (e: unknown) => e instanceof ApiError && e.status === 0;
