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

/**
 * A petition (信访) runs on the statutory limits of the 信访工作条例 (2022), in calendar days: decide
 * whether to accept within 15 days of receipt, settle within 60 days of acceptance, extend once by
 * at most 30 days; the petitioner may ask for a review within 30 days of the written reply.
 */
export const PETITION_DAYS = { accept: 15, resolve: 60, extension: 30, review: 30 } as const;
const DAY = 24 * HOUR;
export const addCalendarDays = (from: Date, days: number) => new Date(from.getTime() + days * DAY);

export function acceptDeadline(urgent: boolean, kind: CaseKind, from: Date, cal: WorkingCalendar): Date {
  if (urgent) return new Date(from.getTime() + 30 * 60_000);
  return kind === 'petition' ? addCalendarDays(from, PETITION_DAYS.accept) : cal.addWorkingHours(from, 8);
}

/**
 * A petition's time to settle: the statutory 60 days stand in for the yellow default and cap every
 * other colour (a red one keeps its 24 hours, an orange commitment may not run past them).
 */
export function petitionResolveBy(colour: Colour, policyDeadline: string, now: Date): string {
  const statutory = addCalendarDays(now, PETITION_DAYS.resolve).toISOString();
  if (colour === 'yellow') return statutory;
  return policyDeadline < statutory ? policyDeadline : statutory;
}

/** A petition's extension adds its working days but never more than 30 calendar days. */
export function petitionExtended(base: Date, extended: Date): string {
  const cap = addCalendarDays(base, PETITION_DAYS.extension);
  return (extended < cap ? extended : cap).toISOString();
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
