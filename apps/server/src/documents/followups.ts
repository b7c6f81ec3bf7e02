// Follow-up visits (回访) for the performance of an agreement (People's Mediation Law Art. 31):
// one VTODO the day after each due date, with UIDs stable across versions of the agreement.
import { type Agreement, performanceSchedule } from '@hewei/domain/mediation/index.ts';
import { formatDate, formatYuan } from './format.ts';
import { type CalendarItem, shanghaiTime } from './icalendar.ts';

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export interface FollowUpOptions {
  /** Domain part of the UIDs, e.g. 'hewei.example.gov.cn'. */
  uidDomain: string;
  /** DTSTAMP of this version of the schedule. */
  stamp: Date;
  /** Time of day of the visit (Asia/Shanghai), default '09:00'. */
  at?: string;
  daysAfterDue?: number;
  location?: string;
  geo?: { lat: number; lon: number };
  /** Remind this many minutes before (default one day). */
  alarmMinutesBefore?: number;
}

/**
 * The follow-up tasks for an agreement. A new version of the agreement re-issues the same UIDs
 * with a higher SEQUENCE, so subscribed calendars update instead of duplicating; an obligation
 * dropped from the new version should be sent once more with status CANCELLED by the caller.
 */
export function agreementFollowUps(agreement: Agreement, opts: FollowUpOptions): CalendarItem[] {
  const nameOf = (id: string) => agreement.parties.find((p) => p.id === id)?.name ?? id;
  return performanceSchedule(agreement).map((s) => {
    const term = agreement.terms.find((t) => t.id === s.termId)!;
    const who = term.obligorPartyIds.map(nameOf).join('、');
    const what =
      s.instalment === undefined ? term.content : `第${s.instalment}期 ${formatYuan(s.amountCents ?? 0)}`;
    return {
      kind: 'todo' as const,
      uid: `followup-${agreement.rootId}-${s.termId}-${s.instalment ?? 0}@${opts.uidDomain}`,
      stamp: opts.stamp,
      start: shanghaiTime(addDays(s.dueDate, opts.daysAfterDue ?? 1), opts.at ?? '09:00'),
      due: shanghaiTime(addDays(s.dueDate, (opts.daysAfterDue ?? 1) + 2), '18:00'),
      summary: `回访：${who}履行调解协议情况`,
      description:
        `调解协议${agreement.number ? ` ${agreement.number}` : ''}（第${agreement.version}版）\n` +
        `履行义务人：${who}\n内容：${what}\n履行期限：${formatDate(s.dueDate)}\n履行方式：${term.performanceMethod}\n履行地点：${term.place}`,
      location: opts.location ?? term.place,
      geo: opts.geo,
      status: 'NEEDS-ACTION' as const,
      sequence: agreement.version - 1,
      relatedTo: agreement.caseId,
      categories: ['回访', '调解协议履行'],
      alarms: [{ minutesBefore: opts.alarmMinutesBefore ?? 24 * 60 }],
    };
  });
}
