// After mediation: judicial confirmation of an effective agreement (the 30-day window, the
// application with its materials, the court's decision); on failure the referral (referral.service.ts).
import {
  type ConfirmationApplicant,
  type Court,
  canApplyForConfirmation,
  draftConfirmationApplication,
  HeweiError,
  validateConfirmationApplication,
} from '@hewei/domain';
import type { AppDeps } from '../../deps.ts';
import { renderConfirmationApplicationPdf } from '../../documents/confirmation-pdf.ts';
import { measurePngInk } from '../../documents/signature-ink.ts';
import type { Viewer } from '../../http/access.ts';
import { uuidv7 } from '../../lib/ids.ts';
import type { AgreementsService } from './agreements.service.ts';
import { partiesOf } from './case-link.ts';
import { sealApplication } from './confirmation-pii.ts';
import type { DocumentsService } from './documents.service.ts';
import { assertMediator } from './mediation.policy.ts';
import { mediationRepository as repo } from './mediation.repository.ts';
import type { MediationService } from './mediation.service.ts';
import { referralService } from './referral.service.ts';

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
        /** The date on the court's ruling (YYYY-MM-DD); today when left out. */
        decidedOn?: string;
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
      const today = shanghaiDate(now);
      if (input.decidedOn && input.decidedOn > today)
        throw new HeweiError('VALIDATION_FAILED', { field: 'decidedOn', rule: 'DECISION_DATE_IN_FUTURE' });
      if (input.decidedOn && input.decidedOn < shanghaiDate(c.createdAt))
        throw new HeweiError('VALIDATION_FAILED', {
          field: 'decidedOn',
          rule: 'DECISION_BEFORE_APPLICATION',
        });
      // the ruling's own date, at the start of that day in China, else the moment it is recorded
      const decidedAt = input.decidedOn ? new Date(`${input.decidedOn}T00:00:00+08:00`) : now;
      await db.transaction(async (tx) => {
        await repo.updateConfirmation(tx, c, {
          status: input.status,
          caseNumber: input.caseNumber ?? c.caseNumber,
          decidedAt:
            input.status === 'confirmed' || input.status === 'dismissed' || input.status === 'not_accepted'
              ? decidedAt
              : c.decidedAt,
          decisionNote: input.note ?? null,
          updatedAt: now,
        });
        await mediations.log(tx, viewer, view.m, 'confirmation.decided', { confirmationId: id, ...input });
      });
    },

    /** The 30-day window for judicial confirmation of this agreement, as of now (holidays counted). */
    async confirmationWindow(viewer: Viewer, agreementId: string) {
      const { agreement } = await agreements.loadAgreement(db, viewer, agreementId);
      const check = canApplyForConfirmation(agreement, clock.now(), dayCalendar);
      return {
        open: check.ok,
        reason: check.ok ? null : check.reason,
        effectiveDate: check.window?.effectiveDate ?? null,
        dueDate: check.window?.dueDate ?? null,
        daysLeft: check.ok ? check.daysLeft : null,
      };
    },

    confirmations: (countyId: string, mediationId: string) => repo.confirmationsOf(db, countyId, mediationId),
    referrals: (countyId: string, mediationId: string) => repo.referralsOf(db, countyId, mediationId),
    ...referralService(deps, mediations, documents),
  };
}

export type CourtService = ReturnType<typeof courtService>;
