// Routes after the agreement: the judicial-confirmation application and the court's decision, the
// referral package on failure, and the mediation's documents (served only while their sealed hash matches).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { viewerOf } from '../../http/access.ts';
import type { AgreementsService } from './agreements.service.ts';
import type { CourtService } from './court.service.ts';
import type { DocumentsService } from './documents.service.ts';

const id = z.string().min(1).max(64);
/** A calendar date, YYYY-MM-DD, that exists. */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((d) => new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'INVALID_DATE');

export function courtRoutes(
  app: FastifyInstance,
  _deps: AppDeps,
  s: { agreements: AgreementsService; court: CourtService; documents: DocumentsService },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { agreements, court, documents } = s;
  const mediatorOnly = { access: ['mediator'] as const };
  const params = z.object({ agreementId: id });

  r.post(
    '/api/v1/mediation/agreements/:agreementId/confirmation',
    {
      config: mediatorOnly,
      schema: {
        tags: ['mediation'],
        summary:
          'Application for judicial confirmation (司法确认), within 30 days of the agreement taking effect, jointly signed by the parties.',
        params,
        body: z.object({
          court: z.object({ id, name: z.string().min(2).max(120) }),
          courtBasis: z
            .enum([
              'delegated_pre_litigation',
              'mediation_organisation_seat',
              'party_domicile',
              'subject_matter_location',
            ])
            .optional(),
          disputeTitle: z.string().max(60).optional(),
          factsAndReasons: z.string().min(1).max(8000),
          declarationAccepted: z.boolean(),
          serviceAddresses: z.record(z.string(), z.string().max(200)).optional(),
          phones: z.record(z.string(), z.string().max(30)).optional(),
          signatures: z
            .array(z.object({ partyId: id, imagePngBase64: z.string().min(1).max(4_000_100) }))
            .max(20),
        }),
        response: {
          201: z.object({
            id: z.string(),
            documentId: z.string(),
            sha256: z.string(),
            windowDueDate: z.string(),
            daysLeft: z.number(),
          }),
        },
      },
      bodyLimit: 12 * 1024 * 1024,
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await court.applyForConfirmation(viewerOf(req), req.params.agreementId, req.body)),
  );
  r.get(
    '/api/v1/mediation/agreements/:agreementId/confirmation-window',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['mediation'],
        summary:
          'The 30 days from the agreement taking effect in which judicial confirmation may be sought: open or why not, the last day, the days left.',
        params,
        response: {
          200: z.object({
            open: z.boolean(),
            reason: z.string().nullable(),
            effectiveDate: z.string().nullable(),
            dueDate: z.string().nullable(),
            daysLeft: z.number().nullable(),
          }),
        },
      },
    },
    async (req) => court.confirmationWindow(viewerOf(req), req.params.agreementId),
  );
  r.post(
    '/api/v1/mediation/confirmations/:confirmationId/decision',
    {
      config: mediatorOnly,
      schema: {
        tags: ['mediation'],
        summary:
          'The court’s answer: accepted (with its 调确字 number), not accepted, confirmed valid, dismissed.',
        params: z.object({ confirmationId: id }),
        body: z.object({
          status: z.enum(['accepted', 'not_accepted', 'confirmed', 'dismissed']),
          caseNumber: z.string().max(80).optional(),
          note: z.string().max(2000).optional(),
          decidedOn: isoDate.optional(),
        }),
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (req) => {
      await court.recordDecision(viewerOf(req), req.params.confirmationId, req.body);
      return { ok: true as const };
    },
  );
  r.post(
    '/api/v1/mediations/:id/referral',
    {
      config: mediatorOnly,
      schema: {
        tags: ['mediation'],
        summary:
          'Mediation failed: the referral package (PDF + JSON) for a court or arbitration body; the case follows it.',
        params: z.object({ id }),
        body: z.object({
          to: z.enum(['court', 'arbitration']),
          receivingBody: z.string().min(2).max(120),
          failureReason: z.string().min(1).max(4000),
          claims: z.string().max(4000).optional(),
        }),
        response: {
          201: z.object({
            id: z.string(),
            pdfDocumentId: z.string(),
            jsonDocumentId: z.string(),
            sha256: z.string(),
          }),
        },
      },
    },
    async (req, reply) => reply.status(201).send(await court.refer(viewerOf(req), req.params.id, req.body)),
  );

  const docItem = z.object({
    id: z.string(),
    kind: z.string(),
    refId: z.string(),
    mime: z.string(),
    sha256: z.string(),
    bytes: z.number(),
    createdAt: z.string(),
  });
  r.get(
    '/api/v1/mediations/:id/documents',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['mediation'],
        params: z.object({ id }),
        response: {
          200: z.object({
            items: z.array(docItem),
            confirmations: z.array(
              z.object({
                id: z.string(),
                status: z.string(),
                windowDueDate: z.string(),
                caseNumber: z.string().nullable(),
                documentId: z.string(),
                agreementId: z.string(),
                decidedAt: z.string().nullable(),
                decisionNote: z.string().nullable(),
                createdAt: z.string(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const view = await agreements.loadMediation(viewerOf(req), req.params.id);
      const docs = await documents.list(view.m.countyId, view.m.id);
      const cs = await court.confirmations(view.m.countyId, view.m.id);
      return {
        items: docs.map((d) => ({
          id: d.id,
          kind: d.kind,
          refId: d.refId,
          mime: d.mime,
          sha256: d.sha256,
          bytes: d.bytes,
          createdAt: d.createdAt.toISOString(),
        })),
        confirmations: cs.map((c) => ({
          id: c.id,
          status: c.status,
          windowDueDate: c.windowDueDate,
          caseNumber: c.caseNumber,
          documentId: c.documentId,
          agreementId: c.agreementId,
          decidedAt: c.decidedAt?.toISOString() ?? null,
          decisionNote: c.decisionNote,
          createdAt: c.createdAt.toISOString(),
        })),
      };
    },
  );
  r.get(
    '/api/v1/mediation/documents/:documentId',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['mediation'],
        summary: 'The stored document, served only if it still matches the hash sealed on the case timeline.',
        params: z.object({ documentId: id }),
      },
    },
    async (req, reply) => {
      const { doc, bytes } = await documents.download(viewerOf(req), req.params.documentId);
      const ext = doc.mime === 'application/pdf' ? 'pdf' : 'json';
      return reply
        .type(doc.mime)
        .header('x-document-sha256', doc.sha256)
        .header('content-disposition', `attachment; filename="${doc.kind}-${doc.id}.${ext}"`)
        .send(bytes);
    },
  );
  r.get(
    '/api/v1/mediation/documents/:documentId/verify',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['mediation'],
        summary:
          'Recompute the stored document’s hash and compare it with the one sealed on the case timeline.',
        params: z.object({ documentId: id }),
        response: {
          200: z.object({
            documentId: z.string(),
            kind: z.string(),
            recorded: z.string(),
            sealedOnTimeline: z.string().nullable(),
            actual: z.string().nullable(),
            matches: z.boolean(),
          }),
        },
      },
    },
    async (req) => documents.verify(viewerOf(req), req.params.documentId),
  );
}
