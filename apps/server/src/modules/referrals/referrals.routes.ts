import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { viewerOf } from '../../http/access.ts';
import type { ReferralRow } from './referrals.repository.ts';
import { OUTCOMES, PARTNERS, referralsService } from './referrals.service.ts';

const referralSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  direction: z.string(),
  partner: z.enum(PARTNERS),
  externalRef: z.string(),
  status: z.enum(['sent', 'received', 'concluded']),
  outcome: z.string().nullable(),
  outcomeNote: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  outcomeAt: z.string().nullable(),
});
const present = (r: ReferralRow) => ({
  ...r,
  partner: r.partner as (typeof PARTNERS)[number],
  status: r.status as 'sent' | 'received' | 'concluded',
  createdAt: r.createdAt.toISOString(),
  outcomeAt: r.outcomeAt?.toISOString() ?? null,
});
const caseParams = z.object({ id: z.string().min(1).max(64) });
const refParams = caseParams.extend({ referralId: z.string().min(1).max(64) });
const externalRef = z.string().trim().min(1).max(100);
const note = z.string().trim().min(1).max(4000);
// signed in, then the case's visibility (404) before the role (403): see the service
const signedIn = { access: 'signed_in' as const };
const tags = ['referrals'];

/** Referrals to the police (110 linkage) and courts (pre-litigation delegation), with their answers. */
export function referralsRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = referralsService(deps);

  r.get(
    '/api/v1/cases/:id/referrals',
    {
      config: { access: 'signed_in' },
      schema: { tags, params: caseParams, response: { 200: z.object({ items: z.array(referralSchema) }) } },
    },
    async (req) => ({ items: (await service.list(viewerOf(req), req.params.id)).map(present) }),
  );

  r.post(
    '/api/v1/cases/:id/referrals',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Refer the case to the police or a court.',
        params: caseParams,
        body: z.object({ partner: z.enum(PARTNERS), externalRef: externalRef.optional(), note }),
        response: { 201: referralSchema },
      },
    },
    async (req, reply) =>
      reply.status(201).send(present(await service.refer(viewerOf(req), req.params.id, req.body))),
  );

  r.post(
    '/api/v1/cases/:id/referrals/:referralId/receipt',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'The partner confirmed it received the referral (with its own reference).',
        params: refParams,
        body: z.object({ externalRef: externalRef.optional(), note: note.optional() }),
        response: { 200: referralSchema },
      },
    },
    async (req) =>
      present(await service.receipt(viewerOf(req), req.params.id, req.params.referralId, req.body)),
  );

  r.post(
    '/api/v1/cases/:id/referrals/:referralId/result',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'What the partner did with it, returned to us.',
        params: refParams,
        body: z.object({ outcome: z.enum(OUTCOMES), note }),
        response: { 200: referralSchema },
      },
    },
    async (req) =>
      present(await service.result(viewerOf(req), req.params.id, req.params.referralId, req.body)),
  );
}
