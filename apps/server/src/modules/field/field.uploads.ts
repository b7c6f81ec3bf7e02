import { HeweiError } from '@hewei/domain';
import { and, asc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fieldUploadChunks, fieldUploads } from '../../db/schema/index.ts';
import type { AppDeps } from '../../deps.ts';
import { STAFF, viewerOf } from '../../http/access.ts';
import { sha256 } from '../../lib/crypto.ts';

// Photos from the field app arrive in chunks over a weak connection: the upload is addressed by
// the sha-256 of the whole file, the server says how much it holds, and the phone sends the rest
// from there (the tus protocol's idea, without its headers). Chunks wait in the database until
// the file is whole and its hash checks out; then it moves to file storage.

export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export const MAX_CHUNK_BYTES = 512 * 1024;
const CHUNK_TYPE = 'application/offset+octet-stream';
const MIMES = ['image/jpeg', 'image/png', 'image/webp'] as const;

const shaParams = z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/) });
const statusSchema = z.object({
  sha256: z.string(),
  size: z.number(),
  received: z.number(),
  complete: z.boolean(),
});
type UploadRow = typeof fieldUploads.$inferSelect;
const status = (u: UploadRow) => ({
  sha256: u.sha256,
  size: u.size,
  received: u.received,
  complete: !!u.completedAt,
});

export function fieldUploadRoutes(app: FastifyInstance, deps: AppDeps) {
  const { db, clock, storage } = deps;
  const access = { access: ['grid_worker', 'dispatcher', 'admin'] as const };
  const find = async (countyId: string, sha: string) =>
    (
      await db
        .select()
        .from(fieldUploads)
        .where(and(eq(fieldUploads.countyId, countyId), eq(fieldUploads.sha256, sha)))
    )[0];

  app.register(async (scope) => {
    if (!scope.hasContentTypeParser(CHUNK_TYPE))
      scope.addContentTypeParser(
        CHUNK_TYPE,
        { parseAs: 'buffer', bodyLimit: MAX_CHUNK_BYTES },
        (_req, body, done) => done(null, body),
      );
    const r = scope.withTypeProvider<ZodTypeProvider>();
    const tags = ['field'];

    r.post(
      '/api/v1/field/uploads',
      {
        config: access,
        schema: {
          tags,
          summary: 'Begin (or look up) a resumable photo upload, addressed by its sha-256',
          body: z.object({
            sha256: shaParams.shape.sha256,
            size: z.number().int().min(1).max(MAX_PHOTO_BYTES),
            mime: z.enum(MIMES),
          }),
          response: { 200: statusSchema },
        },
      },
      async (req) => {
        const v = viewerOf(req);
        await db
          .insert(fieldUploads)
          .values({
            countyId: v.countyId,
            ...req.body,
            received: 0,
            storageKey: null,
            uploadedBy: v.userId,
            createdAt: clock.now(),
            completedAt: null,
          })
          .onConflictDoNothing();
        const u = (await find(v.countyId, req.body.sha256))!;
        if (u.size !== req.body.size) throw new HeweiError('CONFLICT', { field: 'size' });
        return status(u);
      },
    );

    r.get(
      '/api/v1/field/uploads/:sha256',
      { config: access, schema: { tags, params: shaParams, response: { 200: statusSchema } } },
      async (req) => {
        const u = await find(viewerOf(req).countyId, req.params.sha256);
        if (!u) throw new HeweiError('NOT_FOUND');
        return status(u);
      },
    );

    r.patch(
      '/api/v1/field/uploads/:sha256',
      {
        config: access,
        schema: {
          tags,
          summary: `Append a chunk (${CHUNK_TYPE}) at Upload-Offset; 409 with the offset held when it does not match`,
          params: shaParams,
          headers: z.object({ 'upload-offset': z.coerce.number().int().min(0) }),
          response: { 200: statusSchema },
        },
      },
      async (req) => {
        const v = viewerOf(req);
        const chunk = req.body as Buffer;
        if (!Buffer.isBuffer(chunk) || chunk.length === 0)
          throw new HeweiError('VALIDATION_FAILED', { field: 'body' });
        const done = await db.transaction(async (tx) => {
          const [u] = await tx
            .select()
            .from(fieldUploads)
            .where(and(eq(fieldUploads.countyId, v.countyId), eq(fieldUploads.sha256, req.params.sha256)))
            .for('update');
          if (!u) throw new HeweiError('NOT_FOUND');
          if (u.completedAt) return { u, whole: null };
          const offset = req.headers['upload-offset'];
          if (offset !== u.received)
            throw new HeweiError('CONFLICT', {
              field: 'upload-offset',
              rule: 'UPLOAD_OFFSET_MISMATCH',
              params: { received: u.received },
            });
          if (u.received + chunk.length > u.size)
            throw new HeweiError('VALIDATION_FAILED', { field: 'body', rule: 'UPLOAD_TOO_LONG' });
          await tx
            .insert(fieldUploadChunks)
            .values({ countyId: v.countyId, sha256: u.sha256, offset, bytes: chunk });
          const received = u.received + chunk.length;
          await tx
            .update(fieldUploads)
            .set({ received })
            .where(and(eq(fieldUploads.countyId, v.countyId), eq(fieldUploads.sha256, u.sha256)));
          if (received < u.size) return { u: { ...u, received }, whole: null };
          const parts = await tx
            .select({ bytes: fieldUploadChunks.bytes })
            .from(fieldUploadChunks)
            .where(and(eq(fieldUploadChunks.countyId, v.countyId), eq(fieldUploadChunks.sha256, u.sha256)))
            .orderBy(asc(fieldUploadChunks.offset));
          return { u: { ...u, received }, whole: Buffer.concat(parts.map((p) => Buffer.from(p.bytes))) };
        });
        if (!done.whole) return status(done.u);
        const u = done.u;
        const where = and(eq(fieldUploads.countyId, v.countyId), eq(fieldUploads.sha256, u.sha256));
        if (sha256(done.whole) !== u.sha256) {
          await db
            .delete(fieldUploadChunks)
            .where(and(eq(fieldUploadChunks.countyId, v.countyId), eq(fieldUploadChunks.sha256, u.sha256)));
          await db.update(fieldUploads).set({ received: 0 }).where(where);
          throw new HeweiError('RULE_VIOLATION', { field: 'body', rule: 'UPLOAD_HASH_MISMATCH' });
        }
        const key = `field/${v.countyId}/${u.sha256}`;
        await storage.put(key, done.whole);
        await db.transaction(async (tx) => {
          await tx.update(fieldUploads).set({ storageKey: key, completedAt: clock.now() }).where(where);
          await tx
            .delete(fieldUploadChunks)
            .where(and(eq(fieldUploadChunks.countyId, v.countyId), eq(fieldUploadChunks.sha256, u.sha256)));
        });
        return { ...status(u), complete: true };
      },
    );

    r.get(
      '/api/v1/field/uploads/:sha256/content',
      { config: { access: STAFF }, schema: { tags, params: shaParams } },
      async (req, reply) => {
        const u = await find(viewerOf(req).countyId, req.params.sha256);
        if (!u?.storageKey) throw new HeweiError('NOT_FOUND');
        return reply
          .header('content-type', u.mime)
          .header('cache-control', 'private, max-age=31536000, immutable')
          .send(storage.get(u.storageKey));
      },
    );
  });
}
