import { and, asc, eq, inArray } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { attachments, caseEvents, caseParties, cases, users } from '../../db/schema/index.ts';
import type { AppDeps } from '../../deps.ts';
import { viewerOf } from '../../http/access.ts';
import { maskPhone } from '../../lib/crypto.ts';
import { openParty, USER_PHONE_PURPOSE } from '../../lib/pii/columns.ts';
import { recordAudit } from './audit.repository.ts';

/**
 * PIPL art. 45: a resident may have a copy of what Hewei holds about them. Their own party
 * entries come in full; other people's contact details stay masked.
 */
export function privacyRoutes(app: FastifyInstance, deps: AppDeps) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/me/export',
    {
      config: { access: ['resident'], rateLimit: { max: 5, timeWindow: '1 minute' } },
      schema: {
        tags: ['privacy'],
        summary: 'A resident’s own data: profile, cases, the parties they gave, timelines, file list.',
        response: {
          200: z.object({ exportedAt: z.string(), profile: z.unknown(), cases: z.array(z.unknown()) }),
        },
      },
    },
    async (req, reply) => {
      const v = viewerOf(req);
      const { db, pii } = deps;
      const [me] = await db.select().from(users).where(eq(users.id, v.userId));
      const myPhone = pii.open(me.phone, USER_PHONE_PURPOSE);
      const mine = await db
        .select()
        .from(cases)
        .where(and(eq(cases.countyId, v.countyId), eq(cases.applicantUserId, v.userId)))
        .orderBy(asc(cases.createdAt));
      const ids = mine.map((c) => c.id);
      const where = <T extends { countyId: any; caseId: any }>(t: T) =>
        and(eq(t.countyId, v.countyId), inArray(t.caseId, ids.length ? ids : ['']));
      const parties = (await db.select().from(caseParties).where(where(caseParties))).map((p) =>
        openParty(pii, p),
      );
      const events = await db.select().from(caseEvents).where(where(caseEvents)).orderBy(asc(caseEvents.seq));
      const files = await db.select().from(attachments).where(where(attachments));
      const now = deps.clock.now();
      await recordAudit(db, {
        at: now,
        action: 'privacy.exported',
        actorId: v.userId,
        target: `user:${v.userId}`,
        data: { cases: ids.length },
      });
      reply
        .header('content-disposition', 'attachment; filename="hewei-my-data.json"')
        .header('cache-control', 'no-store');
      return {
        exportedAt: now.toISOString(),
        profile: {
          id: me.id,
          displayName: me.displayName,
          phone: myPhone,
          createdAt: me.createdAt.toISOString(),
        },
        cases: mine.map((c) => ({
          trackingCode: c.trackingCode,
          kind: c.kind,
          categoryCode: c.categoryCode,
          description: c.description,
          address: c.address,
          status: c.status,
          createdAt: c.createdAt.toISOString(),
          closedAt: c.closedAt?.toISOString() ?? null,
          parties: parties
            .filter((p) => p.caseId === c.id)
            .map((p) => {
              const own = p.role === 'applicant' && p.phone === myPhone;
              return {
                role: p.role,
                name: p.name,
                phone: own ? p.phone : maskPhone(p.phone),
                idNumber: own ? p.idNumber : null,
                address: own ? p.address : null,
              };
            }),
          timeline: events
            .filter((e) => e.caseId === c.id)
            .map((e) => ({ type: e.type, at: e.at.toISOString(), toStatus: e.toStatus })),
          files: files
            .filter((f) => f.caseId === c.id)
            .map((f) => ({ fileName: f.fileName, mime: f.mime, size: f.size, sha256: f.sha256 })),
        })),
      };
    },
  );
}
