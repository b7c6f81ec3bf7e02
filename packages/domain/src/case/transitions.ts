import type { CaseStatus, Role } from './types.ts';

/**
 * Who may act, seen from the case:
 * queue — a dispatcher of the center that owns the case, or of a center above it;
 * scope — staff whose region covers the case's place;
 * lead / assignee — the department holding the lead (or any current) assignment;
 * pool — a department the case was published to;
 * applicant — the resident who brought the case.
 */
export type Relation = 'any' | 'queue' | 'scope' | 'lead' | 'assignee' | 'pool' | 'applicant';

export interface TransitionRule {
  from: readonly CaseStatus[];
  /** the next status; 'same' keeps it; an object maps an outcome of the action to a status */
  to: CaseStatus | 'same' | Readonly<Record<string, CaseStatus | 'same'>>;
  roles: readonly Role[];
  relations: readonly Relation[];
  event: string;
  /** internal actions are taken by the system on behalf of another action, never offered to a user */
  internal?: boolean;
  /** timers may take it as the 'system' actor (applySystemTransition); with no roles, only they may */
  system?: boolean;
}

const OPEN_BEFORE_RESULT: CaseStatus[] = [
  'submitted',
  'accepted',
  'triaged',
  'in_pool',
  'dispatched',
  'objected',
  'in_progress',
  'extension_requested',
  'in_mediation',
];
const NOT_TERMINAL: CaseStatus[] = [...OPEN_BEFORE_RESULT, 'resolved', 'verified', 'called_back'];

export const TRANSITIONS = {
  submit: {
    from: [],
    to: 'submitted',
    roles: ['resident', 'operator', 'grid_worker', 'dispatcher'],
    relations: ['any'],
    event: 'case.submitted',
  },
  accept: {
    from: ['submitted'],
    to: 'accepted',
    roles: ['dispatcher'],
    relations: ['queue'],
    event: 'case.accepted',
  },
  reject: {
    from: ['submitted'],
    to: 'rejected',
    roles: ['dispatcher'],
    relations: ['queue'],
    event: 'case.rejected',
  },
  triage: {
    from: ['accepted', 'triaged'],
    to: 'triaged',
    roles: ['dispatcher'],
    relations: ['queue'],
    event: 'case.triaged',
  },
  resolveOnSpot: {
    from: ['submitted', 'accepted', 'triaged'],
    to: 'verified',
    roles: ['operator', 'grid_worker', 'dispatcher'],
    relations: ['scope'],
    event: 'case.resolved_on_spot',
  },
  dispatch: {
    from: ['triaged'],
    to: 'dispatched',
    roles: ['dispatcher'],
    relations: ['queue'],
    event: 'case.dispatched',
  },
  publishToPool: {
    from: ['triaged'],
    to: 'in_pool',
    roles: ['dispatcher'],
    relations: ['queue'],
    event: 'case.published_to_pool',
  },
  claim: {
    from: ['in_pool'],
    to: 'in_progress',
    roles: ['handler'],
    relations: ['pool'],
    event: 'case.claimed',
  },
  acknowledge: {
    from: ['dispatched', 'in_progress'],
    to: { lead: 'in_progress', co: 'same' },
    roles: ['handler'],
    relations: ['assignee'],
    event: 'case.acknowledged',
  },
  object: {
    from: ['dispatched', 'in_progress'],
    to: { lead: 'objected', co: 'same' },
    roles: ['handler'],
    relations: ['assignee'],
    event: 'case.objected',
  },
  redispatch: {
    from: ['dispatched', 'objected', 'in_progress', 'extension_requested'],
    to: 'dispatched',
    roles: ['dispatcher'],
    relations: ['queue'],
    event: 'case.redispatched',
  },
  overrule: {
    from: ['objected'],
    to: 'in_progress',
    roles: ['dispatcher'],
    relations: ['queue'],
    event: 'case.objection_overruled',
  },
  handle: {
    from: ['in_progress', 'extension_requested'],
    to: 'same',
    roles: ['handler'],
    relations: ['assignee'],
    event: 'case.handled',
  },
  requestExtension: {
    from: ['in_progress'],
    to: 'extension_requested',
    roles: ['handler'],
    relations: ['lead'],
    event: 'case.extension_requested',
  },
  grantExtension: {
    from: ['extension_requested'],
    to: 'in_progress',
    roles: ['dispatcher'],
    relations: ['queue'],
    event: 'case.extension_granted',
  },
  refuseExtension: {
    from: ['extension_requested'],
    to: 'in_progress',
    roles: ['dispatcher'],
    relations: ['queue'],
    event: 'case.extension_refused',
  },
  reportResult: {
    from: ['in_progress'],
    to: 'resolved',
    roles: ['handler'],
    relations: ['lead'],
    event: 'case.result_reported',
  },
  verify: {
    from: ['resolved'],
    to: { passed: 'verified', failed: 'in_progress' },
    roles: ['grid_worker'],
    relations: ['scope'],
    event: 'case.verified',
  },
  callback: {
    from: ['verified'],
    to: 'called_back',
    roles: ['operator', 'dispatcher', 'resident'],
    relations: ['scope', 'applicant'],
    event: 'case.called_back',
  },
  skipCallback: {
    from: ['verified'],
    to: 'called_back',
    roles: ['operator', 'dispatcher'],
    relations: ['scope'],
    event: 'case.callback_skipped',
  },
  reopen: {
    from: ['called_back'],
    to: 'triaged',
    roles: ['dispatcher'],
    relations: ['queue'],
    event: 'case.reopened',
  },
  close: {
    from: ['called_back'],
    to: 'closed',
    roles: ['dispatcher'],
    relations: ['queue'],
    event: 'case.closed',
  },
  rate: {
    from: ['called_back', 'closed'],
    to: 'same',
    roles: ['resident'],
    relations: ['applicant'],
    event: 'case.rated',
  },
  withdraw: {
    from: OPEN_BEFORE_RESULT,
    to: 'withdrawn',
    roles: ['resident', 'operator', 'dispatcher'],
    relations: ['applicant', 'queue'],
    event: 'case.withdrawn',
  },
  merge: {
    from: ['submitted', 'accepted', 'triaged', 'in_pool'],
    to: 'merged',
    roles: ['dispatcher'],
    relations: ['queue'],
    event: 'case.merged',
  },
  attachDuplicate: {
    from: NOT_TERMINAL,
    to: 'same',
    roles: ['dispatcher'],
    relations: ['scope'],
    event: 'case.duplicate_attached',
    internal: true,
  },
  startMediation: {
    from: ['accepted', 'triaged'],
    to: 'in_mediation',
    roles: ['dispatcher'],
    relations: ['queue'],
    event: 'case.mediation_started',
  },
  recordMediationOutcome: {
    from: ['in_mediation'],
    to: { agreement: 'verified', failed: 'triaged', referred: 'closed' },
    roles: ['mediator'],
    relations: ['scope'],
    event: 'case.mediation_concluded',
  },
  recordMediationDocument: {
    from: ['in_mediation', 'triaged', 'verified', 'called_back', 'closed'],
    to: 'same',
    roles: ['mediator'],
    relations: ['scope'],
    event: 'case.mediation_document_issued',
    internal: true,
  },
  escalate: {
    from: NOT_TERMINAL,
    to: 'same',
    roles: ['dispatcher'],
    relations: ['queue'],
    event: 'case.escalated',
    system: true,
  },
  urge: {
    from: NOT_TERMINAL,
    to: 'same',
    roles: ['supervisor', 'leader'],
    relations: ['scope'],
    event: 'case.urged',
    system: true,
  },
  supervise: {
    from: NOT_TERMINAL,
    to: 'same',
    roles: ['supervisor', 'leader'],
    relations: ['scope'],
    event: 'case.supervised',
    system: true,
  },
  warnDueSoon: {
    from: NOT_TERMINAL,
    to: 'same',
    roles: [],
    relations: [],
    event: 'case.due_soon_warned',
    system: true,
  },
  markOverdue: {
    from: NOT_TERMINAL,
    to: 'same',
    roles: [],
    relations: [],
    event: 'case.overdue_marked',
    system: true,
  },
  /** the retention period has passed: the personal data go, the case stays in every count */
  anonymise: {
    from: ['closed', 'rejected', 'withdrawn', 'merged'],
    to: 'same',
    roles: [],
    relations: [],
    event: 'case.anonymised',
    system: true,
  },
  /** the handler asks the resident for more information through an expiring link (channels) */
  requestInfo: {
    from: NOT_TERMINAL,
    to: 'same',
    roles: ['dispatcher', 'handler'],
    relations: ['queue', 'assignee'],
    event: 'case.info_requested',
    internal: true,
  },
  /** the resident answered through the link, without signing in: recorded by the system */
  receiveInfo: {
    from: NOT_TERMINAL,
    to: 'same',
    roles: [],
    relations: [],
    event: 'case.info_received',
    internal: true,
    system: true,
  },
  /** referred to a partner: the police (110 linkage) or a court (pre-litigation delegation) */
  referToPartner: {
    from: NOT_TERMINAL,
    to: 'same',
    roles: ['dispatcher'],
    relations: ['queue'],
    event: 'case.referred_to_partner',
    internal: true,
  },
  /** the partner's receipt, then its result, as the dispatcher records them */
  recordPartnerReply: {
    from: [...NOT_TERMINAL, 'closed'],
    to: 'same',
    roles: ['dispatcher'],
    relations: ['queue'],
    event: 'case.partner_replied',
    internal: true,
  },
} as const satisfies Record<string, TransitionRule>;

export type CaseAction = keyof typeof TRANSITIONS;
export const CASE_ACTIONS = Object.keys(TRANSITIONS) as CaseAction[];
export const USER_ACTIONS = CASE_ACTIONS.filter(
  (a) =>
    a !== 'submit' &&
    !(TRANSITIONS[a] as TransitionRule).internal &&
    (TRANSITIONS[a] as TransitionRule).roles.length > 0,
);
/** What timers may do: never offered to a user, never reachable over HTTP. */
export const SYSTEM_ACTIONS = CASE_ACTIONS.filter((a) => (TRANSITIONS[a] as TransitionRule).system);
