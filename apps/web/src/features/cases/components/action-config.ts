import type { MessageKey } from '../../../lib/i18n/index.tsx';

export type FieldKind =
  | 'text'
  | 'number'
  | 'department'
  | 'departments'
  | 'colour'
  | 'complexity'
  | 'passed'
  | 'satisfaction'
  | 'outcome'
  | 'caseRef';

export interface ActionField {
  name: string;
  kind: FieldKind;
  label: MessageKey;
  required?: boolean;
  /** Shown only when this returns true for the current form values. */
  when?: (values: Record<string, unknown>) => boolean;
}

export interface ActionSpec {
  fields: ActionField[];
  tone?: 'primary' | 'danger';
}

const reason = (required = true): ActionField => ({
  name: 'reason',
  kind: 'text',
  label: 'form.reason',
  required,
});
const note = (required = false): ActionField => ({
  name: 'note',
  kind: 'text',
  label: 'form.note',
  required,
});
const lead: ActionField = {
  name: 'leadDepartmentId',
  kind: 'department',
  label: 'form.leadDepartment',
  required: true,
};
const co: ActionField = { name: 'coDepartmentIds', kind: 'departments', label: 'form.coDepartments' };
const days = (required: boolean, when?: ActionField['when']): ActionField => ({
  name: 'committedWorkingDays',
  kind: 'number',
  label: 'form.committedWorkingDays',
  required,
  when,
});

export const ACTIONS: Record<string, ActionSpec> = {
  accept: { fields: [], tone: 'primary' },
  reject: { fields: [reason()], tone: 'danger' },
  triage: {
    tone: 'primary',
    fields: [
      { name: 'complexity', kind: 'complexity', label: 'form.complexity', required: true },
      { name: 'colour', kind: 'colour', label: 'form.colour', required: true },
      days(true, (v) => v.colour === 'orange'),
    ],
  },
  resolveOnSpot: { fields: [note(true)] },
  dispatch: { tone: 'primary', fields: [lead, co, days(false), note()] },
  publishToPool: {
    fields: [
      { name: 'departmentIds', kind: 'departments', label: 'form.departments', required: true },
      note(),
    ],
  },
  claim: { fields: [], tone: 'primary' },
  acknowledge: { fields: [], tone: 'primary' },
  object: { fields: [reason()], tone: 'danger' },
  redispatch: { tone: 'primary', fields: [lead, co, reason()] },
  overrule: { fields: [reason()] },
  handle: { fields: [note(true)] },
  requestExtension: {
    fields: [{ name: 'workingDays', kind: 'number', label: 'form.workingDays', required: true }, reason()],
  },
  grantExtension: { fields: [reason(false)], tone: 'primary' },
  refuseExtension: { fields: [reason()], tone: 'danger' },
  reportResult: {
    fields: [{ name: 'result', kind: 'text', label: 'form.result', required: true }],
    tone: 'primary',
  },
  verify: {
    tone: 'primary',
    fields: [{ name: 'passed', kind: 'passed', label: 'form.passed', required: true }, note(true)],
  },
  callback: {
    tone: 'primary',
    fields: [
      { name: 'satisfaction', kind: 'satisfaction', label: 'form.satisfaction', required: true },
      note(),
    ],
  },
  skipCallback: { fields: [reason()] },
  reopen: { fields: [reason()] },
  close: { fields: [note()], tone: 'primary' },
  withdraw: { fields: [reason()], tone: 'danger' },
  merge: {
    fields: [
      { name: 'targetCaseId', kind: 'caseRef', label: 'form.targetCase', required: true },
      reason(false),
    ],
  },
  startMediation: { fields: [note()] },
  recordMediationOutcome: {
    tone: 'primary',
    fields: [{ name: 'outcome', kind: 'outcome', label: 'form.outcome', required: true }, note(true)],
  },
  escalate: { fields: [reason()] },
  // 催办 and 督办 (supervisors, leaders): the supervision order carries its own time limit
  urge: { fields: [reason()] },
  supervise: {
    fields: [
      reason(),
      { name: 'workingDays', kind: 'number', label: 'supervise.form.workingDays', required: true },
    ],
  },
};

/** Order in which buttons appear: the usual next step first. */
export const ACTION_ORDER = Object.keys(ACTIONS);
