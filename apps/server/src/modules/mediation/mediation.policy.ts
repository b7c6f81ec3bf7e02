// Who may see and do what on a mediation, from the case (scope, queue, applicant) and the
// mediation itself (the mediators on it, the people invited to its sessions).
import { type CaseState, canView, HeweiError, holdsRelation } from '@hewei/domain';
import type { Viewer } from '../../http/access.ts';
import type { MediationRow, MediatorLinkRow } from './mediation.repository.ts';

export interface MediationView {
  m: MediationRow;
  c: CaseState;
  links: MediatorLinkRow[];
  /** user ids invited to any session of this mediation */
  participantUserIds: Set<string>;
}

export const isApplicant = (v: Viewer, c: CaseState) =>
  v.role === 'resident' && c.applicantUserId === v.userId;
export const inQueue = (v: Viewer, c: CaseState) => v.role === 'dispatcher' && holdsRelation(c, v, 'queue');
export const linkOf = (v: Viewer, links: MediatorLinkRow[]) => links.find((l) => l.userId === v.userId);

/** An accepted mediator of this mediation. */
export const mediates = (v: Viewer, view: MediationView) =>
  v.role === 'mediator' && linkOf(v, view.links)?.status === 'accepted';

export function canSee(v: Viewer, view: MediationView): boolean {
  if (canView(view.c, v)) return true;
  const link = linkOf(v, view.links);
  if (link && link.status !== 'withdrawn') return true;
  return view.participantUserIds.has(v.userId);
}

/** 404 for those who may not know the mediation exists. */
export function assertSee(v: Viewer, view: MediationView) {
  if (!canSee(v, view)) throw new HeweiError('NOT_FOUND');
}

/** An accepted mediator whose region covers the case; else 403 with the reason. */
export function assertMediator(v: Viewer, view: MediationView) {
  assertSee(v, view);
  if (!mediates(v, view)) throw new HeweiError('FORBIDDEN', { rule: 'NOT_MEDIATOR_OF_MEDIATION' });
  if (!holdsRelation(view.c, v, 'scope')) throw new HeweiError('FORBIDDEN', { rule: 'OUT_OF_SCOPE' });
}

export function assertManager(v: Viewer, view: MediationView) {
  assertSee(v, view);
  if (!inQueue(v, view.c) && !mediates(v, view))
    throw new HeweiError('FORBIDDEN', { rule: 'NOT_MEDIATOR_OF_MEDIATION' });
}

export function assertOpen(view: MediationView, ...statuses: string[]) {
  if (!statuses.includes(view.m.status))
    throw new HeweiError('RULE_VIOLATION', { rule: 'MEDIATION_NOT_OPEN', params: { status: view.m.status } });
}

/** What the viewer may do, for the UI's buttons. */
export function mediationActions(v: Viewer, view: MediationView): string[] {
  const out: string[] = [];
  const link = linkOf(v, view.links);
  const open = view.m.status === 'requested' || view.m.status === 'active';
  if (open && link?.status === 'invited' && v.role === 'mediator') out.push('accept', 'decline');
  if (view.m.status === 'requested' && inQueue(v, view.c)) out.push('start');
  if (open && (inQueue(v, view.c) || mediates(v, view))) out.push('addMediator');
  if (view.m.status === 'active' && mediates(v, view) && holdsRelation(view.c, v, 'scope'))
    out.push('schedule', 'draftAgreement', 'recordOutcome', 'escalateStep', 'refer');
  if (view.m.status === 'concluded' && isApplicant(v, view.c) && view.m.satisfaction === null)
    out.push('rate');
  return out;
}
