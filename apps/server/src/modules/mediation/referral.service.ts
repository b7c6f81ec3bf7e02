// Mediation failed: the referral package for a court or an arbitration commission (summary, parties,
// evidence list, minutes, timeline) as PDF plus machine-readable JSON; the case follows the referral.
import type { AgreementDraft, AgreementParty, MediationStep, Referral } from '@hewei/domain';
import { and, eq } from 'drizzle-orm';
import { attachments } from '../../db/schema/index.ts';
import type { AppDeps } from '../../deps.ts';
import { renderReferralPackage } from '../../documents/referral.ts';
import type { Viewer } from '../../http/access.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { casesRepository } from '../cases/cases.repository.ts';
import { openDraft } from './agreements.service.ts';
import { partiesOf } from './case-link.ts';
import type { DocumentsService } from './documents.service.ts';
import { assertMediator, assertOpen } from './mediation.policy.ts';
import { mediationRepository as repo } from './mediation.repository.ts';
import type { MediationService } from './mediation.service.ts';

const shanghaiDate = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

export function referralService(deps: AppDeps, mediations: MediationService, documents: DocumentsService) {
  const { db, clock } = deps;

  return {
    /**
     * Mediation failed: the package for the court or the arbitration commission (summary, parties,
     * evidence, minutes, timeline) as PDF and JSON, sealed on the timeline; the case follows it (closed, referred).
     */
    async refer(
      viewer: Viewer,
      mediationId: string,
      input: { to: 'court' | 'arbitration'; receivingBody: string; failureReason: string; claims?: string },
    ) {
      const view = await mediations.load(db, viewer, mediationId);
      assertOpen(view, 'active');
      assertMediator(viewer, view);
      const now = clock.now();
      const { m, c } = view;
      const parties = await partiesOf(deps, db, m.countyId, c.id);
      const latest = (await repo.agreementsOf(db, m.countyId, m.id)).find((a) => !a.supersededById);
      const drafted = latest ? openDraft(deps.pii, latest.draft as AgreementDraft).parties : [];
      const referralParties: AgreementParty[] = parties.map(
        (p) =>
          drafted.find((d) => d.id === p.id) ?? {
            kind: 'person',
            id: p.id,
            name: p.name,
            gender: undefined as never,
            age: undefined as never,
            ethnicity: '',
            occupation: '',
            workplace: '',
            address: p.address ?? '',
            idNumber: p.idNumber ?? '',
            phone: p.phone ?? undefined,
          },
      );
      const sessions = await repo.sessions(db, m.countyId, m.id);
      const events = await repo.events(db, m.countyId, m.id);
      const files = await db
        .select()
        .from(attachments)
        .where(and(eq(attachments.countyId, m.countyId), eq(attachments.caseId, c.id)));
      const caseTimeline = await casesRepository.timeline(db, m.countyId, c.id);
      const links = view.links.filter((l) => l.status === 'accepted');
      const users = await repo.users(
        db,
        links.map((l) => l.userId),
      );
      const o = deps.org.mediationOrgs().find((x) => x.id === m.organisationId);
      const steps = [
        ...new Set(
          events
            .filter((e) => e.type === 'mediation.step_escalated')
            .map((e) => (e.data as { from: string }).from),
        ),
        m.step,
      ];
      const referral: Referral = {
        id: uuidv7(now.getTime()),
        caseId: c.id,
        caseCode: c.trackingCode,
        to: input.to,
        receivingBody: input.receivingBody,
        caseSummary: {
          title: `${deps.org.category(c.categoryCode)?.name ?? '民间纠纷'}`,
          category: c.categoryCode,
          place: c.address ?? undefined,
          receivedAt: c.createdAt,
          description: c.description,
          claims: input.claims,
          stepsTaken: steps as MediationStep[],
          failureReason: input.failureReason,
        },
        parties: referralParties,
        evidence: files.map((f) => ({
          id: f.id,
          title: f.fileName,
          kind: '电子数据',
          receivedAt: f.createdAt.toISOString(),
          sha256: f.sha256,
        })),
        minutes: sessions
          .filter((s) => s.minutes)
          .map((s) => ({
            sessionId: s.id,
            at: (s.startedAt ?? s.scheduledAt).toISOString(),
            mode: s.mode as 'video',
            place: s.place ?? undefined,
            attendees: [],
            content: s.minutes!,
          })),
        timeline: [
          ...caseTimeline.map(({ event: e, actorName }) => ({
            at: e.at.toISOString(),
            actor: actorName ?? e.actorRole,
            action: e.type,
            detail: e.reason ?? undefined,
          })),
          ...events
            .filter((e) => e.type !== 'chat.message')
            .map((e) => ({ at: e.at.toISOString(), actor: e.actorName, action: e.type })),
        ].sort((a, b) => a.at.localeCompare(b.at)),
        organisation: { id: m.organisationId, name: o?.name ?? m.organisationId },
        mediators: links.map((l) => ({ id: l.userId, name: users.get(l.userId)?.displayName ?? l.userId })),
        preparedOn: shanghaiDate(now),
        preparedBy: viewer.displayName,
      };
      const pkg = await renderReferralPackage(referral);
      const json = Buffer.from(JSON.stringify(pkg.json, null, 2));
      return db.transaction(async (tx) => {
        const locked = await mediations.load(tx, viewer, mediationId, true);
        assertOpen(locked, 'active');
        const pdfDoc = await documents.issue(tx, viewer, locked, {
          kind: 'referral',
          refId: referral.id,
          mime: 'application/pdf',
          bytes: pkg.pdf,
          note: `纠纷移送函（${input.receivingBody}）`,
        });
        const jsonDoc = await documents.issue(tx, viewer, locked, {
          kind: 'referral_json',
          refId: referral.id,
          mime: 'application/json',
          bytes: json,
          note: '移送材料（机器可读）',
        });
        await repo.insertReferral(tx, {
          countyId: m.countyId,
          id: referral.id,
          mediationId: m.id,
          to: input.to,
          receivingBody: input.receivingBody,
          documentId: pdfDoc.id,
          jsonDocumentId: jsonDoc.id,
          createdBy: viewer.userId,
          createdAt: now,
        });
        await mediations.log(tx, viewer, m, 'mediation.referred', {
          referralId: referral.id,
          to: input.to,
          receivingBody: input.receivingBody,
        });
        const fresh = await mediations.load(tx, viewer, mediationId);
        await mediations.conclude(
          tx,
          viewer,
          fresh,
          'referred',
          `${input.failureReason}（移送${input.receivingBody}）`,
        );
        return {
          id: referral.id,
          pdfDocumentId: pdfDoc.id,
          jsonDocumentId: jsonDoc.id,
          sha256: pdfDoc.sha256,
        };
      });
    },
  };
}
