import { type CaseState, canView, HeweiError } from '@hewei/domain';
import { and, asc, eq } from 'drizzle-orm';
import { attachments } from '../../db/schema/index.ts';
import type { AppDeps } from '../../deps.ts';
import type { Viewer } from '../../http/access.ts';
import { sha256 } from '../../lib/crypto.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { casesRepository } from '../cases/cases.repository.ts';
import { reencodeImage } from './attachments.images.ts';
import { safeFileName, sniff } from './attachments.sniff.ts';

export const MAX_BYTES = { image: 15 * 1024 * 1024, audio: 20 * 1024 * 1024, document: 20 * 1024 * 1024 };
export const UPLOAD_LIMIT = 25 * 1024 * 1024;
const LINK_TTL_MS = 5 * 60_000;
/** who may add files to a case they can see; leaders, supervisors and admins only look */
const UPLOADERS = [
  'resident',
  'operator',
  'grid_worker',
  'dispatcher',
  'handler',
  'mediator',
  'expert',
  'counsellor',
];

export type AttachmentRow = typeof attachments.$inferSelect;

interface LinkClaims {
  c: string; // county
  k: string; // case
  a: string; // attachment
  v: string; // viewer it was made for
  e: number; // expires, ms
}

export function attachmentsService(deps: AppDeps) {
  const { db } = deps;

  async function visibleCase(viewer: Viewer, caseId: string): Promise<CaseState> {
    const state = await casesRepository.loadCase(db, viewer.countyId, caseId);
    if (!state || !canView(state, viewer)) throw new HeweiError('NOT_FOUND');
    return state;
  }

  function link(viewer: Viewer, row: AttachmentRow) {
    const claims: LinkClaims = {
      c: row.countyId,
      k: row.caseId,
      a: row.id,
      v: viewer.userId,
      e: deps.clock.now().getTime() + LINK_TTL_MS,
    };
    const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return {
      url: `/api/v1/files/${row.id}?token=${body}.${deps.pii.sign(`file:${body}`)}`,
      expiresAt: new Date(claims.e).toISOString(),
    };
  }

  return {
    link,
    /** 404 when the case is out of sight, 403 when the viewer only looks: before the body is read */
    async uploadTarget(viewer: Viewer, caseId: string) {
      const state = await visibleCase(viewer, caseId);
      if (!UPLOADERS.includes(viewer.role)) throw new HeweiError('FORBIDDEN');
      return state;
    },

    async upload(viewer: Viewer, caseId: string, raw: Buffer, name: string | undefined) {
      const state = await this.uploadTarget(viewer, caseId);
      let type = sniff(raw);
      if (!type) throw new HeweiError('VALIDATION_FAILED', { field: 'file', rule: 'FILE_TYPE_NOT_ALLOWED' });
      if (raw.length > MAX_BYTES[type.kind]) throw new HeweiError('PAYLOAD_TOO_LARGE', { field: 'file' });
      let bytes = raw;
      if (type.kind === 'image') ({ bytes, type } = await reencodeImage(raw, type));
      const now = deps.clock.now();
      const id = uuidv7(now.getTime());
      const storageKey = `attachments/${state.countyId}/${state.id}/${id}`;
      await deps.storage.put(storageKey, bytes);
      const row: AttachmentRow = {
        countyId: state.countyId,
        id,
        caseId: state.id,
        fileName: safeFileName(name, type.ext),
        mime: type.mime,
        size: bytes.length,
        sha256: sha256(bytes),
        storageKey,
        uploadedBy: viewer.userId,
        createdAt: now,
      };
      await db.insert(attachments).values(row);
      return row;
    },

    async list(viewer: Viewer, caseId: string) {
      const state = await visibleCase(viewer, caseId);
      return db
        .select()
        .from(attachments)
        .where(and(eq(attachments.countyId, state.countyId), eq(attachments.caseId, state.id)))
        .orderBy(asc(attachments.createdAt), asc(attachments.id));
    },

    async linkFor(viewer: Viewer, caseId: string, attachmentId: string) {
      const rows = await this.list(viewer, caseId);
      const row = rows.find((r) => r.id === attachmentId);
      if (!row) throw new HeweiError('NOT_FOUND');
      return link(viewer, row);
    },

    /**
     * Opens a download link: it must be genuine, unexpired, made for this viewer, and the viewer
     * must still see the case (a link outlives no change of scope).
     */
    async open(viewer: Viewer, attachmentId: string, token: string) {
      const [body, sig] = token.split('.');
      if (!body || !sig || !deps.pii.verify(`file:${body}`, sig)) throw new HeweiError('NOT_FOUND');
      let claims: LinkClaims;
      try {
        claims = JSON.parse(Buffer.from(body, 'base64url').toString());
      } catch {
        throw new HeweiError('NOT_FOUND');
      }
      if (claims.a !== attachmentId || claims.v !== viewer.userId || claims.c !== viewer.countyId)
        throw new HeweiError('NOT_FOUND');
      if (!(claims.e > deps.clock.now().getTime()))
        throw new HeweiError('NOT_FOUND', { rule: 'LINK_EXPIRED' });
      await visibleCase(viewer, claims.k);
      const [row] = await db
        .select()
        .from(attachments)
        .where(
          and(
            eq(attachments.countyId, claims.c),
            eq(attachments.caseId, claims.k),
            eq(attachments.id, claims.a),
          ),
        );
      if (!row) throw new HeweiError('NOT_FOUND');
      await recordAudit(db, {
        at: deps.clock.now(),
        action: 'attachment.downloaded',
        actorId: viewer.userId,
        target: `case:${row.caseId}`,
        data: { attachmentId: row.id },
      });
      return { row, stream: deps.storage.get(row.storageKey) };
    },
  };
}
export type AttachmentsService = ReturnType<typeof attachmentsService>;
