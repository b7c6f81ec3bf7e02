import { addCalendarDays, HeweiError, PETITION_DAYS, type SubmitCaseInput } from '@hewei/domain';
import type { AppDeps } from '../../deps.ts';
import type { Viewer } from '../../http/access.ts';
import { openParty } from '../../lib/pii/columns.ts';
import { casesRepository } from '../cases/cases.repository.ts';
import { casesService } from '../cases/cases.service.ts';
import { renderPetitionReply } from './petitions.letter.ts';

export interface PetitionInput {
  form: 'letter' | 'visit';
  categoryCode: string;
  description: string;
  place?: SubmitCaseInput['place'];
  petitioners: { name: string; phone?: string; idNumber?: string; address?: string }[];
  respondents?: { name: string; phone?: string; address?: string }[];
}

const RESULT_EVENTS = ['case.result_reported', 'case.resolved_on_spot', 'case.mediation_concluded'];

/**
 * Letters and visits (信访) registered by an operator: a case of kind `petition` from the `letter`
 * or `walk_in` channel, on the statutory limits the domain applies to petitions; the statutory
 * dates; and the written reply (信访事项处理意见书) once a result is recorded.
 */
export function petitionsService(deps: AppDeps) {
  const { db, org, clock, pii } = deps;
  const cases = casesService(deps);

  async function petition(v: Viewer, id: string) {
    const state = await cases.get(v, id);
    if (state.kind !== 'petition') throw new HeweiError('RULE_VIOLATION', { rule: 'NOT_A_PETITION' });
    return state;
  }

  return {
    register: (v: Viewer, input: PetitionInput, key?: string) =>
      cases.submit(
        v,
        {
          kind: 'petition',
          channel: input.form === 'letter' ? 'letter' : 'walk_in',
          categoryCode: input.categoryCode,
          description: input.description,
          place: input.place ?? {},
          parties: [
            ...input.petitioners.map((p) => ({ ...p, role: 'applicant' as const })),
            ...(input.respondents ?? []).map((p) => ({ ...p, role: 'respondent' as const })),
          ],
        },
        key,
      ),

    /** The statutory dates of a petition, as they stand now. */
    async limits(v: Viewer, id: string) {
      const state = await petition(v, id);
      const timeline = await casesRepository.timeline(db, state.countyId, id);
      const at = (type: string) => timeline.find((e) => e.event.type === type)?.event.at ?? null;
      const acceptedAt = at('case.accepted');
      const answered = timeline.filter((e) => RESULT_EVENTS.includes(e.event.type)).at(-1)?.event.at ?? null;
      const iso = (d: Date | null) => d?.toISOString() ?? null;
      return {
        registeredAt: state.createdAt,
        acceptBy: addCalendarDays(new Date(state.createdAt), PETITION_DAYS.accept).toISOString(),
        acceptedAt: iso(acceptedAt),
        resolveBy: state.resolveBy,
        statutoryResolveBy: acceptedAt
          ? addCalendarDays(acceptedAt, PETITION_DAYS.resolve).toISOString()
          : null,
        latestExtendedBy: acceptedAt
          ? addCalendarDays(acceptedAt, PETITION_DAYS.resolve + PETITION_DAYS.extension).toISOString()
          : null,
        answeredAt: iso(answered),
        reviewRequestBy: answered ? addCalendarDays(answered, PETITION_DAYS.review).toISOString() : null,
      };
    },

    /** The reply letter as a PDF; only once the handler has recorded what was done. */
    async replyLetter(v: Viewer, id: string) {
      const state = await petition(v, id);
      const timeline = await casesRepository.timeline(db, state.countyId, id);
      const result = timeline.filter((e) => RESULT_EVENTS.includes(e.event.type)).at(-1)?.event;
      if (!result?.reason) throw new HeweiError('RULE_VIOLATION', { rule: 'PETITION_NO_RESULT' });
      const parties = (await casesRepository.parties(db, state.countyId, id)).map((p) => openParty(pii, p));
      const cat = org.category(state.categoryCode);
      const owner = org.region(state.ownerRegionId);
      return renderPetitionReply({
        trackingCode: state.trackingCode,
        petitioners: parties.filter((p) => p.role === 'applicant').map((p) => p.name),
        form: state.channel === 'letter' ? 'letter' : 'visit',
        receivedAt: state.createdAt,
        acceptedAt: timeline.find((e) => e.event.type === 'case.accepted')?.event.at.toISOString() ?? null,
        categoryName: cat?.name ?? state.categoryCode,
        description: state.description,
        result: result.reason,
        center: `${owner?.name ?? ''}社会治理中心`,
        issuedAt: clock.now(),
        reviewDays: PETITION_DAYS.review,
      });
    },
  };
}
