import { ApiError, api } from '../../../lib/api/client.ts';
import { currentLocale } from '../../../lib/i18n/locale-state.ts';
import type {
  Household,
  QueuedAction,
  RegisterEntry,
  RegisterInput,
  SyncResult,
  Today,
  Visit,
} from './types.ts';

const CHUNK = 256 * 1024;

export const fieldApi = {
  today: () => api.get<Today>('/field/today'),
  sync: (actions: QueuedAction[]) =>
    api.post<{ results: SyncResult[] }>('/field/sync', {
      actions: actions.map((a) => ({ key: a.key, kind: a.kind, payload: a.payload })),
    }),
  regrade: (id: string, body: { version: number; level: string; reason: string }) =>
    api.post<Household>(`/households/${id}/risk`, body),
  reveal: (id: string) =>
    api.post<{ value: string | null }>(`/households/${id}/reveal`, { field: 'headPhone' }),
  visits: (id: string) => api.get<{ items: Visit[] }>(`/households/${id}/visits`),
  register: () => api.get<{ items: RegisterEntry[] }>('/field/register'),
  addEntry: (body: RegisterInput) => api.post<RegisterEntry>('/field/register', body),

  /** Sends a photo in chunks, going on from what the server already holds (a dropped signal loses little). */
  async upload(sha256: string, blob: Blob) {
    const status = await api.post<{ received: number; complete: boolean }>('/field/uploads', {
      sha256,
      size: blob.size,
      mime: blob.type || 'image/jpeg',
    });
    let offset = status.received;
    if (status.complete) return;
    while (offset < blob.size) {
      const res = await fetch(`/api/v1/field/uploads/${sha256}`, {
        method: 'PATCH',
        credentials: 'same-origin',
        headers: {
          'Content-Type': 'application/offset+octet-stream',
          'Upload-Offset': String(offset),
          'Accept-Language': currentLocale(),
        },
        body: blob.slice(offset, offset + CHUNK),
      }).catch((e: Error) => {
        throw new ApiError(0, 'NETWORK', e.message);
      });
      const body = await res.json().catch(() => ({}));
      if (res.status === 409)
        offset = (await api.get<{ received: number }>(`/field/uploads/${sha256}`)).received;
      else if (!res.ok)
        throw new ApiError(res.status, body?.error?.code ?? `HTTP_${res.status}`, body?.error?.message ?? '');
      else offset = body.received;
    }
  },
};
