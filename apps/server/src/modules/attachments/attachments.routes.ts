import multipart from '@fastify/multipart';
import { HeweiError } from '@hewei/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { viewerOf } from '../../http/access.ts';
import { type AttachmentRow, attachmentsService, UPLOAD_LIMIT } from './attachments.service.ts';

const params = z.object({ id: z.string().min(1).max(64) });
const attachmentSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  mime: z.string(),
  size: z.number(),
  sha256: z.string(),
  uploadedBy: z.string(),
  createdAt: z.string(),
  url: z.string(),
  urlExpiresAt: z.string(),
});
const RAW_TYPES = /^(application\/(octet-stream|pdf)|image\/[\w.+-]+|audio\/[\w.+-]+)\s*(;|$)/i;

/** Case files: photos, recordings, documents. Upload as multipart (field `file`) or a raw body. */
export function attachmentsRoutes(app: FastifyInstance, deps: AppDeps, service = attachmentsService(deps)) {
  const present = (req: FastifyRequest, row: AttachmentRow) => {
    const l = service.link(viewerOf(req), row);
    return {
      id: row.id,
      fileName: row.fileName,
      mime: row.mime,
      size: row.size,
      sha256: row.sha256,
      uploadedBy: row.uploadedBy,
      createdAt: row.createdAt.toISOString(),
      url: l.url,
      urlExpiresAt: l.expiresAt,
    };
  };

  app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: UPLOAD_LIMIT, files: 1, fields: 4, parts: 5 } });
    scope.addContentTypeParser(
      RAW_TYPES,
      { parseAs: 'buffer', bodyLimit: UPLOAD_LIMIT },
      (_req, body, done) => done(null, body),
    );
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/v1/cases/:id/attachments',
      {
        bodyLimit: UPLOAD_LIMIT,
        config: { access: 'signed_in' },
        schema: {
          tags: ['attachments'],
          summary:
            'Add a photo, recording or document to a case. The type is judged by content; photos are re-encoded without metadata; SVG and HTML are refused.',
          params,
          querystring: z.object({ name: z.string().max(200).optional() }),
          response: { 201: attachmentSchema },
        },
      },
      async (req, reply) => {
        await service.uploadTarget(viewerOf(req), req.params.id);
        let bytes: Buffer;
        let name = req.query.name;
        if (req.isMultipart()) {
          try {
            const file = await req.file();
            if (!file) throw new HeweiError('VALIDATION_FAILED', { field: 'file' });
            bytes = await file.toBuffer();
            name = file.filename || name;
          } catch (e) {
            // a broken multipart body is bad input, not a server fault
            if ((e as { statusCode?: number }).statusCode === 413 || e instanceof HeweiError) throw e;
            throw new HeweiError('VALIDATION_FAILED', { field: 'file' });
          }
        } else if (Buffer.isBuffer(req.body)) bytes = req.body;
        else throw new HeweiError('VALIDATION_FAILED', { field: 'file' });
        const row = await service.upload(viewerOf(req), req.params.id, bytes, name);
        return reply.status(201).send(present(req, row));
      },
    );
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/cases/:id/attachments',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['attachments'],
        summary: 'A case’s files, each with a download link valid for five minutes and for this viewer only.',
        params,
        response: { 200: z.object({ items: z.array(attachmentSchema) }) },
      },
    },
    async (req) => ({
      items: (await service.list(viewerOf(req), req.params.id)).map((row) => present(req, row)),
    }),
  );

  r.get(
    '/api/v1/files/:id',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['attachments'],
        summary: 'Download through a signed link (short-lived, bound to the viewer it was made for).',
        params: z.object({ id: z.string().min(1).max(64) }),
        querystring: z.object({ token: z.string().min(10).max(1000) }),
      },
    },
    async (req, reply) => {
      const { row, stream } = await service.open(viewerOf(req), req.params.id, req.query.token);
      const inline = row.mime.startsWith('image/') || row.mime.startsWith('audio/');
      const ascii = row.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
      reply
        .header('content-type', row.mime)
        .header('content-length', String(row.size))
        .header(
          'content-disposition',
          `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(row.fileName)}`,
        )
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, no-store');
      return reply.send(stream);
    },
  );
}
