// Follow-up visit dates from a cadence. Dates are local (Asia/Shanghai) 'YYYY-MM-DD' strings; the
// series is anchored on the day the level was set, so the same grading always yields the same days.
//   monthly: the anchor's day of month, every month (clamped to the month's last day)
//   twice a month: that day and fifteen days later, every month
//   weekly: every seventh day after the anchor
//   twice a week: every week, on the third and the seventh day after the anchor's weekday
//   observe: no scheduled visits

import type { FollowUpCadence, RiskLevel } from './levels.ts';
import { RISK_PROFILES } from './levels.ts';

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function toDay(date: string): number {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`not a date: ${date}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (new Date(ms).toISOString().slice(0, 10) !== date) throw new RangeError(`not a date: ${date}`);
  return ms / DAY_MS;
}
const fromDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

function monthDay(year: number, month: number, dayOfMonth: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(year, month, Math.min(dayOfMonth, last)) / DAY_MS;
}

/** The visit days of one cadence strictly after `anchor`, within [from, to] (all 'YYYY-MM-DD'). */
export function followUpDates(cadence: FollowUpCadence, anchor: string, from: string, to: string): string[] {
  const a = toDay(anchor);
  const lo = Math.max(toDay(from), a + 1);
  const hi = toDay(to);
  const out: number[] = [];
  if (cadence === 'weekly' || cadence === 'twice_weekly') {
    const offsets = cadence === 'weekly' ? [7] : [3, 7];
    for (let week = Math.floor((lo - a - 1) / 7); a + week * 7 <= hi; week++)
      for (const o of offsets) out.push(a + week * 7 + o);
  } else if (cadence === 'monthly' || cadence === 'twice_monthly') {
    const d = new Date(a * DAY_MS);
    const dom = d.getUTCDate();
    const start = new Date(lo * DAY_MS);
    let y = start.getUTCFullYear();
    let m = start.getUTCMonth() - 1;
    for (let k = 0; k < 1200; k++, m++) {
      if (m > 11) [y, m] = [y + 1, 0];
      const base = monthDay(y, m, dom);
      if (base > hi + 31) break;
      out.push(base);
      if (cadence === 'twice_monthly') out.push(base + 15);
    }
  } else if (cadence !== 'observe') {
    throw new RangeError(`unknown cadence: ${String(cadence)}`);
  }
  return [...new Set(out)]
    .filter((x) => x >= lo && x <= hi)
    .sort((x, y) => x - y)
    .map(fromDay);
}

/** Follow-up days for a household at `level`, graded on `anchor`. */
export const followUpDatesFor = (level: RiskLevel, anchor: string, from: string, to: string) =>
  followUpDates(RISK_PROFILES[level].cadence, anchor, from, to);

/** Visits one cadence expects in a span of `days` days (for "visits done against the cadence"). */
export function expectedVisits(cadence: FollowUpCadence, days: number): number {
  const perDay = {
    observe: 0,
    monthly: 12 / 365,
    twice_monthly: 24 / 365,
    weekly: 1 / 7,
    twice_weekly: 2 / 7,
  };
  return Math.round(perDay[cadence] * days * 10) / 10;
}

/** 'YYYY-MM-DD' plus n days. */
export const addDays = (date: string, n: number) => fromDay(toDay(date) + n);

/** The instant a follow-up due on `date` (Shanghai) becomes overdue: the end of that day. */
export function followUpDueAt(date: string): Date {
  return new Date((toDay(date) + 1) * DAY_MS - 8 * 3_600_000);
}
