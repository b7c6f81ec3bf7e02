import { HeweiError } from '@hewei/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { viewerOf } from '../../http/access.ts';
import { HOUSEHOLD_PHONE_PURPOSE } from '../../lib/pii/columns.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { householdsRepository as repo } from './households.repository.ts';
import { canSeeHousehold } from './households.service.ts';

/** Who may see a household head's phone in full (the same roles that may reveal a party's). */
const REVEALERS = ['grid_worker', 'dispatcher', 'mediator'];

/** The head's phone is masked everywhere; showing it in full is a recorded act (audit: pii.revealed). */
export function householdRevealRoute(app: FastifyInstance, deps: AppDeps) {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/v1/households/:id/reveal',
    {
      // any signed-in viewer reaches the check, so a household out of scope is 404 for everyone
      config: { access: 'signed_in' },
      schema: {
        tags: ['households'],
        summary: 'Show the household head’s phone in full; every reveal is recorded.',
        params: z.object({ id: z.string().min(1).max(64) }),
        body: z.object({ field: z.enum(['headPhone']) }),
        response: { 200: z.object({ value: z.string().nullable() }) },
      },
    },
    async (req) => {
      const v = viewerOf(req);
      const row = await repo.load(deps.db, v.countyId, req.params.id);
      if (!row || !canSeeHousehold(v, row)) throw new HeweiError('NOT_FOUND');
      if (!REVEALERS.includes(v.role)) throw new HeweiError('FORBIDDEN');
      await recordAudit(deps.db, {
        at: deps.clock.now(),
        action: 'pii.revealed',
        actorId: v.userId,
        target: `household:${row.id}`,
        data: { field: req.body.field, role: v.role },
      });
      return { value: deps.pii.open(row.headPhone, HOUSEHOLD_PHONE_PURPOSE) };
    },
  );
}
