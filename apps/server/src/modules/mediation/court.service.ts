// After mediation: judicial confirmation of an effective agreement (the 30-day window, the
// application with its materials, the court's decision) or, on failure, the referral package.
import {
  type AgreementDraft,
  type AgreementParty,
  type ConfirmationApplicant,
  type Court,
  canApplyForConfirmation,
  draftConfirmationApplication,
  HeweiError,
  type MediationStep,
  type Referral,
  validateConfirmationApplication,
} from '@hewei/domain';
import { and, eq } from 'drizzle-orm';
import { attachments } from '../../db/schema/index.ts';
import type { AppDeps } from '../../deps.ts';
import { renderConfirmationApplicationPdf } from '../../documents/confirmation-pdf.ts';
import { renderReferralPackage } from '../../documents/referral.ts';
import { measurePngInk } from '../../documents/signature-ink.ts';
import type { Viewer } from '../../http/access.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { casesRepository } from '../cases/cases.repository.ts';
import { type AgreementsService, openDraft } from './agreements.service.ts';
import { partiesOf } from './case-link.ts';
import { sealApplication } from './confirmation-pii.ts';
import type { DocumentsService } from './documents.service.ts';
import { assertMediator, assertOpen } from './mediation.policy.ts';
import { mediationRepository as repo } from './mediation.repository.ts';
import type { MediationService } from './mediation.service.ts';

const shanghaiDate = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

export interface ConfirmationInput {
  court: Court;
  courtBasis?:
    | 'delegated_pre_litigation'
    | 'mediation_organisation_seat'
    | 'party_domicile'
    | 'subject_matter_location';
  disputeTitle?: string;
  factsAndReasons: string;
  declarationAccepted: boolean;
  serviceAddresses?: Record<string, string>;
  phones?: Record<string, string>;
  signatures: { partyId: string; imagePngBase64: string }[];
}

export function courtService(
  deps: AppDeps,
  mediations: MediationService,
  agreements: AgreementsService,
  documents: DocumentsService,
) {
  const { db, clock, calendar } = deps;
  const dayCalendar = { isWorkingDay: (date: string) => calendar.isWorkingDay(date) };

  return {
    /** 司法确认申请书 from an effective agreement, jointly signed; refused once the window has closed. */
    async applyForConfirmation(viewer: Viewer, agreementId: string, input: ConfirmationInput) {
      const { row, view, agreement } = await agreements.loadAgreement(db, viewer, agreementId);
      assertMediator(viewer, view);
      const now = clock.now();
      const check = canApplyForConfirmation(agreement, now, dayCalendar);
      if (!check.ok)
        throw new HeweiError('RULE_VIOLATION', { rule: `CONFIRMATION_${check.reason.toUpperCase()}` });
      const parties = await partiesOf(deps, db, view.m.countyId, view.c.id);
      const phones = Object.fromEntries(parties.filter((p) => p.phone).map((p) => [p.id, p.phone!]));
      const app = draftConfirmationApplication(agreement, {
        id: uuidv7(now.getTime()),
        court: input.court,
        courtBasis: input.courtBasis,
        date: shanghaiDate(now),
        disputeTitle: input.disputeTitle,
        serviceAddresses: input.serviceAddresses,
        phones: { ...phones, ...(input.phones ?? {}) },
      });
      app.factsAndReasons = input.factsAndReasons;
      app.declarationAccepted = input.declarationAccepted;
      app.agreement.sha256 = row.documentId
        ? (await repo.document(db, row.countyId, row.documentId))?.sha256
        : undefined;
      for (const s of input.signatures) {
        const ink = measurePngInk(s.imagePngBase64);
        if (!ink || ink.inkPixels < 60)
          throw new HeweiError('VALIDATION_FAILED', {
            field: `signatures[${s.partyId}]`,
            rule: 'SIGNATURE_EMPTY',
          });
        const a = app.applicants.find((x: ConfirmationApplicant) => x.partyId === s.partyId);
        if (!a)
          throw new HeweiError('VALIDATION_FAILED', {
            field: `signatures[${s.partyId}]`,
            rule: 'UNKNOWN_PARTY',
          });
        app.signatures.push({
          partyId: s.partyId,
          signerName: a.name,
          imagePngBase64: s.imagePngBase64,
          signedAt: now.toISOString(),
        });
      }
      const issues = validateConfirmationApplication(app, { agreement, now, calendar: dayCalendar });
      if (issues.length)
        throw new HeweiError('VALIDATION_FAILED', {
          field: issues[0].field,
          rule: 'CONFIRMATION_INCOMPLETE',
          params: { code: issues[0].code },
        });
      app.tracking = { status: 'submitted', submittedAt: now.toISOString() };
      const pdf = await renderConfirmationApplicationPdf(app);
      return db.transaction(async (tx) => {
        const doc = await documents.issue(tx, viewer, view, {
          kind: 'confirmation',
          refId: app.id,
          mime: 'application/pdf',
          bytes: pdf,
          note: `司法确认申请书（${input.court.name}）`,
        });
        await repo.insertConfirmation(tx, {
          countyId: view.m.countyId,
          id: app.id,
          mediationId: view.m.id,
          agreementId,
          application: sealApplication(deps.pii, {
            ...app,
            signatures: app.signatures.map(({ imagePngBase64: _i, ...s }) => s),
          }),
          windowDueDate: check.window.dueDate,
          status: 'submitted',
          documentId: doc.id,
          caseNumber: null,
          decidedAt: null,
          decisionNote: null,
          createdAt: now,
          updatedAt: now,
        });
        await mediations.log(tx, viewer, view.m, 'confirmation.applied', {
          confirmationId: app.id,
          court: input.court.name,
          windowDueDate: check.window.dueDate,
          documentId: doc.id,
        });
        return {
          id: app.id,
          documentId: doc.id,
          sha256: doc.sha256,
          windowDueDate: check.window.dueDate,
          daysLeft: check.daysLeft,
        };
      });
    },

    /** The court's answer: accepted (调确字 number), not accepted, confirmed valid, or dismissed. */
    async recordDecision(
      viewer: Viewer,
      id: string,
      input: {
        status: 'accepted' | 'not_accepted' | 'confirmed' | 'dismissed';
        caseNumber?: string;
        note?: string;
      },
    ) {
      const c = await repo.confirmation(db, viewer.countyId, id);
      if (!c) throw new HeweiError('NOT_FOUND');
      const view = await mediations.load(db, viewer, c.mediationId);
      assertMediator(viewer, view);
      const order: Record<string, string[]> = {
        submitted: ['accepted', 'not_accepted'],
        accepted: ['confirmed', 'dismissed'],
      };
      if (!order[c.status]?.includes(input.status))
        throw new HeweiError('ILLEGAL_TRANSITION', {
          rule: `CONFIRMATION_${c.status.toUpperCase()}_TO_${input.status.toUpperCase()}`,
        });
      const now = clock.now();
      await db.transaction(async (tx) => {
        await repo.updateConfirmation(tx, c, {
          status: input.status,
          caseNumber: input.caseNumber ?? c.caseNumber,
          decidedAt:
            input.status === 'confirmed' || input.status === 'dismissed' || input.status === 'not_accepted'
              ? now
              : c.decidedAt,
          decisionNote: input.note ?? null,
          updatedAt: now,
        });
        await mediations.log(tx, viewer, view.m, 'confirmation.decided', { confirmationId: id, ...input });
      });
    },

    confirmations: (countyId: string, mediationId: string) => repo.confirmationsOf(db, countyId, mediationId),
    referrals: (countyId: string, mediationId: string) => repo.referralsOf(db, countyId, mediationId),

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

export type CourtService = ReturnType<typeof courtService>;
