import { RISK_LABELS, type RiskLevel } from '@hewei/domain/risk/index.ts';
import type { CalendarItem } from '../../documents/icalendar.ts';
import type { Locale } from '../../http/messages.ts';
import type { HouseholdRow, TaskRow } from './households.repository.ts';

/** Follow-up tasks as VTODOs due on their day; done ones marked COMPLETED, voided ones CANCELLED. */
export function followUpCalendarItems(
  households: HouseholdRow[],
  tasks: TaskRow[],
  now: Date,
  locale: Locale,
): CalendarItem[] {
  const byId = new Map(households.map((h) => [h.id, h]));
  const en = locale === 'en';
  return tasks.flatMap((t) => {
    const h = byId.get(t.householdId);
    if (!h) return [];
    const label = RISK_LABELS[t.level as RiskLevel]?.[en ? 'en' : 'zh'] ?? t.level;
    const item: CalendarItem = {
      kind: 'todo',
      uid: `${t.id}@hewei`,
      stamp: now,
      due: t.dueAt,
      summary: en ? `Follow-up visit: ${h.address} (${label})` : `回访：${h.address}（${label}）`,
      location: h.address,
      status: t.status === 'done' ? 'COMPLETED' : t.status === 'cancelled' ? 'CANCELLED' : 'NEEDS-ACTION',
      categories: [en ? 'Household follow-up' : '家庭风险回访'],
      ...(h.lat !== null && h.lon !== null ? { geo: { lat: h.lat, lon: h.lon } } : {}),
      ...(t.doneAt ? { completed: t.doneAt, percentComplete: 100 } : {}),
    };
    return [item];
  });
}
