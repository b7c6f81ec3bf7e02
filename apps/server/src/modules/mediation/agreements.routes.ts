import { type AgreementDraft, followUpDates } from '@hewei/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { agreementFollowUps } from '../../documents/followups.ts';
import { ICS_CONTENT_TYPE, toICalendar } from '../../documents/icalendar.ts';
import { viewerOf } from '../../http/access.ts';
import type { AgreementsService } from './agreements.service.ts';
import { courtRoutes } from './court.routes.ts';
import type { CourtService } from './court.service.ts';
import type { DocumentsService } from './documents.service.ts';
import { agreementSchema, presentAgreement } from './mediation.presenter.ts';

const id = z.string().min(1).max(64);
const txt = (max: number) => z.string().max(max);
const person = z.object({
  kind: z.literal('person'),
  id,
  name: txt(60),
  gender: z.enum(['male', 'female']).optional(),
  age: z.number().int().min(0).max(150).optional(),
  ethnicity: txt(20),
  occupation: txt(60),
  workplace: txt(120),
  address: txt(200),
  idType: z.enum(['resident_id', 'passport', 'hk_macao_permit', 'taiwan_permit', 'other']).optional(),
  idNumber: txt(30),
  phone: txt(30).optional(),
});
const organisation = z.object({
  kind: z.literal('organisation'),
  id,
  name: txt(120),
  address: txt(200),
  legalRepresentative: txt(60),
  legalRepresentativeTitle: txt(30).optional(),
  creditCode: txt(30).optional(),
  phone: txt(30).optional(),
});
const money = z.number().int().min(1).max(1e11);
/** The agreement text (Art. 29); completeness is checked by the domain rule, which names each missing field. */
export const agreementTextSchema = z.object({
  number: txt(60).optional(),
  category: txt(40).optional(),
  parties: z.array(z.discriminatedUnion('kind', [person, organisation])).max(20),
  facts: txt(10000),
  disputedMatters: txt(4000),
  responsibilities: z.array(z.object({ partyId: id, text: txt(2000) })).max(20),
  terms: z
    .array(
      z.object({
        id,
        content: txt(4000),
        obligorPartyIds: z.array(id).max(20),
        obligeePartyIds: z.array(id).max(20).optional(),
        performanceMethod: txt(200),
        place: txt(200),
        dueDate: txt(10),
        amountCents: money.optional(),
        instalments: z
          .array(z.object({ dueDate: txt(10), amountCents: money, note: txt(200).optional() }))
          .max(120)
          .optional(),
      }),
    )
    .max(50),
  mediators: z.array(z.object({ id, name: txt(60) })).max(10),
  organisation: z.object({ id, name: txt(120), address: txt(200).optional() }),
  date: txt(10),
  place: txt(200).optional(),
  copies: z.number().int().min(1).max(50).optional(),
});

export function agreementsRoutes(
  app: FastifyInstance,
  deps: AppDeps,
  s: { agreements: AgreementsService; court: CourtService; documents: DocumentsService },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { agreements } = s;
  const mediatorOnly = { access: ['mediator'] as const };
  const one = async (viewer: ReturnType<typeof viewerOf>, agreementId: string) => {
    const { row, agreement } = await agreements.loadAgreement(deps.db, viewer, agreementId);
    return presentAgreement(agreement, row.documentId);
  };
  const params = z.object({ agreementId: id });

  r.post(
    '/api/v1/mediations/:id/agreements',
    {
      config: mediatorOnly,
      schema: {
        tags: ['mediation'],
        summary: 'Draft the agreement from the template (parties, facts, mediators, organisation filled in).',
        params: z.object({ id }),
        body: agreementTextSchema.partial().default({}),
        response: { 201: agreementSchema },
      },
    },
    async (req, reply) => {
      const viewer = viewerOf(req);
      const agreementId = await agreements.draft(viewer, req.params.id, req.body as Partial<AgreementDraft>);
      return reply.status(201).send(await one(viewer, agreementId));
    },
  );
  r.get(
    '/api/v1/mediations/:id/agreements',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['mediation'],
        summary: 'Every version of the agreement, oldest first.',
        params: z.object({ id }),
        response: { 200: z.object({ items: z.array(agreementSchema) }) },
      },
    },
    async (req) => ({
      items: (await agreements.history(viewerOf(req), req.params.id)).map((a) => presentAgreement(a, null)),
    }),
  );
  r.get(
    '/api/v1/mediation/agreements/:agreementId',
    {
      config: { access: 'signed_in' },
      schema: { tags: ['mediation'], params, response: { 200: agreementSchema } },
    },
    async (req) => one(viewerOf(req), req.params.agreementId),
  );
  r.put(
    '/api/v1/mediation/agreements/:agreementId',
    {
      config: mediatorOnly,
      schema: {
        tags: ['mediation'],
        summary:
          'Edit the text while nobody has signed; masked values sent back unchanged keep the stored ones.',
        params,
        body: agreementTextSchema,
        response: { 200: agreementSchema },
      },
    },
    async (req) => {
      await agreements.edit(viewerOf(req), req.params.agreementId, req.body as unknown as AgreementDraft);
      return one(viewerOf(req), req.params.agreementId);
    },
  );
  r.post(
    '/api/v1/mediation/agreements/:agreementId/signatures',
    {
      config: { access: ['mediator', 'resident'] },
      schema: {
        tags: ['mediation'],
        summary:
          'A handwritten signature drawn on screen (PNG). An empty drawing or a signer whose identity was not checked is refused.',
        params,
        body: z.object({
          signerRole: z.enum(['party', 'mediator']),
          partyId: id.optional(),
          signerName: z.string().min(1).max(60),
          imagePngBase64: z.string().min(1).max(4_000_100),
          identityMethod: z.enum(['account', 'id_card', 'face']).optional(),
          identityChecked: z.boolean().optional(),
        }),
        response: { 200: agreementSchema },
      },
      bodyLimit: 6 * 1024 * 1024,
    },
    async (req) => {
      await agreements.sign(viewerOf(req), req.params.agreementId, req.body);
      return one(viewerOf(req), req.params.agreementId);
    },
  );
  r.post(
    '/api/v1/mediation/agreements/:agreementId/seal',
    {
      config: mediatorOnly,
      schema: {
        tags: ['mediation'],
        summary:
          'Affix the committee seal once all have signed: the agreement takes effect, its PDF is stored and its hash sealed on the case timeline.',
        params,
        response: { 200: z.object({ documentId: z.string(), sha256: z.string(), effectiveAt: z.string() }) },
      },
    },
    async (req) => agreements.seal(viewerOf(req), req.params.agreementId),
  );
  r.post(
    '/api/v1/mediation/agreements/:agreementId/supersede',
    {
      config: mediatorOnly,
      schema: {
        tags: ['mediation'],
        summary: 'Replace a signed agreement by a new version; the old one is kept as history.',
        params,
        body: z.object({ text: agreementTextSchema, reason: z.string().min(1).max(2000) }),
        response: { 201: agreementSchema },
      },
    },
    async (req, reply) => {
      const viewer = viewerOf(req);
      const newId = await agreements.supersede(
        viewer,
        req.params.agreementId,
        req.body.text as unknown as AgreementDraft,
        req.body.reason,
      );
      return reply.status(201).send(await one(viewer, newId));
    },
  );

  const perfItem = z.object({
    termId: z.string(),
    instalment: z.number(),
    dueDate: z.string(),
    amountCents: z.number().nullable(),
    status: z.string(),
    performedAt: z.string().nullable(),
    flaggedAt: z.string().nullable(),
    note: z.string().nullable(),
  });
  r.get(
    '/api/v1/mediation/agreements/:agreementId/performance',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['mediation'],
        summary:
          'Each obligation and instalment with its due date (pending, performed or breached), and the follow-up visit dates.',
        params,
        response: { 200: z.object({ items: z.array(perfItem), followUps: z.array(z.string()) }) },
      },
    },
    async (req) => {
      const { agreement, items } = await agreements.performance(viewerOf(req), req.params.agreementId);
      return {
        items: items.map((p) => ({
          ...p,
          performedAt: p.performedAt?.toISOString() ?? null,
          flaggedAt: p.flaggedAt?.toISOString() ?? null,
        })),
        followUps: agreement.sealAffixedAt ? followUpDates(agreement) : [],
      };
    },
  );
  r.post(
    '/api/v1/mediation/agreements/:agreementId/performance',
    {
      config: mediatorOnly,
      schema: {
        tags: ['mediation'],
        summary: 'Record that an obligation was performed, or flag a breach.',
        params,
        body: z.object({
          termId: id,
          instalment: z.number().int().min(0),
          performed: z.boolean(),
          note: z.string().max(2000).optional(),
        }),
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (req) => {
      await agreements.reportPerformance(viewerOf(req), req.params.agreementId, req.body);
      return { ok: true as const };
    },
  );
  r.get(
    '/api/v1/mediation/agreements/:agreementId/followups.ics',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['mediation'],
        summary: 'Follow-up visits (回访) for the performance of the agreement, as iCalendar.',
        params,
      },
    },
    async (req, reply) => {
      const { agreement } = await agreements.performance(viewerOf(req), req.params.agreementId);
      const ics = toICalendar(
        agreementFollowUps(agreement, { uidDomain: 'hewei.local', stamp: deps.clock.now() }),
        { prodId: '-//Hewei//Mediation//ZH' },
      );
      return reply
        .type(ICS_CONTENT_TYPE)
        .header('content-disposition', `attachment; filename="followups-${agreement.id}.ics"`)
        .send(ics);
    },
  );

  courtRoutes(app, deps, s);
}
