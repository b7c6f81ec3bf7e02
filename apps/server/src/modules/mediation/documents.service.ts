// Issued documents: the bytes go to storage, the SHA-256 to mediation_documents and, through the
// lifecycle (recordMediationDocument), to the case timeline. Serving re-checks both.
import { HeweiError } from '@hewei/domain';
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { auditLog, caseEvents } from '../../db/schema/index.ts';
import type { AppDeps } from '../../deps.ts';
import { documentHash, verifyDocumentHash } from '../../documents/hash.ts';
import type { Viewer } from '../../http/access.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { transitionCase } from './case-link.ts';
import type { MediationView } from './mediation.policy.ts';
import { type DocumentRow, mediationRepository as repo } from './mediation.repository.ts';
import type { MediationService } from './mediation.service.ts';

export type DocumentKind = 'agreement' | 'confirmation' | 'referral' | 'referral_json';

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c as string));
  return Buffer.concat(chunks);
}

export function documentsService(deps: AppDeps, mediations: MediationService) {
  const { db, clock, storage } = deps;

  async function sealedHash(q: Tx | AppDeps['db'], doc: DocumentRow): Promise<string | null> {
    const [row] = await q
      .select({ data: caseEvents.data })
      .from(caseEvents)
      .where(
        and(
          eq(caseEvents.countyId, doc.countyId),
          eq(caseEvents.caseId, doc.caseId),
          eq(caseEvents.type, 'case.mediation_document_issued'),
          sql`${caseEvents.data}->>'documentId' = ${doc.id}`,
        ),
      );
    return (row?.data as { sha256?: string } | undefined)?.sha256 ?? null;
  }

  async function loadDoc(viewer: Viewer, id: string) {
    const doc = await repo.document(db, viewer.countyId, id);
    if (!doc) throw new HeweiError('NOT_FOUND');
    const view = await mediations.load(db, viewer, doc.mediationId);
    return { doc, view };
  }

  return {
    /** Stores the bytes and seals their hash on the case timeline, inside the caller's transaction. */
    async issue(
      tx: Tx,
      viewer: Viewer,
      view: MediationView,
      d: { kind: DocumentKind; refId: string; mime: string; bytes: Buffer; note: string },
    ) {
      const now = clock.now();
      const id = uuidv7(now.getTime());
      const hash = documentHash(d.bytes);
      const storageKey = `mediation/${view.m.countyId}/${view.m.id}/${id}.${d.mime === 'application/pdf' ? 'pdf' : 'json'}`;
      await storage.put(storageKey, d.bytes);
      const row: DocumentRow = {
        countyId: view.m.countyId,
        id,
        mediationId: view.m.id,
        caseId: view.m.caseId,
        kind: d.kind,
        refId: d.refId,
        mime: d.mime,
        storageKey,
        sha256: hash,
        bytes: d.bytes.length,
        createdBy: viewer.userId,
        createdAt: now,
      };
      await repo.insertDocument(tx, row);
      await transitionCase(deps, tx, viewer, view.m.countyId, view.m.caseId, 'recordMediationDocument', {
        kind: d.kind,
        documentId: id,
        sha256: hash,
        note: d.note,
      });
      return row;
    },

    /** The stored bytes, served only when they still match the hash sealed on the timeline. */
    async download(viewer: Viewer, id: string) {
      const { doc, view } = await loadDoc(viewer, id);
      const bytes = await readAll(storage.get(doc.storageKey));
      const sealed = await sealedHash(db, doc);
      if (sealed === null || !verifyDocumentHash(bytes, doc.sha256) || sealed !== doc.sha256)
        throw new HeweiError('CONFLICT', { rule: 'DOCUMENT_HASH_MISMATCH' });
      await db.insert(auditLog).values({
        id: uuidv7(clock.now().getTime()),
        at: clock.now(),
        actorId: viewer.userId,
        action: 'mediation.document_downloaded',
        target: doc.id,
        data: { kind: doc.kind, caseId: view.m.caseId, sha256: doc.sha256 },
      });
      return { doc, bytes };
    },

    async verify(viewer: Viewer, id: string) {
      const { doc } = await loadDoc(viewer, id);
      let actual: string | null = null;
      try {
        actual = documentHash(await readAll(storage.get(doc.storageKey)));
      } catch {
        actual = null;
      }
      const sealed = await sealedHash(db, doc);
      return {
        documentId: doc.id,
        kind: doc.kind,
        recorded: doc.sha256,
        sealedOnTimeline: sealed,
        actual,
        matches: actual === doc.sha256 && sealed === doc.sha256,
      };
    },

    list: (countyId: string, mediationId: string) => repo.documentsOf(db, countyId, mediationId),
  };
}

export type DocumentsService = ReturnType<typeof documentsService>;
