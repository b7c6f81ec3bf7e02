// The other party (被申请人) of a dispute the resident raised alone: named when the applicant asks
// for mediation in the portal, stored as a case party with its personal fields sealed and indexed
// like every party's, the write audited. The mediator sees it masked with the case's parties.
import { type CaseState, HeweiError, phoneSchema } from '@hewei/domain';
import { z } from 'zod';
import type { Tx } from '../../db/client.ts';
import { caseParties } from '../../db/schema/index.ts';
import type { AppDeps } from '../../deps.ts';
import type { Viewer } from '../../http/access.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { indexParty, PARTY_PURPOSE } from '../../lib/pii/columns.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { partiesOf } from './case-link.ts';

/** What the request body carries; each field is checked by the route so a bad one is named. */
export const respondentSchema = z.object({
  name: z.string().trim().min(1).max(100),
  phone: phoneSchema,
  address: z.string().trim().max(300).optional(),
});
export type RespondentInput = z.infer<typeof respondentSchema>;

type Party = Awaited<ReturnType<typeof partiesOf>>[number];

/**
 * The rules beyond the fields' shapes: an applicant asking alone must name the other party, a
 * dispute that has one takes no second through this door, and the applicant is not their own
 * opponent. Returns the parties the conflict-of-interest check must see.
 */
export function checkRespondent(
  viewer: Viewer,
  parties: Party[],
  input: RespondentInput | undefined,
): { name: string }[] {
  const has = parties.some((p) => p.role === 'respondent');
  if (!input) {
    if (viewer.role === 'resident' && !has)
      throw new HeweiError('VALIDATION_FAILED', { field: 'respondent', rule: 'RESPONDENT_REQUIRED' });
    return [];
  }
  if (has)
    throw new HeweiError('VALIDATION_FAILED', { field: 'respondent', rule: 'RESPONDENT_ALREADY_NAMED' });
  const digits = input.phone.replace('-', '');
  if (parties.some((p) => p.role === 'applicant' && p.phone?.replace('-', '') === digits))
    throw new HeweiError('VALIDATION_FAILED', { field: 'respondent.phone', rule: 'RESPONDENT_IS_APPLICANT' });
  return [{ name: input.name }];
}

/** Writes the respondent as the case's next party; call inside the request's transaction. */
export async function addRespondent(
  deps: AppDeps,
  tx: Tx,
  viewer: Viewer,
  c: CaseState,
  parties: Party[],
  input: RespondentInput,
): Promise<string> {
  const now = deps.clock.now();
  const id = uuidv7(now.getTime());
  const phone = input.phone.replace('-', '');
  await tx.insert(caseParties).values({
    countyId: c.countyId,
    id,
    caseId: c.id,
    role: 'respondent',
    name: input.name,
    phone: deps.pii.seal(phone, PARTY_PURPOSE.phone),
    idNumber: null,
    address: deps.pii.seal(input.address || null, PARTY_PURPOSE.address),
    position: parties.reduce((n, p) => Math.max(n, p.position + 1), 0),
  });
  await indexParty(tx, deps.pii, { county_id: c.countyId, id, phone });
  await recordAudit(tx, {
    at: now,
    action: 'case.party_added',
    actorId: viewer.userId,
    target: `case:${c.id}`,
    data: { partyId: id, role: 'respondent', via: 'mediation.request', address: !!input.address },
  });
  return id;
}
