import { HeweiError } from '@hewei/domain';
import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { attachments, fieldUploads } from '../../db/schema/index.ts';
import type { Viewer } from '../../http/access.ts';
import { fieldRepository } from './field.repository.ts';

/** An action naming a photo the phone has not finished uploading waits (retry), recording nothing. */
export async function requireUploaded(db: Db, v: Viewer, photos: string[] | undefined) {
  const have = new Set(
    (await fieldRepository.completeUploads(db, v.countyId, photos ?? [])).map((u) => u.sha256),
  );
  const missing = (photos ?? []).find((s) => !have.has(s));
  if (missing)
    throw new HeweiError('CONFLICT', {
      field: 'photos',
      rule: 'PHOTO_NOT_UPLOADED',
      params: { sha256: missing },
    });
}

/** The field photos become the case's attachments (once each, whatever the retries). */
export async function attachPhotos(
  tx: Db | Tx,
  v: Viewer,
  caseId: string,
  photos: string[] | undefined,
  now: Date,
) {
  for (const sha of photos ?? []) {
    const [u] = await tx
      .select()
      .from(fieldUploads)
      .where(and(eq(fieldUploads.countyId, v.countyId), eq(fieldUploads.sha256, sha)));
    if (!u?.storageKey) continue;
    await tx
      .insert(attachments)
      .values({
        countyId: v.countyId,
        id: `${caseId}:${sha.slice(0, 16)}`,
        caseId,
        fileName: `photo-${sha.slice(0, 8)}`,
        mime: u.mime,
        size: u.size,
        sha256: sha,
        storageKey: u.storageKey,
        uploadedBy: v.userId,
        createdAt: now,
      })
      .onConflictDoNothing();
  }
}
