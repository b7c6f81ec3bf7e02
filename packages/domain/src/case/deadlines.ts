import { ruleViolation } from '../errors.ts';
import type { WorkingCalendar } from '../time/calendar.ts';
import type { CaseKind, Colour } from './types.ts';

const HOUR = 3600_000;

/** Defaults of decisions.md until administrators set policies. */
export function resolveDeadline(
  colour: Colour,
  from: Date,
  cal: WorkingCalendar,
  committedWorkingDays?: number | null,
): Date {
  switch (colour) {
    case 'red':
      return new Date(from.getTime() + 24 * HOUR);
    case 'green':
      return cal.addWorkingDays(from, 1);
    case 'yellow':
      return cal.addWorkingDays(from, committedWorkingDays ?? 10);
    case 'orange':
      if (!committedWorkingDays) throw ruleViolation('ORANGE_NEEDS_COMMITMENT');
      if (committedWorkingDays > 60) throw ruleViolation('COMMITMENT_TOO_LONG', { max: 60 });
      return cal.addWorkingDays(from, committedWorkingDays);
  }
}

export function acceptDeadline(urgent: boolean, _kind: CaseKind, from: Date, cal: WorkingCalendar): Date {
  return urgent ? new Date(from.getTime() + 30 * 60_000) : cal.addWorkingHours(from, 8);
}

export const objectionDeadline = (from: Date, cal: WorkingCalendar) => cal.addWorkingHours(from, 8);
export const verifyDeadline = (from: Date, cal: WorkingCalendar) => cal.addWorkingDays(from, 2);
export const callbackDeadline = (from: Date, cal: WorkingCalendar) => cal.addWorkingDays(from, 3);

/** The deadline now running, whichever stage the case is in. */
export function runningDeadline(s: {
  status: string;
  acceptBy: string | null;
  resolveBy: string | null;
  verifyBy: string | null;
  callbackBy: string | null;
}): string | null {
  switch (s.status) {
    case 'submitted':
      return s.acceptBy;
    case 'accepted':
    case 'triaged':
    case 'in_pool':
    case 'dispatched':
    case 'objected':
    case 'in_progress':
    case 'extension_requested':
      return s.resolveBy;
    case 'resolved':
      return s.verifyBy;
    case 'verified':
      return s.callbackBy;
    default:
      return null;
  }
}
