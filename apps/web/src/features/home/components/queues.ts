import type { CaseFilters } from '../../../lib/api/case-queries.ts';
import type { Role } from '../../../lib/api/types.ts';
import type { MessageKey } from '../../../lib/i18n/index.tsx';

export interface Queue {
  key: string;
  label: MessageKey;
  filters: CaseFilters;
  to: string;
  tone?: 'danger' | 'warning';
}

const q = (
  key: string,
  label: MessageKey,
  filters: CaseFilters,
  to: string,
  tone?: Queue['tone'],
): Queue => ({
  key,
  label,
  filters,
  to,
  tone,
});

const dispatcher = [
  q('accept', 'home.queue.toAccept', { status: 'submitted' }, '/dispatch?tab=accept'),
  q('triage', 'home.queue.toTriage', { status: 'accepted' }, '/dispatch?tab=triage'),
  q('dispatch', 'home.queue.toDispatch', { status: 'triaged' }, '/dispatch?tab=dispatch'),
  q('objected', 'home.queue.objected', { status: 'objected' }, '/dispatch?tab=objected', 'warning'),
];
const due = [
  q('overdue', 'home.queue.overdue', { due: 'overdue' }, '/supervise?tab=overdue', 'danger'),
  q('soon', 'home.queue.dueSoon', { due: 'due_soon' }, '/supervise?tab=soon', 'warning'),
];
const verify = q('verify', 'home.queue.toVerify', { status: 'resolved' }, '/field');
const callback = q('callback', 'home.queue.toCallback', { status: 'verified' }, '/callback');
const mediation = q('mediation', 'home.queue.inMediation', { status: 'in_mediation' }, '/cases');

export const QUEUES: Partial<Record<Role, Queue[]>> = {
  operator: [q('mine', 'home.queue.mine', { mine: true }, '/cases'), callback],
  dispatcher: [...dispatcher, ...due],
  handler: [
    q('ack', 'home.queue.toAcknowledge', { status: 'dispatched', mine: true }, '/inbox?tab=ack'),
    q('progress', 'home.queue.inProgress', { status: 'in_progress', mine: true }, '/inbox?tab=progress'),
    q('overdue', 'home.queue.overdue', { due: 'overdue', mine: true }, '/inbox?tab=progress', 'danger'),
  ],
  grid_worker: [verify],
  mediator: [mediation],
  expert: [mediation],
  counsellor: [mediation],
  supervisor: due,
  leader: due,
  admin: [...dispatcher, verify, callback, ...due],
};
